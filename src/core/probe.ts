/**
 * Named points on the way of a message in and out, reported to an optional probe. Crash
 * tests kill the client process at each of them; a host may log them.
 */
export type DeliveryStep =
  /** A GetMsgEx reply with messages was read; nothing is stored yet. */
  | 'receive:replied'
  /** Inside the batch's transaction, after its first message: not committed yet. */
  | 'receive:storing'
  /** The batch is committed; nothing is shown or acknowledged yet. */
  | 'receive:stored'
  /** Its events went out; the acknowledgement goes with the next GetMsgEx. */
  | 'receive:shown'
  /** The server answered the GetMsgEx that acknowledged the batch. */
  | 'receive:acked'
  /** The message is stored in the outbox; nothing is sent yet. */
  | 'send:stored'
  /** Marked in flight; the CLTMSG goes on the wire next. */
  | 'send:requesting'
  /** The server accepted the part; it is not yet marked as sent. */
  | 'send:replied'
  /** The part is marked as sent. */
  | 'send:marked'

export type Probe = (step: DeliveryStep) => void
