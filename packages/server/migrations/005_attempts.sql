-- Throttles over all flows (per client IP, per flow, per customer number and
-- organisation) count attempts here; a flow's username hold lapses when the
-- flow has been idle, so flows record when they were last saved.

CREATE TABLE attempts (
  bucket text NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX attempts_bucket_at ON attempts (bucket, at);

ALTER TABLE flows ADD COLUMN active_at bigint;
UPDATE flows SET active_at = created_at;
ALTER TABLE flows ALTER COLUMN active_at SET NOT NULL;

-- Idempotency fingerprints are now HMACs without the request's secrets, and
-- stored answers are sealed: rows of the old form (a day's worth) are dropped.
DELETE FROM idempotency_keys;
