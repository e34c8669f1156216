-- Sign-in, password reset and sessions. Accounts belong to the product they
-- registered for (or were created in by an admin, without a flow) and may
-- have to replace an initial password at their first sign-in. A sign-in
-- between password and session keeps the rules' view (SignInView of
-- @pforte/core/rules) as jsonb; codes, reset links and sessions are stored
-- only as hashes.

ALTER TABLE accounts
  ALTER COLUMN flow_id DROP NOT NULL,
  ADD COLUMN product text,
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
UPDATE accounts SET product = coalesce(flows.product, '') FROM flows WHERE flows.id = accounts.flow_id;
UPDATE accounts SET product = '' WHERE product IS NULL;
ALTER TABLE accounts ALTER COLUMN product SET NOT NULL;

CREATE TABLE sign_ins (
  id         text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at bigint NOT NULL,
  view       jsonb NOT NULL
);
CREATE INDEX sign_ins_expires_at ON sign_ins (expires_at);

-- The one live second-factor code of a sign-in: a salted HMAC, as for registration codes.
CREATE TABLE sign_in_codes (
  sign_in_id text PRIMARY KEY REFERENCES sign_ins (id) ON DELETE CASCADE,
  recipient  text NOT NULL,
  salt       text NOT NULL,
  code_hash  text NOT NULL
);

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at    bigint
);
CREATE INDEX password_resets_account ON password_resets (account_id);

CREATE TABLE sessions (
  token_hash          text PRIMARY KEY,
  account_id          text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  product             text NOT NULL,
  created_at          bigint NOT NULL,
  idle_expires_at     bigint NOT NULL,
  absolute_expires_at bigint NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_absolute_expires_at ON sessions (absolute_expires_at);
