-- What a signed-in person changes later: a confirmation of the password
-- opens the re-authentication window of a session again; a number on its way
-- to becoming the SMS second factor waits with its code (a salted HMAC, as
-- for registration codes) until it is verified; the audit log records
-- changes of an account outside any organization, with what it was changed
-- to where that is no secret.

ALTER TABLE sessions ADD COLUMN reauthenticated_at bigint;

CREATE TABLE account_phone_changes (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  view       jsonb NOT NULL,
  salt       text,
  code_hash  text
);

ALTER TABLE audit_events ALTER COLUMN organization_id DROP NOT NULL;
ALTER TABLE audit_events ADD COLUMN detail text;
CREATE INDEX audit_events_subject ON audit_events (subject_id, at);
