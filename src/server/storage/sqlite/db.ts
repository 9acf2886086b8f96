import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

/** The file inside a data folder that holds everything the server keeps. */
export const DATABASE_FILE = 'http-qq.sqlite'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  uin INTEGER PRIMARY KEY,
  password_hash TEXT NOT NULL,
  nick TEXT NOT NULL DEFAULT '',
  face INTEGER NOT NULL DEFAULT 0,
  policy INTEGER NOT NULL DEFAULT 0,
  profile TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS friends (
  owner INTEGER NOT NULL REFERENCES accounts(uin) ON DELETE CASCADE,
  friend INTEGER NOT NULL REFERENCES accounts(uin) ON DELETE CASCADE,
  PRIMARY KEY (owner, friend)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS friends_by_friend ON friends (friend, owner);
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recipient INTEGER NOT NULL REFERENCES accounts(uin) ON DELETE CASCADE,
  type INTEGER NOT NULL,
  sender INTEGER NOT NULL,
  text TEXT NOT NULL,
  time INTEGER NOT NULL,
  batch INTEGER
);
CREATE INDEX IF NOT EXISTS messages_by_recipient ON messages (recipient, id);
CREATE TABLE IF NOT EXISTS add_requests (
  requester INTEGER NOT NULL REFERENCES accounts(uin) ON DELETE CASCADE,
  target INTEGER NOT NULL REFERENCES accounts(uin) ON DELETE CASCADE,
  PRIMARY KEY (requester, target)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS demo_accounts (
  uin INTEGER PRIMARY KEY REFERENCES accounts(uin) ON DELETE CASCADE,
  password TEXT NOT NULL,
  role TEXT NOT NULL
);
`

/**
 * Opens (creating if needed) the database of a data folder, or an in-memory one. WAL with
 * `synchronous = FULL`: a commit is on disk before the call returns, so whatever a reply
 * confirms survives a crash of the process or of the machine.
 */
export function openDatabase(dataDir: string | undefined): DatabaseSync {
  let path = ':memory:'
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true })
    path = join(dataDir, DATABASE_FILE)
  }
  const db = new DatabaseSync(path)
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA foreign_keys = ON')
  // The account commands may write while a server runs on the same folder.
  db.exec('PRAGMA busy_timeout = 5000')
  db.exec(SCHEMA)
  return db
}
