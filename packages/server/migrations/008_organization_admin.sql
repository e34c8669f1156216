-- The organization administration: who manages (the master user, who
-- registered the organization here), decisions on join requests (a denied
-- request stays, so the requester learns the outcome at sign-in, but takes
-- no place), and an audit log of every change: who, what, to whom, when.

ALTER TABLE memberships
  ADD COLUMN role text NOT NULL DEFAULT 'member' CHECK (role IN ('master', 'member')),
  ADD COLUMN decided_at bigint;
ALTER TABLE memberships DROP CONSTRAINT memberships_status_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_status_check CHECK (status IN ('member', 'pending', 'denied'));
UPDATE memberships SET role = 'master'
  FROM organizations
 WHERE organizations.id = memberships.organization_id
   AND memberships.status = 'member'
   AND memberships.created_at = organizations.created_at;
CREATE INDEX memberships_account ON memberships (account_id);

-- No foreign keys: the log outlives the accounts it names.
CREATE TABLE audit_events (
  id              bigserial PRIMARY KEY,
  at              bigint NOT NULL,
  actor_id        text NOT NULL,
  action          text NOT NULL,
  subject_id      text NOT NULL,
  organization_id text NOT NULL
);
CREATE INDEX audit_events_organization ON audit_events (organization_id, at);
