-- One authority for the rules: a flow's state is the rules' normalised view
-- (FlowView of @pforte/core/rules), kept as one jsonb document and decided by
-- the same code as the memory adapter's. Columns stay only for what SQL must
-- find or join (username key, product, expiry, completion) and for secrets,
-- which never enter the view: password and PIN hashes, code hashes.
-- Open flows of the old layout cannot be resumed under it and are dropped.

DELETE FROM sms_codes WHERE flow_id IN (SELECT id FROM flows WHERE completed_at IS NULL);
DELETE FROM email_codes WHERE flow_id IN (SELECT id FROM flows WHERE completed_at IS NULL);
DELETE FROM email_tokens WHERE flow_id IN (SELECT id FROM flows WHERE completed_at IS NULL);
DELETE FROM flows WHERE completed_at IS NULL;

ALTER TABLE flows
  ADD COLUMN view jsonb NOT NULL DEFAULT '{}'::jsonb,
  DROP COLUMN username,
  DROP COLUMN pin_state,
  DROP COLUMN pin_confirmed,
  DROP COLUMN phone,
  DROP COLUMN sms_verified,
  DROP COLUMN resend_available_at,
  DROP COLUMN visibility_set,
  DROP COLUMN visible,
  DROP COLUMN skipped,
  DROP COLUMN email,
  DROP COLUMN verified_email,
  DROP COLUMN email_link_resend_at,
  DROP COLUMN profile,
  DROP COLUMN terms_accepted_at,
  DROP COLUMN terms_recorded_at,
  DROP COLUMN terms_version,
  DROP COLUMN customer_number,
  DROP COLUMN lookup_failures,
  DROP COLUMN lookup_locked_until,
  DROP COLUMN captcha_verified,
  DROP COLUMN organization,
  DROP COLUMN second_factor_choice,
  DROP COLUMN email_code_verified,
  DROP COLUMN email_code_resend_at;
ALTER TABLE flows ALTER COLUMN view DROP DEFAULT;

-- A code's deadline, attempts and state live in the view; these tables keep only its salted HMAC.
ALTER TABLE sms_codes DROP COLUMN expires_at, DROP COLUMN attempts, DROP COLUMN state;
ALTER TABLE email_codes DROP COLUMN expires_at, DROP COLUMN attempts, DROP COLUMN state;
