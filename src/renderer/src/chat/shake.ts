/**
 * A window shake travels as this text, which any client of the protocol shows readably;
 * this app shows it as a notice and shakes the window instead.
 */
export const SHAKE_TEXT = '[窗口抖动]'

/** Shakes are sent at most this often, as the classic client allowed. */
export const SHAKE_INTERVAL_MS = 10_000

export const isShake = (text: string): boolean => text.trim() === SHAKE_TEXT
