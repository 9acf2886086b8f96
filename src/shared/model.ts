/** What the app knows and shows: the shapes the core keeps and the bridge carries. */
import type { AccountId } from './account-id.ts'
import type { Status } from './protocol/dictionaries.ts'

export type { Status }

/** The languages of the catalogues (`src/shared/i18n/`). */
export type Language = 'zh' | 'en'

/** offline → logging-in → online ⇄ reconnecting → offline (issue: the client core). */
export type SessionPhase = 'offline' | 'logging-in' | 'online' | 'reconnecting'

export interface SessionState {
  readonly phase: SessionPhase
  /** The account in use, while not offline. */
  readonly uin: number | null
  /** My own status as the server knows it. */
  readonly status: Status
  /** Why we are offline or reconnecting: an error code, for the UI to word. */
  readonly reason?: string
  /** When the next reconnection attempt is due (epoch ms), while reconnecting. */
  readonly retryAt?: number
  /** Whether the server offers long poll and acknowledged batches (detected, never set). */
  readonly extensions?: boolean
  /** D-27: whether the connection is protected by TLS (an https server), while not offline. */
  readonly secure?: boolean
  /**
   * Whether the server is on this computer (loopback), while not offline: a session neither
   * secure nor local sends the password and messages across the network unencrypted.
   */
  readonly local?: boolean
}

export interface Friend {
  readonly uin: number
  readonly nick: string
  readonly face: number
  /** 10 online, 20 offline (also invisible friends), 30 busy. */
  readonly status: Status
  /** A local name the user gave this friend; empty for none. */
  readonly remark: string
  /** The local group the friend is in. */
  readonly groupId: string
  readonly unread: number
}

/** Local groups: the protocol has none, so they live in this client only. */
export interface FriendGroup {
  readonly id: string
  readonly name: string
}

export const DEFAULT_GROUP_ID = 'friends'
/**
 * The name the core stores for the default group, in Chinese as QQ had it; windows show it in
 * their own language unless the user renamed the group.
 */
export const DEFAULT_GROUP_NAME = '我的好友'

/** pending: stored, not yet accepted by the server; unknown: the connection broke mid-send. */
export type MessageState = 'pending' | 'sent' | 'failed' | 'unknown' | 'received'

export interface ChatMessage {
  readonly id: string
  readonly peer: number
  readonly direction: 'in' | 'out'
  readonly text: string
  /** Epoch ms: when it reached the server (received) or was written (sent). */
  readonly time: number
  readonly state: MessageState
  /** Why it failed, as an error code, when state is failed or unknown. */
  readonly error?: string
  /** Sent by an auto-reply: auto-replies never answer each other. */
  readonly auto?: boolean
}

/** `online`: a friend on my list came online (from offline to online, by an `MT=99`). */
export type SystemMessageKind = 'request' | 'accepted' | 'refused' | 'online'

export interface SystemMessage {
  readonly id: string
  readonly kind: SystemMessageKind
  readonly from: number
  /** The verification text of a request, the reason of a refusal; empty for the others. */
  readonly text: string
  readonly time: number
  /** How the user answered a request. */
  readonly answer?: 'accepted' | 'refused'
}

export interface Profile {
  readonly uin: number
  /** Every GetInfo field by key, as the server sent it. */
  readonly fields: Readonly<Record<string, string>>
  /** Epoch ms of the reply it came from. */
  readonly fetchedAt: number
}

/** The outcome of AddToList, by the other side's policy (CD 0/1/2). */
export type AddFriendOutcome = 'added' | 'verification-sent' | 'refused'

export type SendKey = 'enter' | 'ctrl-enter'
export type Theme = 'light' | 'dark' | 'system'
export type NotificationPrivacy = 'full' | 'name-only' | 'none'

export interface Settings {
  /** `host:port` of the server; empty for the embedded one. */
  readonly server: string
  /** Host the embedded server for the local network (binds 0.0.0.0), off by default. */
  readonly hostForLan: boolean
  readonly pollIntervalMs: number
  readonly sendKey: SendKey
  readonly theme: Theme
  /** `system` follows the operating system's language. */
  readonly language: Language | 'system'
  readonly notifications: NotificationPrivacy
  readonly sounds: boolean
  readonly autostart: boolean
  /** Answered automatically while busy; one of the presets or the user's own. */
  readonly autoReply: { readonly enabled: boolean; readonly text: string }
}

export interface DemoAccount {
  readonly uin: number
  readonly nick: string
  readonly face: number
}

export interface SavedAccount {
  readonly uin: number
  /** True while this number is signed in on the login window's server. */
  readonly signedIn: boolean
  /** True when a password is remembered (stored only through the encryption hook). */
  readonly rememberPassword: boolean
  readonly autoLogin: boolean
  readonly status: Status
}

