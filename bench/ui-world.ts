/**
 * The world the UI benchmark measures in: our server with one account of 5,000 friends and
 * one of 50 (the baseline), and the big account's history holding 100,000 messages with
 * one friend (the baseline's: 10), written into the client's own history database.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serverKey } from '../src/core/server-address.ts'
import { accountId } from '../src/shared/account-id.ts'
import { openAccountStore } from '../src/core/store/account-store.ts'
import { startServer, type RunningServer, type SeedAccount } from '../src/server/index.ts'
import { hashPassword } from '../src/server/storage/passwords.ts'

export interface Scenario {
  readonly uin: number
  readonly password: string
  readonly friends: number
  /** The friend whose conversation is opened, and how many messages it holds. */
  readonly peer: number
  readonly history: number
}

export const BIG: Scenario = {
  uin: 40001,
  password: 'big',
  friends: 5_000,
  peer: 50_000,
  history: 100_000
}
export const SMALL: Scenario = {
  uin: 40002,
  password: 'small',
  friends: 50,
  peer: 60_000,
  history: 10
}

function friendsOf(scenario: Scenario, passwordHash: string): SeedAccount[] {
  return Array.from({ length: scenario.friends }, (_, i) => ({
    uin: scenario.peer + i,
    passwordHash,
    nick: i % 3 === 0 ? `好友 ${i}` : `Friend ${i}`,
    face: (i * 3) % 303
  }))
}

function writeHistory(dataDir: string, server: string, scenario: Scenario): void {
  const store = openAccountStore(dataDir, serverKey(server), scenario.uin)
  const start = Date.now() - scenario.history * 60_000
  store.db.exec('BEGIN')
  for (let i = 0; i < scenario.history; i++) {
    const text = `message ${i}: 你好 /wx http://example.com/${i}`
    if (i % 2 === 0)
      store.messages.addReceived({
        peer: scenario.peer,
        text,
        time: start + i * 60_000,
        source: undefined
      })
    else store.messages.addOutgoing(scenario.peer, text, start + i * 60_000, false)
  }
  // Outgoing ones are stored as pending; mark them sent so nothing tries to send them.
  store.db.exec("UPDATE messages SET state = 'sent' WHERE state = 'pending'")
  store.db.exec('COMMIT')
  store.close()
}

export async function startUiWorld(): Promise<{
  server: RunningServer
  /** The account id of a scenario's number on the server, as the windows' routes name it. */
  account: (s: Scenario) => string
  dataDir: (s: Scenario) => string
  /** Stops the server and deletes the clients' data folders. */
  close: () => Promise<void>
}> {
  // The friends never log in: one hash serves them all (scrypt is slow on purpose).
  const passwordHash = await hashPassword('unused')
  const server = await startServer({
    port: 0,
    // Rate-limit windows scaled down: the message burst is about the windows, not pacing.
    penaltyScale: 0.001,
    seed: {
      accounts: [BIG, SMALL].flatMap((scenario) => [
        {
          uin: scenario.uin,
          password: scenario.password,
          nick: 'Bench',
          friends: Array.from({ length: scenario.friends }, (_, i) => scenario.peer + i)
        },
        ...friendsOf(scenario, passwordHash)
      ])
    }
  })
  const folders = new Map<Scenario, string>()
  for (const scenario of [BIG, SMALL]) {
    const folder = mkdtempSync(join(tmpdir(), 'qq-bench-ui-'))
    writeHistory(folder, server.address, scenario)
    folders.set(scenario, folder)
  }
  return {
    server,
    account: (scenario) => accountId(serverKey(server.address), scenario.uin),
    dataDir: (scenario) => folders.get(scenario) ?? '',
    close: async () => {
      await server.close()
      for (const folder of folders.values()) rmSync(folder, { recursive: true, force: true })
    }
  }
}
