/**
 * The one stand-in for Electron (vitest's unit project aliases `electron` here): the binary
 * cannot run in plain Node. Each piece records what the code under test did with it, and
 * lets a test play the part of the renderer or the OS (invoke an IPC handler, click a tray
 * icon, close a window). `resetElectronMock()` in a `beforeEach` starts each test clean.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'

type Listener = (...args: never[]) => unknown

/** An event a handler may cancel, like Electron's. */
export class MockEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class MockFrame {
  url: string
  parent: MockFrame | null
  constructor(url: string, parent: MockFrame | null = null) {
    this.url = url
    this.parent = parent
  }
}

let nextContentsId = 1

export class MockWebContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly mainFrame = new MockFrame('about:blank')
  readonly sent: { channel: string; payload: unknown }[] = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  destroyed = false

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  getURL(): string {
    return this.mainFrame.url
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Emits a cancellable event the way Electron does; returns whether it was cancelled. */
  emitCancellable(name: string, ...args: unknown[]): boolean {
    const event = new MockEvent()
    this.emit(name, event, ...args)
    return event.defaultPrevented
  }
}

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = []
  readonly options: Record<string, unknown>
  readonly webContents = new MockWebContents()
  visible = false
  focused = false
  minimized = false
  destroyed = false
  bounds: Rectangle
  title: string

  constructor(options: Record<string, unknown> = {}) {
    super()
    this.options = options
    this.title = String(options.title ?? '')
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600)
    }
    BrowserWindow.all.push(this)
    app.emit('web-contents-created', new MockEvent(), this.webContents)
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((window) => !window.destroyed)
  }
  static fromWebContents(contents: MockWebContents): BrowserWindow | null {
    return BrowserWindow.all.find((window) => window.webContents === contents) ?? null
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url
  }
  show(): void {
    this.visible = true
    this.emit('show')
  }
  hide(): void {
    this.visible = false
    this.emit('hide')
  }
  focus(): void {
    this.focused = true
    this.emit('focus')
  }
  isFocused(): boolean {
    return this.focused && this.visible
  }
  isVisible(): boolean {
    return this.visible
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setTitle(title: string): void {
    this.title = title
  }
  getTitle(): string {
    return this.title
  }
  /** Plays the page setting `document.title`: Electron's cancellable title event. */
  pageTitled(title: string): void {
    const event = new MockEvent()
    this.emit('page-title-updated', event, title, true)
    if (!event.defaultPrevented) this.title = title
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds }
  }
  setBounds(bounds: Rectangle): void {
    this.bounds = { ...bounds }
    this.emit('moved')
  }
  /** Like the user or code closing it: cancellable through 'close'. */
  close(): void {
    if (this.destroyed) return
    const event = new MockEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.visible = false
    this.webContents.destroyed = true
    this.emit('closed')
  }
}

/** What an `ipcMain.handle` handler receives, for a test to build a sender. */
export interface MockInvokeEvent {
  sender: MockWebContents
  senderFrame: MockFrame | null
}

class MockIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: MockInvokeEvent, ...args: unknown[]) => unknown>()
  handle(channel: string, handler: (event: MockInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  /** Plays the renderer: calls the handler of `channel` as `ipcRenderer.invoke` would. */
  async invoke(channel: string, event: MockInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, ...args)
  }
}
export const ipcMain = new MockIpcMain()

class MockIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = []
  answer: (channel: string, args: unknown[]) => Promise<unknown> = async () => undefined
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    return this.answer(channel, args)
  }
}
export const ipcRenderer = new MockIpcRenderer()

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api)
  }
}