/** What the login window needs to draw itself. */
export interface LoginOptions {
  /** The server the login goes to, `host:port`. */
  readonly server: string
  /** True when that is the embedded server. */
  readonly embedded: boolean
  /** One-click accounts, only on the embedded server. */
  readonly demoAccounts: readonly DemoAccount[]
  readonly savedAccounts: readonly SavedAccount[]
  /**
   * Whether a password can be remembered here: not in the web shell, nor in a desktop app
   * without a keychain to seal it with. Without, the login window offers neither "Save
   * password" nor "Auto login" (which needs the password).
   */
  readonly keepsPasswords: boolean
  /**
   * The accounts to log in without asking: every saved one marked to log in automatically
   * with a remembered password, and only on a fresh start (no login or logout yet since the
   * app started, so neither logging out on purpose nor a lost session logs straight back in).
   */
  readonly autoLoginUins: readonly number[]
  /** The accounts signed in now, in the order they signed in. */
  readonly signedIn: readonly SignedIn[]
  /**
   * The last account the server or the network signed out, or whose automatic login was
   * refused, until that number is back.
   */
  readonly lost?: LostAccount
  /** Where the embedded server listens for the local network (`https://…`), when hosting is on. */
  readonly lanAddress?: string
  /** D-27: the SHA-256 fingerprint of its certificate, which others compare, when hosting is on. */
  readonly lanFingerprint?: string
}

export interface LoginRequest {
  readonly uin: number
  /** Empty to use the remembered password. */
  readonly password: string
  readonly status: Status
  readonly rememberPassword: boolean
  readonly autoLogin: boolean
  /** `host:port` or `https://host:port`; empty for the configured server. */
  readonly server: string
  /**
   * D-27: the SHA-256 fingerprint of a certificate the user accepted for this server (64 hex
   * digits, upper-case pairs once checked), after a login failed with UNTRUSTED_CERTIFICATE
   * or CERTIFICATE_CHANGED. Kept for the server once the login works.
   */
  readonly fingerprint?: string
  /**
   * Sent by the app at start for an account marked to log in by itself: a refusal is kept
   * for the login window (LoginOptions.lost), since nobody is looking at a form.
   */
  readonly automatic?: boolean
}

export interface Me {
  readonly uin: number
  readonly nick: string
  readonly face: number
}

/**
 * An account whose session ended without the user asking (the number logged in elsewhere,
 * its password changed, the one re-login refused), or whose automatic login at start was
 * refused: the login window says why, with the number filled in.
 */
export interface LostAccount {
  readonly account: AccountId
  readonly uin: number
  /** `host:port` of its server, as shown to the user. */
  readonly server: string
  /** An error code, for the window to word. */
  readonly reason: string
  /** True when it never got in: its automatic login at start was refused. */
  readonly automatic?: boolean
}

/** One signed-in account: its id (every call for it names this) and who it is. */
export interface SignedIn {
  readonly account: AccountId
  /** `host:port` of its server, as shown to the user. */
  readonly server: string
  readonly me: Me
}

/** A status chosen but not sent yet: it goes at `until` (epoch ms), unless another replaces it. */
export interface StatusWait {
  readonly status: Status
  readonly until: number
}

/**
 * What waits for its turn: the client keeps to the server's rate limits (D-19, D-22) and
 * waits out a penalty, and says so instead of only spinning.
 */
export interface Pacing {
  /** The pending messages go no sooner than this (epoch ms); null while they go freely. */
  readonly messagesUntil: number | null
  readonly status: StatusWait | null
}

/** Everything a freshly opened window needs; afterwards it follows events. */
/** The folder of the log files (main.log, core.log), as the settings window shows it. */
export interface LogFolder {
  readonly path: string
  /** False in the web shell: a page cannot open a folder on the machine. */
  readonly canOpen: boolean
}

export interface Snapshot {
  readonly session: SessionState
  readonly me: Me | null
  readonly friends: readonly Friend[]
  readonly groups: readonly FriendGroup[]
  readonly systemMessages: readonly SystemMessage[]
  readonly settings: Settings
  readonly pacing: Pacing
}

/**
 * What changes about one friend while the list stays as it is: the new values, not steps
 * (applying one twice is harmless).
 */
export type FriendChanges = Partial<Pick<Friend, 'remark' | 'unread'>>

/**
 * The one event stream of the core; the bridge forwards exactly this. Each event is the
 * size of what changed: `friends` (the whole list) only when friends or groups come or go,
 * a friend moves, or nicks and faces were loaded; an unread count or a remark is a
 * `friend-updated`, presence a `presence`.
 */
export type CoreEvent =
  | { readonly type: 'session'; readonly session: SessionState }
  | { readonly type: 'presence'; readonly uin: number; readonly status: Status }
  | { readonly type: 'message'; readonly message: ChatMessage }
  | { readonly type: 'message-state'; readonly message: ChatMessage }
  | { readonly type: 'system-message'; readonly message: SystemMessage }
  | {
      readonly type: 'friends'
      readonly friends: readonly Friend[]
      readonly groups: readonly FriendGroup[]
    }
  | { readonly type: 'friend-updated'; readonly uin: number; readonly changes: FriendChanges }
  | { readonly type: 'me'; readonly me: Me }
  | { readonly type: 'settings'; readonly settings: Settings }
  | { readonly type: 'pacing'; readonly pacing: Pacing }
  /**
   * The account was signed out, lost for good or removed: its windows close. `reason` (an
   * error code) when the server or the network ended it rather than the user.
   */
  | { readonly type: 'account-closed'; readonly reason?: string }
  /** The signed-in accounts changed (app-wide: its `account` is null). */
  | { readonly type: 'accounts'; readonly accounts: readonly SignedIn[] }

/**
 * What the bridge carries: an event and the account it is for; null for the app's own
 * (`accounts`, and `settings` of the app-wide keys for windows of no account).
 */
export interface AccountEvent {
  readonly account: AccountId | null
  readonly event: CoreEvent
}
