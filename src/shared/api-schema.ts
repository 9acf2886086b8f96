/**
 * The arguments of every bridge call as valibot schemas: the main process and the web shell
 * validate with these before anything reaches the core, so a window (or a hostile page that
 * got hold of the bridge) can only send well-formed, bounded plain data.
 */
import * as v from 'valibot'
import type { QQCallName, QQCalls } from './api.ts'
import { AccountIdSchema } from './account-id.ts'
import { fail, ok, type Result } from './errors.ts'
import { normaliseFingerprint } from './fingerprint.ts'
import { MAX_UIN } from './protocol/commands.ts'
import { STATUS } from './protocol/dictionaries.ts'

/** The protocol's numbers are unsigned 32-bit; the server answers for the ones that don't exist. */
const uin = v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(MAX_UIN))
const status = v.picklist([STATUS.ONLINE, STATUS.OFFLINE, STATUS.BUSY, STATUS.INVISIBLE])
const flag = v.boolean()
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(128))
/** Bounded so one call cannot make the core store or send something huge. */
const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64))
/**
 * `host:port` or `https://host:port` (as typed or pasted), or empty for the configured
 * server; the core parses it.
 */
const server = v.pipe(
  v.string(),
  v.maxLength(300),
  v.regex(/^[^\p{Cc}]*$/u, 'no control characters')
)

/** Only web links leave the app: parsed, not pattern-matched, so `javascript:` and friends fail. */
export function isWebUrl(url: string): boolean {
  if (!URL.canParse(url)) return false
  const { protocol } = new URL(url)
  return protocol === 'http:' || protocol === 'https:'
}

/** D-27: 64 hex digits, bare or in pairs, either case; passed on as upper-case pairs. */
const fingerprint = v.pipe(
  v.string(),
  v.maxLength(100),
  v.check((text) => normaliseFingerprint(text) !== undefined, 'a SHA-256 fingerprint'),
  v.transform((text) => normaliseFingerprint(text) ?? text)
)

const webUrl = v.pipe(v.string(), v.maxLength(2048), v.check(isWebUrl, 'an http(s) URL'))

const account = AccountIdSchema

const route = v.variant('kind', [
  v.strictObject({ kind: v.literal('login') }),
  v.strictObject({ kind: v.picklist(['buddies', 'system', 'settings']), account }),
  v.strictObject({ kind: v.picklist(['chat', 'profile']), account, uin }),
  v.strictObject({ kind: v.literal('history'), account, uin: v.nullable(uin) })
])

const loginRequest = v.strictObject({
  uin,
  password: text(128),
  status,
  rememberPassword: flag,
  autoLogin: flag,
  server,
  fingerprint: v.optional(fingerprint),
  automatic: v.optional(flag)
})

const settingsPatch = v.partial(
  v.strictObject({
    server,
    hostForLan: flag,
    pollIntervalMs: v.pipe(v.number(), v.safeInteger(), v.minValue(500), v.maxValue(60_000)),
    sendKey: v.picklist(['enter', 'ctrl-enter']),
    theme: v.picklist(['light', 'dark', 'system']),
    language: v.picklist(['zh', 'en', 'system']),
    notifications: v.picklist(['full', 'name-only', 'none']),
    sounds: flag,
    autostart: flag,
    autoReply: v.strictObject({ enabled: flag, text: text(500) })
  })
)

type Args<K extends QQCallName> = Parameters<QQCalls[K]>

/** One tuple schema per call; the mapped type makes a missing or mistyped entry a type error. */
export const CALL_SCHEMAS: { [K in QQCallName]: v.GenericSchema<unknown, Args<K>> } = {
  getLoginOptions: v.strictTuple([]),
  login: v.strictTuple([loginRequest]),
  logout: v.strictTuple([account]),
  setStatus: v.strictTuple([account, status]),
  getSnapshot: v.strictTuple([account]),
  getProfile: v.strictTuple([account, uin, flag]),
  addFriend: v.strictTuple([account, uin, text(200)]),
  answerRequest: v.strictTuple([account, uin, flag, text(200)]),
  removeFriend: v.strictTuple([account, uin]),
  setRemark: v.strictTuple([account, uin, v.pipe(v.string(), v.trim(), v.maxLength(64))]),
  createGroup: v.strictTuple([account, name]),
  renameGroup: v.strictTuple([account, id, name]),
  deleteGroup: v.strictTuple([account, id]),
  moveFriend: v.strictTuple([account, uin, id]),
  getHistory: v.strictTuple([
    account,
    v.nullable(uin),
    v.nullable(id),
    v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(500))
  ]),
  searchHistory: v.strictTuple([
    account,
    v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    v.nullable(uin)
  ]),
  exportHistory: v.strictTuple([account, v.nullable(uin)]),
  sendMessage: v.strictTuple([
    account,
    uin,
    v.pipe(v.string(), v.minLength(1), v.maxLength(10_000))
  ]),
  retryMessage: v.strictTuple([account, id]),
  markRead: v.strictTuple([account, uin]),
  getSettings: v.strictTuple([v.nullable(account)]),
  updateSettings: v.strictTuple([v.nullable(account), settingsPatch]),
  openWindow: v.strictTuple([route]),
  closeWindow: v.strictTuple([]),
  openExternal: v.strictTuple([webUrl]),
  getLogFolder: v.strictTuple([]),
  openLogFolder: v.strictTuple([])
}

/** Checks a call's arguments; the error names the first problem and where it is. */
export function parseCallArgs<K extends QQCallName>(name: K, args: unknown): Result<Args<K>> {
  const parsed = v.safeParse(CALL_SCHEMAS[name], args)
  if (parsed.success) return ok(parsed.output)
  const [issue] = parsed.issues
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? ''
  return fail(
    'INVALID_ARGUMENT',
    `${name}: ${path === '' ? '' : `argument ${path}: `}${issue.message}`
  )
}
