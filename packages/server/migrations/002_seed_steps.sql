-- Seed-product steps: invitations, e-mail confirmation links and codes, customer lookup,
-- captcha, organizations and memberships, profile, terms, second-factor choice.
-- Tokens (invitation, e-mail link, captcha) are stored only as SHA-256 hashes:
-- they are long random values, so a fast hash keeps them useless if the table leaks.

ALTER TABLE flows
  ADD COLUMN email text,
  ADD COLUMN verified_email text,
  ADD COLUMN email_link_resend_at bigint,
  ADD COLUMN invitation_hash text,
  ADD COLUMN profile jsonb,
  ADD COLUMN terms_accepted_at bigint,
  ADD COLUMN terms_recorded_at bigint,
  ADD COLUMN terms_version text,
  ADD COLUMN customer_number text,
  ADD COLUMN lookup_failures integer NOT NULL DEFAULT 0,
  ADD COLUMN lookup_locked_until bigint,
  ADD COLUMN captcha_verified boolean NOT NULL DEFAULT false,
  ADD COLUMN organization jsonb,
  ADD COLUMN second_factor_choice text CHECK (second_factor_choice IN ('none', 'email', 'sms')),
  ADD COLUMN email_code_verified boolean NOT NULL DEFAULT false,
  ADD COLUMN email_code_resend_at bigint;

CREATE TABLE invitations (
  token_hash    text PRIMARY KEY,
  email         text,
  salutation    text,
  title         text,
  first_name    text,
  last_name     text,
  organization  text,
  invited_by    text,
  created_at    bigint NOT NULL,
  validity_days integer NOT NULL,
  valid_until   bigint NOT NULL,
  used_at       bigint,
  account_id    text
);

-- E-mail confirmation links: random, single use, bound to the flow and the address they went to.
CREATE TABLE email_tokens (
  token_hash text PRIMARY KEY,
  flow_id    text NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
  email      text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at    bigint
);
CREATE INDEX email_tokens_flow ON email_tokens (flow_id);

-- The one live e-mail code of a flow, like sms_codes.
CREATE TABLE email_codes (
  flow_id    text PRIMARY KEY REFERENCES flows (id) ON DELETE CASCADE,
  email      text NOT NULL,
  salt       text NOT NULL,
  code_hash  text NOT NULL,
  expires_at bigint NOT NULL,
  attempts   integer NOT NULL DEFAULT 0,
  state      text NOT NULL CHECK (state IN ('live', 'used', 'dead'))
);

-- Every e-mail sent, for the per-address throttle.
CREATE TABLE email_sends (
  id        bigserial PRIMARY KEY,
  flow_id   text NOT NULL,
  recipient text NOT NULL,
  ip        text NOT NULL,
  sent_at   bigint NOT NULL
);
CREATE INDEX email_sends_recipient ON email_sends (recipient, sent_at);

-- Spent captcha tokens (single use).
CREATE TABLE captcha_tokens (
  token_hash text PRIMARY KEY,
  used_at    bigint NOT NULL
);

CREATE TABLE customers (
  customer_number text PRIMARY KEY,
  email           text NOT NULL,
  name            text
);

CREATE TABLE organizations (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  customer_number text,
  postal_code     text NOT NULL,
  -- Members seeded from outside (no account here), counted towards the maximum.
  external_members integer NOT NULL DEFAULT 0,
  created_at      bigint NOT NULL
);
CREATE INDEX organizations_lookup ON organizations (lower(customer_number));

CREATE TABLE memberships (
  organization_id text NOT NULL REFERENCES organizations (id),
  account_id      text NOT NULL REFERENCES accounts (id),
  status          text NOT NULL CHECK (status IN ('member', 'pending')),
  created_at      bigint NOT NULL,
  PRIMARY KEY (organization_id, account_id)
);

ALTER TABLE accounts
  ADD COLUMN email text,
  ADD COLUMN email_verified boolean NOT NULL DEFAULT false,
  ADD COLUMN profile jsonb,
  ADD COLUMN terms_accepted_at bigint,
  ADD COLUMN terms_version text;
ALTER TABLE accounts DROP CONSTRAINT accounts_second_factor_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_second_factor_check CHECK (second_factor IN ('sms', 'email', 'none'));

ALTER TABLE outbox ADD COLUMN link text;
