import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { AppError } from '../../../shared/errors.ts'
import type { Me, Pacing, SessionState, Status } from '../../../shared/model.ts'
import { STATUS } from '../../../shared/protocol/dictionaries.ts'
import { bridge } from '../bridge.ts'

const OFFLINE: SessionState = { phase: 'offline', uin: null, status: STATUS.OFFLINE }
const NOT_WAITING: Pacing = { messagesUntil: null, status: null }

/** Who I am and how my connection is: from the snapshot, then from session events. */
export const useSessionStore = defineStore('session', () => {
  const qq = bridge()
  const session = shallowRef<SessionState>(OFFLINE)
  const me = shallowRef<Me | null>(null)
  const changingStatus = shallowRef<Status | null>(null)
  /** What waits for its turn under the server's rate limits: messages, a status choice. */
  const pacing = shallowRef<Pacing>(NOT_WAITING)
  const error = shallowRef<AppError | null>(null)

  const online = computed(() => session.value.phase === 'online')
  /** The status to show: offline unless a session is up (or coming back). */
  const status = computed<Status>(() =>
    session.value.phase === 'offline' ? STATUS.OFFLINE : session.value.status
  )

  function applySession(next: SessionState): void {
    session.value = next
  }
  function applyMe(next: Me | null): void {
    me.value = next
  }
  function applyPacing(next: Pacing): void {
    pacing.value = next
  }

  /** Another choice may follow before this one is set: the core keeps the latest. */
  async function setStatus(next: Status): Promise<boolean> {
    changingStatus.value = next
    const result = next === STATUS.OFFLINE ? await qq.logout() : await qq.setStatus(next)
    if (changingStatus.value === next) changingStatus.value = null
    error.value = result.ok ? null : result.error
    return result.ok
  }

  async function logout(): Promise<boolean> {
    const result = await qq.logout()
    error.value = result.ok ? null : result.error
    return result.ok
  }

  return {
    session,
    me,
    changingStatus,
    pacing,
    error,
    online,
    status,
    applySession,
    applyMe,
    applyPacing,
    setStatus,
    logout
  }
})
