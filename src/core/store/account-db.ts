import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { DEFAULT_GROUP_ID, DEFAULT_GROUP_NAME } from '../../shared/model.ts'
import { transaction } from '../../sqlite/transaction.ts'

const SCHEMA = `
CREATE TABLE messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  peer INTEGER NOT NULL,
  direction TEXT NOT NULL,
  text TEXT NOT NULL,
  time INTEGER NOT NULL,
  state TEXT NOT NULL,
  error TEXT,
  auto INTEGER NOT NULL DEFAULT 0,
  -- received: a fingerprint of the batch and place a message came in, so a batch the
  -- server sends again (it was not acknowledged) is stored once
  source TEXT UNIQUE,
  -- sent: how many CLTMSG parts the server accepted, and whether one is on the wire
  parts_sent INTEGER NOT NULL DEFAULT 0,
  in_flight INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX messages_by_peer ON messages (peer, seq);
CREATE INDEX messages_pending ON messages (seq) WHERE state = 'pending';
CREATE VIRTUAL TABLE messages_fts USING fts5 (
  text, content = 'messages', content_rowid = 'seq', tokenize = 'trigram case_sensitive 0'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TABLE contacts (
  uin INTEGER PRIMARY KEY,
  friend INTEGER NOT NULL DEFAULT 0,
  nick TEXT NOT NULL DEFAULT '',
  face INTEGER NOT NULL DEFAULT 0,
  remark TEXT NOT NULL DEFAULT '',
  group_id TEXT NOT NULL DEFAULT '${DEFAULT_GROUP_ID}',
  unread INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE friend_groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL
);
INSERT INTO friend_groups (id, name, position) VALUES ('${DEFAULT_GROUP_ID}', '${DEFAULT_GROUP_NAME}', 0);
CREATE TABLE system_messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  from_uin INTEGER NOT NULL,
  text TEXT NOT NULL,
  time INTEGER NOT NULL,
  answer TEXT,
  source TEXT UNIQUE
);
CREATE TABLE profiles (
  uin INTEGER PRIMARY KEY,
  fields TEXT NOT NULL,
  fetched_at INTEGER NOT NULL
);
`

/** Version 2 marks the automatic answers received before (version 1 marked sent ones only). */
const MARK_RECEIVED_AUTO_REPLIES = `
UPDATE messages SET auto = 1 WHERE direction = 'in' AND text LIKE '[自动回复]%';
`
const VERSION = 2

/**
 * A server key as a folder name on every system: letters, digits, `.`, `-` and `_` as they
 * are, anything else (the port's colon, an IPv6 address's brackets) as `%XX`, so that two
 * servers never share a folder.
 */
export function serverFolder(serverKey: string): string {
  return serverKey.replace(
    /[^A-Za-z0-9._-]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')
  )
}

/** The folder of an account, by (server, number): the same number on two servers has two. */
export function accountDir(dataDir: string, serverKey: string, uin: number): string {
  return join(dataDir, 'accounts', serverFolder(serverKey), String(uin))
}

/**
 * One SQLite file per account (server and number): history, contacts with their local groups, remarks and
 * unread counts, system messages and cached profiles. WAL with full sync, because a
 * received batch is acknowledged once its transaction commits: after that, the server
 * forgets it and this file is the only copy.
 */
export function openAccountDb(dataDir: string, serverKey: string, uin: number): DatabaseSync {
  const dir = accountDir(dataDir, serverKey, uin)
  mkdirSync(dir, { recursive: true })
  const db = new DatabaseSync(join(dir, 'history.sqlite'), { timeout: 5_000 })
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON')
  // Inside the transaction, so two processes opening a new file (the app and the command
  // line) cannot both create the schema.
  transaction(db, () => {
    const version = Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0)
    if (version === 0) db.exec(`${SCHEMA} PRAGMA user_version = ${VERSION};`)
    if (version === 1) db.exec(`${MARK_RECEIVED_AUTO_REPLIES} PRAGMA user_version = ${VERSION};`)
  })
  return db
}
