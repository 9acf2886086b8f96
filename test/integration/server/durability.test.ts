/** Storage: a restart, or a kill -9, keeps accounts, lists and every acknowledged message. */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolderInUseError } from '../../../src/server/index.ts'
import { TestClient } from './wire.ts'
import { account, dataFolder, PASSWORD, serve } from './servers.ts'

const ALICE = 10001
const BOB = 10002
const CAROL = 10003
const seed = { accounts: [account(ALICE), account(BOB), account(CAROL, { policy: 1 })] }
const MAIN = new URL('../../../src/server/main.ts', import.meta.url).pathname

/** Starts `npm run server`'s script as its own process and waits for its port. */
async function spawnServer(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [MAIN, '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)))
  })
  return { child, port }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve())
  )

describe('durability', () => {
  it('a restart keeps accounts, lists, open requests, queued and unacknowledged messages', async () => {
    const dataDir = dataFolder()
    const first = await serve({ dataDir, seed })
    const alice = await new TestClient(first.port, ALICE).enter(PASSWORD)
    await alice.send({ cmd: 'AddToList', target: BOB })
    await alice.send({ cmd: 'Ack_AddToList', target: CAROL, kind: 2, reason: 'hello' })
    await alice.send({ cmd: 'CLTMSG', target: BOB, text: 'sent before the restart' })
    await alice.send({ cmd: 'CLTMSG', target: ALICE, text: 'in a batch' })
    const batch = await alice.send({ cmd: 'GetMsgEx', ack: '0' })
    await first.close()

    const second = await serve({ dataDir })
    const again = new TestClient(second.port, ALICE)
    expect(await again.login('wrong')).toMatchObject({ data: { accepted: false } })
    await again.enter(PASSWORD)
    expect(await again.send({ cmd: 'List', count: 160 })).toMatchObject({ data: { items: [BOB] } })
    expect(await again.send({ cmd: 'GetMsgEx', ack: '0' })).toEqual(batch)
    const bob = await new TestClient(second.port, BOB).enter(PASSWORD)
    expect(await bob.inbox()).toEqual([`9:${ALICE}:sent before the restart`])
    const carol = await new TestClient(second.port, CAROL).enter(PASSWORD)
    expect(await carol.inbox()).toEqual([`2:${ALICE}:hello`])
    await carol.send({ cmd: 'Ack_AddToList', target: ALICE, kind: 0, reason: '' })
    expect(await again.send({ cmd: 'List', count: 160 })).toMatchObject({
      data: { items: [BOB, CAROL] }
    })
  })

  it('kill -9 right after RES=0 loses no message and no friend', async () => {
    const dataDir = dataFolder()
    const seedFile = join(dataDir, 'seed.json')
    writeFileSync(seedFile, JSON.stringify(seed))
    const { child, port } = await spawnServer(['--data', dataDir, '--seed', seedFile])
    const alice = await new TestClient(port, ALICE).enter(PASSWORD)
    await alice.send({ cmd: 'AddToList', target: BOB })
    const texts = Array.from({ length: 5 }, (_, i) => `message ${i}`)
    for (const text of texts) {
      expect(await alice.send({ cmd: 'CLTMSG', target: BOB, text })).toMatchObject({ ok: true })
    }
    child.kill('SIGKILL')
    await exited(child)

    const restarted = await spawnServer(['--data', dataDir])
    try {
      const bob = await new TestClient(restarted.port, BOB).enter(PASSWORD)
      expect(await bob.inbox()).toEqual(texts.map((text) => `9:${ALICE}:${text}`))
      const again = await new TestClient(restarted.port, ALICE).enter(PASSWORD)
      expect(await again.send({ cmd: 'List', count: 160 })).toMatchObject({
        data: { items: [BOB] }
      })
    } finally {
      restarted.child.kill('SIGKILL')
      await exited(restarted.child)
    }
  })

  it('one server per data folder: a second is refused until the first closes', async () => {
    const dataDir = dataFolder()
    const first = await serve({ dataDir, seed })
    await expect(serve({ dataDir })).rejects.toThrow(FolderInUseError)
    await first.close()
    const second = await serve({ dataDir })
    await new TestClient(second.port, ALICE).enter(PASSWORD)
  })

  it('a port already taken: the start fails with EADDRINUSE and lets go of the folder', async () => {
    const taken = await serve({ seed })
    const dataDir = dataFolder()
    await expect(serve({ dataDir, port: taken.port, host: '127.0.0.1' })).rejects.toMatchObject({
      code: 'EADDRINUSE'
    })
    const started = await serve({ dataDir, seed })
    await new TestClient(started.port, ALICE).enter(PASSWORD)
  })

  it('SIGTERM closes the server cleanly', async () => {
    const { child } = await spawnServer(['--data', dataFolder()])
    child.kill('SIGTERM')
    await exited(child)
    expect(child.exitCode).toBe(0)
  })
})