class MockApp extends EventEmitter {
  isPackaged = false
  locale = 'en-US'
  quitCalls = 0
  singleInstance = true
  readonly loginItems: { openAtLogin: boolean }[] = []
  readonly paths = new Map<string, string>([['userData', '/tmp/http-qq-test']])
  requestSingleInstanceLock(): boolean {
    return this.singleInstance
  }
  quit(): void {
    this.quitCalls += 1
    this.emit('before-quit', new MockEvent())
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/tmp/http-qq-test/${name}`
  }
  getLocale(): string {
    return this.locale
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path)
  }
  getVersion(): string {
    return '0.0.0-test'
  }
  getAppPath(): string {
    return '/opt/http-qq/resources/app.asar'
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItems.push(settings)
  }
  whenReady(): Promise<void> {
    return Promise.resolve()
  }
}
export const app = new MockApp()

export const shell = {
  opened: [] as string[],
  openedPaths: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url)
  },
  async openPath(path: string): Promise<string> {
    shell.openedPaths.push(path)
    return ''
  }
}

/**
 * A utility process that is a real Node child (`fork`, structured clones): the core host
 * runs in it as it would in Electron, over Node's IPC instead of the parentPort.
 */
export class MockUtilityProcess extends EventEmitter {
  static all: MockUtilityProcess[] = []
  readonly child: ChildProcess
  readonly modulePath: string
  constructor(modulePath: string, args: string[], options: { env?: NodeJS.ProcessEnv }) {
    super()
    this.modulePath = modulePath
    this.child = fork(modulePath, args, {
      serialization: 'advanced',
      env: options.env,
      execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning']
    })
    this.child.on('message', (message) => this.emit('message', message))
    this.child.once('exit', (code, signal) => this.emit('exit', code ?? (signal ? 1 : 0)))
  }
  get pid(): number | undefined {
    return this.child.pid
  }
  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as object)
  }
  kill(): boolean {
    return this.child.kill()
  }
}

export const utilityProcess = {
  fork(
    modulePath: string,
    args: string[] = [],
    options: { serviceName?: string; env?: NodeJS.ProcessEnv } = {}
  ): MockUtilityProcess {
    const child = new MockUtilityProcess(modulePath, args, options)
    MockUtilityProcess.all.push(child)
    return child
  }
}

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    protocol.privileged.push(...schemes)
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    protocol.handlers.set(scheme, handler)
  }
}

class MockSession extends EventEmitter {
  permissionRequest: Listener | undefined
  permissionCheck: Listener | undefined
  devicePermission: Listener | undefined
  displayMedia: Listener | undefined
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequest = handler
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheck = handler
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermission = handler
  }
  setDisplayMediaRequestHandler(handler: Listener): void {
    this.displayMedia = handler
  }
}
export const session = { defaultSession: new MockSession() }

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: (): boolean => safeStorage.available,
  getSelectedStorageBackend: (): string => safeStorage.backend,
  // Reversible and visibly not plaintext, which is all a test of the callers can ask.
  encryptString: (text: string): Buffer => Buffer.from(`enc:${text}`, 'utf8').reverse(),
  decryptString: (blob: Buffer): string => {
    const text = Buffer.from(blob).reverse().toString('utf8')
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext')
    return text.slice(4)
  }
}

export class Notification extends EventEmitter {
  static readonly shown: Notification[] = []
  static supported = true
  readonly options: { title: string; body?: string; silent?: boolean; icon?: unknown }
  constructor(options: { title: string; body?: string; silent?: boolean; icon?: unknown }) {
    super()
    this.options = options
  }
  static isSupported(): boolean {
    return Notification.supported
  }
  show(): void {
    Notification.shown.push(this)
  }
  close(): void {
    this.emit('close')
  }
}

export interface MockMenuItem {
  label?: string
  type?: string
  checked?: boolean
  enabled?: boolean
  click?: () => void
  submenu?: MockMenuItem[]
}

export const Menu = {
  buildFromTemplate: (template: MockMenuItem[]): { items: MockMenuItem[] } => ({ items: template })
}

export const nativeImage = {
  createFromPath: (path: string): { path: string; isEmpty(): boolean } => ({
    path,
    isEmpty: () => false
  })
}

export class Tray extends EventEmitter {
  static readonly all: Tray[] = []
  image: unknown
  tooltip = ''
  menu: { items: MockMenuItem[] } | null = null
  destroyed = false
  constructor(image: unknown) {
    super()
    this.image = image
    Tray.all.push(this)
  }
  setImage(image: unknown): void {
    this.image = image
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip
  }
  setContextMenu(menu: { items: MockMenuItem[] } | null): void {
    this.menu = menu
  }
  destroy(): void {
    this.destroyed = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export const screen = {
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }] as Rectangle[],
  getAllDisplays: (): { workArea: Rectangle }[] =>
    screen.workAreas.map((workArea) => ({ workArea }))
}

/** Forgets everything recorded, so each test starts from a fresh app. */
export function resetElectronMock(): void {
  BrowserWindow.all.length = 0
  MockUtilityProcess.all.length = 0
  Tray.all.length = 0
  Notification.shown.length = 0
  Notification.supported = true
  ipcMain.handlers.clear()
  ipcMain.removeAllListeners()
  ipcRenderer.removeAllListeners()
  ipcRenderer.invoked.length = 0
  contextBridge.exposed.clear()
  app.removeAllListeners()
  app.isPackaged = false
  app.locale = 'en-US'
  app.quitCalls = 0
  app.singleInstance = true
  app.loginItems.length = 0
  app.paths.clear()
  app.paths.set('userData', '/tmp/http-qq-test')
  shell.opened.length = 0
  shell.openedPaths.length = 0
  protocol.privileged.length = 0
  protocol.handlers.clear()
  session.defaultSession = new MockSession()
  safeStorage.available = true
  safeStorage.backend = 'gnome_libsecret'
}

/** For code that takes Electron as a default import (electron-store does). */
export default {
  app,
  BrowserWindow,
  contextBridge,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  utilityProcess
}
