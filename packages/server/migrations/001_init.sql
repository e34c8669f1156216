-- Pforte reference server: initial schema. Times are ms since the epoch (bigint),
-- taken from the server's clock, so tests can drive them with a manual clock.

CREATE TABLE flows (
  id                  text PRIMARY KEY,
  created_at          bigint NOT NULL,
  expires_at          bigint NOT NULL,
  locale              text NOT NULL,
  product             text,
  completed_at        bigint,
  username            text,
  -- Lower-cased username: open flows reserve it until they complete or expire.
  username_key        text,
  -- scrypt; moved to the account on completion and cleared here.
  password_hash       text,
  pin_state           text NOT NULL DEFAULT 'none' CHECK (pin_state IN ('none', 'issued', 'set')),
  pin_hash            text,
  pin_confirmed       boolean NOT NULL DEFAULT false,
  phone               text,
  sms_verified        boolean NOT NULL DEFAULT false,
  resend_available_at bigint,
  visibility_set      boolean NOT NULL DEFAULT false,
  visible             boolean NOT NULL DEFAULT false,
  skipped             text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX flows_open_username ON flows (username_key) WHERE completed_at IS NULL;
CREATE INDEX flows_expires_at ON flows (expires_at);

-- The one live SMS code of a flow: bound to the flow by its key, never stored in clear.
CREATE TABLE sms_codes (
  flow_id    text PRIMARY KEY REFERENCES flows (id) ON DELETE CASCADE,
  phone      text NOT NULL,
  salt       text NOT NULL,
  code_hash  text NOT NULL,
  expires_at bigint NOT NULL,
  attempts   integer NOT NULL DEFAULT 0,
  state      text NOT NULL CHECK (state IN ('live', 'used', 'dead'))
);

-- Every SMS sent, for the per-number and per-IP throttles.
CREATE TABLE sms_sends (
  id      bigserial PRIMARY KEY,
  flow_id text NOT NULL,
  phone   text NOT NULL,
  ip      text NOT NULL,
  sent_at bigint NOT NULL
);
CREATE INDEX sms_sends_phone ON sms_sends (phone, sent_at);
CREATE INDEX sms_sends_ip ON sms_sends (ip, sent_at);

CREATE TABLE accounts (
  id            text PRIMARY KEY,
  flow_id       text NOT NULL UNIQUE REFERENCES flows (id),
  username      text NOT NULL,
  username_key  text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  pin_hash      text,
  phone         text,
  second_factor text NOT NULL CHECK (second_factor IN ('sms', 'none')),
  visible       boolean NOT NULL,
  created_at    bigint NOT NULL
);

-- Stored answers per Idempotency-Key (never an answer that holds a secret).
CREATE TABLE idempotency_keys (
  key         text PRIMARY KEY,
  fingerprint text NOT NULL,
  created_at  bigint NOT NULL,
  status      integer,
  body        text
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Development SMS sender: what it "sent". Exposed at GET /dev/outbox outside production only.
CREATE TABLE outbox (
  id        bigserial PRIMARY KEY,
  channel   text NOT NULL,
  recipient text NOT NULL,
  body      text NOT NULL,
  code      text,
  flow_id   text NOT NULL,
  sent_at   bigint NOT NULL
);
