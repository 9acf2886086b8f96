import { spawnSync } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { HEADER_CSP } from '../../../src/serve/csp.ts'
import type { ShellMessage } from '../../../src/shared/socket-messages.ts'
import type { PageGlobals } from './browser.ts'
import { ADDRESS_LINE, ROOT, startWebShellProcess } from './web-shell-process.ts'
import { shellAndBrowser } from './shell-and-browser.ts'

const running = shellAndBrowser()

/**
 * Opens the bridge socket as a page would (a window of `account`, or the login window);
 * resolves to the socket or the refusal.
 */
function connect(
  token: string | null,
  origin = running.shell.origin,
  account?: string
): Promise<WebSocket | Error> {
  const params = new URLSearchParams({
    ...(token === null ? {} : { token }),
    ...(account === undefined ? {} : { account })
  })
  const query = params.size === 0 ? '' : `?${params.toString()}`
  const socket = new WebSocket(`${running.shell.origin.replace('http', 'ws')}/bridge${query}`, {
    origin
  })
  return new Promise((resolve) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', (error) => resolve(error))
  })
}

function call(socket: WebSocket, id: number, name: string, args: unknown[]): Promise<ShellMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as ShellMessage
      if ('id' in message && message.id === id) {
        socket.off('message', onMessage)
        resolve(message)
      }
    }
    socket.on('message', onMessage)
    socket.send(JSON.stringify({ id, call: name, args }))
  })
}

describe('the web shell', () => {
  it('prints its address, with a fresh token, alone on its line', () => {
    const lines = running.shell.output().split('\n')
    expect(lines.filter((line) => ADDRESS_LINE.test(line))).toHaveLength(1)
    expect(running.shell.token.length).toBeGreaterThanOrEqual(40)
  })

  it('serves the page only with the token, with the CSP as a header', async () => {
    for (const url of [
      `${running.shell.origin}/`,
      `${running.shell.origin}/?token=wrong`,
      `${running.shell.origin}/index.html?token=`
    ]) {
      const refused = await fetch(url)
      expect(refused.status, url).toBe(403)
      expect(await refused.text()).not.toContain('web-bridge')
    }
    const page = await fetch(running.shell.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(HEADER_CSP)
    expect(await page.text()).toContain('<script src="/web-bridge.js"></script>')
  })

  it('answers only requests addressed to itself (no DNS rebinding)', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(running.shell.url)
      const sent = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: `/${url.search}`,
          headers: { host: 'evil.example' }
        },
        (response) => resolve(response.statusCode ?? 0)
      )
      sent.on('error', reject)
      sent.end()
    })
    expect(status).toBe(421)
  })

  it('refuses the bridge socket without the token, with a wrong one, or from another site', async () => {
    for (const [token, origin] of [
      [null, running.shell.origin],
      ['wrong', running.shell.origin],
      [running.shell.token.slice(1), running.shell.origin],
      [running.shell.token, 'http://evil.example']
    ] as const) {
      const refused = await connect(token, origin)
      expect(refused).toBeInstanceOf(Error)
      expect(String(refused)).toContain('403')
    }
  })

  it('validates calls on the socket as the app does', async () => {
    const socket = await connect(running.shell.token)
    if (socket instanceof Error) throw socket
    try {
      const settings = await call(socket, 1, 'getSettings', [null])
      expect(settings).toMatchObject({ id: 1, result: { ok: true, value: { hostForLan: false } } })
      const bad = await call(socket, 2, 'getProfile', ['10001', true])
      expect(bad).toMatchObject({
        id: 2,
        result: { ok: false, error: { code: 'INVALID_ARGUMENT' } }
      })
      const unknown = await call(socket, 3, 'runShell', [])
      expect(unknown).toMatchObject({ id: 3, result: { ok: false, error: { code: 'NOT_FOUND' } } })
      const noAccount = await call(socket, 4, 'getSnapshot', [null])
      expect(noAccount).toMatchObject({ result: { error: { code: 'INVALID_ARGUMENT' } } })
    } finally {
      socket.close()
    }
  })

  it('lets a tab act for its own account only, and refuses a socket naming no account', async () => {
    const own = '10001@built-in'
    const socket = await connect(running.shell.token, running.shell.origin, own)
    if (socket instanceof Error) throw socket
    try {
      // Its own account: the core answers (not signed in, here).
      const mine = await call(socket, 1, 'getSnapshot', [own])
      expect(mine).toMatchObject({ result: { ok: false, error: { code: 'NOT_LOGGED_IN' } } })
      for (const [id, name, args] of [
        [2, 'getSnapshot', ['10002@built-in']],
        [3, 'sendMessage', ['10002@built-in', 10001, 'as another']],
        [4, 'updateSettings', ['10002@built-in', { sendKey: 'enter' }]]
      ] as const) {
        const refused = await call(socket, id, name, [...args])
        expect(refused, name).toMatchObject({ result: { ok: false, error: { code: 'FORBIDDEN' } } })
      }
      // The app's settings are every window's.
      const app = await call(socket, 5, 'getSettings', [null])
      expect(app).toMatchObject({ result: { ok: true } })
    } finally {
      socket.close()
    }
    const login = await connect(running.shell.token, running.shell.origin)
    if (login instanceof Error) throw login
    try {
      const asSomeone = await call(login, 1, 'logout', [own])
      expect(asSomeone).toMatchObject({ result: { ok: false, error: { code: 'FORBIDDEN' } } })
    } finally {
      login.close()
    }
    const bad = await connect(running.shell.token, running.shell.origin, 'not an account')
    expect(String(bad)).toContain('400')
  })

  it('shows the browser a 403 for a wrong token and never defines the bridge there', async () => {
    const page = await running.browser.context.newPage()
    const response = await page.goto(`${running.shell.origin}/?token=not-the-token#/login`)
    expect(response?.status()).toBe(403)
    expect(
      await page.evaluate(() => typeof (globalThis as unknown as Partial<PageGlobals>).qq)
    ).toBe('undefined')
    await page.close()
  })
})

describe('the web shell’s options', () => {
  it('listens on the --port given, and with --server starts no server of its own', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo
        probe.close(() => resolve(port))
      })
    })
    const other = await startWebShellProcess(['--port', String(free), '--server', '127.0.0.1:9'])
    try {
      expect(other.origin).toBe(`http://127.0.0.1:${free}`)
      const socket = await new Promise<WebSocket>((resolve, reject) => {
        const opened = new WebSocket(`ws://127.0.0.1:${free}/bridge?token=${other.token}`, {
          origin: other.origin
        })
        opened.once('open', () => resolve(opened))
        opened.once('error', reject)
      })
      const options = await call(socket, 1, 'getLoginOptions', [])
      socket.close()
      expect(options).toMatchObject({
        result: { ok: true, value: { server: '127.0.0.1:9', embedded: false, demoAccounts: [] } }
      })
    } finally {
      await other.stop()
    }
  })

  it('refuses a bad command line with its usage', () => {
    const run = spawnSync(process.execPath, ['src/web-shell/main.ts', '--port', 'nope'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--port: not a port: nope')
    expect(run.stderr).toContain('usage: npm run web')
    expect(run.stdout).toBe('')
  })
})
