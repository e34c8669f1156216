-- Guest access by TAN and accounts by invitation. A guest invitation is
-- found by the hash of its token (the link's fragment); its one-time code is
-- kept beside it as a salted HMAC, like every code. The rules' view
-- (GuestInvitationView of @pforte/core/rules: uses, wrong attempts, expiry)
-- is jsonb. A session belongs to an account or to a guest invitation, never
-- both; a guest's session goes with its invitation. An account created by
-- invitation has no password until its holder sets one with the e-mailed link.

ALTER TABLE accounts ALTER COLUMN password_hash DROP NOT NULL;

CREATE TABLE guest_invitations (
  id         text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  product    text NOT NULL,
  expires_at bigint NOT NULL,
  view       jsonb NOT NULL
);
CREATE INDEX guest_invitations_expires_at ON guest_invitations (expires_at);

CREATE TABLE guest_codes (
  invitation_id text PRIMARY KEY REFERENCES guest_invitations (id) ON DELETE CASCADE,
  salt          text NOT NULL,
  code_hash     text NOT NULL
);

ALTER TABLE sessions
  ALTER COLUMN account_id DROP NOT NULL,
  ADD COLUMN guest_invitation_id text REFERENCES guest_invitations (id) ON DELETE CASCADE,
  ADD CONSTRAINT sessions_account_or_guest CHECK ((account_id IS NULL) <> (guest_invitation_id IS NULL));
