/**
 * What the protocol's numbers are (sections 6.4, 6.8, 6.9). Their names for people are in the
 * catalogues (`src/shared/i18n/`): `status.`, `addPolicy.`, `profileField.`, `profileCode.`.
 */
export const STATUS = { ONLINE: 10, OFFLINE: 20, BUSY: 30, INVISIBLE: 40 } as const
export type Status = (typeof STATUS)[keyof typeof STATUS]

export function isStatus(value: number): value is Status {
  return value === 10 || value === 20 || value === 30 || value === 40
}

export const MESSAGE_TYPE = {
  TEXT: 9,
  STATUS: 99,
  ADD_REQUEST: 2,
  ADD_ACCEPTED: 3,
  ADD_REFUSED: 4
} as const
export type MessageType = (typeof MESSAGE_TYPE)[keyof typeof MESSAGE_TYPE]

/** `CD` of `AddToList` replies: the other side's policy (D-15). */
export const ADD_POLICY = { ALLOW: 0, VERIFY: 1, REFUSE: 2 } as const
export type AddPolicy = (typeof ADD_POLICY)[keyof typeof ADD_POLICY]

/** `CD` of `Ack_AddToList` requests (section 6.6). */
export const ACK_KIND = { ACCEPT: 0, REFUSE: 1, REQUEST: 2 } as const
export type AckKind = (typeof ACK_KIND)[keyof typeof ACK_KIND]

/**
 * The `GetInfo` keys whose numbers stand for a name: `BT` blood type 1–5, `CO`
 * constellation 1–12, `SH` zodiac 1–12 (0 of each: not given), `SX` gender 0–1.
 */
export const CODED_PROFILE_FIELDS: ReadonlySet<string> = new Set(['BT', 'CO', 'SH', 'SX'])
