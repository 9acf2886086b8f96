import type { DatabaseSync } from 'node:sqlite'

/**
 * Runs `work` in one transaction: all of it is committed, or none of it. `IMMEDIATE` takes
 * the write lock at once, so two processes on one file wait for each other (busy_timeout)
 * instead of failing halfway. Shared by the server's database and the client's account files.
 */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
}
