-- The tables of the SQLite store, for PostgreSQL. Numbers are BIGINT: a QQ number goes up
-- to 4294967295, past INTEGER. A message's text is BYTEA (UTF-8), since TEXT refuses the
-- NUL character a client may send escaped; a profile is JSON as TEXT for the same reason
-- (JSONB refuses \u0000).
CREATE TABLE accounts (
  uin BIGINT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  nick TEXT NOT NULL DEFAULT '',
  face INTEGER NOT NULL DEFAULT 0,
  policy SMALLINT NOT NULL DEFAULT 0,
  profile TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE friends (
  owner BIGINT NOT NULL REFERENCES accounts (uin) ON DELETE CASCADE,
  friend BIGINT NOT NULL REFERENCES accounts (uin) ON DELETE CASCADE,
  PRIMARY KEY (owner, friend)
);
CREATE INDEX friends_by_friend ON friends (friend, owner);

-- batch: the id of the batch awaiting acknowledgement the message was sent in (D-24), or
-- NULL while it waits to be sent.
CREATE TABLE messages (
  id BIGSERIAL PRIMARY KEY,
  recipient BIGINT NOT NULL REFERENCES accounts (uin) ON DELETE CASCADE,
  type INTEGER NOT NULL,
  sender BIGINT NOT NULL,
  text BYTEA NOT NULL,
  time BIGINT NOT NULL,
  batch BIGINT
);
CREATE INDEX messages_by_recipient ON messages (recipient, id);

CREATE TABLE add_requests (
  requester BIGINT NOT NULL REFERENCES accounts (uin) ON DELETE CASCADE,
  target BIGINT NOT NULL REFERENCES accounts (uin) ON DELETE CASCADE,
  PRIMARY KEY (requester, target)
);

CREATE TABLE demo_accounts (
  uin BIGINT PRIMARY KEY REFERENCES accounts (uin) ON DELETE CASCADE,
  password TEXT NOT NULL,
  role TEXT NOT NULL
);
