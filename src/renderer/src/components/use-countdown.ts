import { computed, onBeforeUnmount, shallowRef, watch, type ComputedRef } from 'vue'

/** Often enough that the shown second changes close to when it should. */
const TICK_MS = 250

/**
 * Whole seconds left until `until` (epoch ms), counting down while it is ahead; null while
 * nothing waits. The clock ticks only during a wait.
 */
export function useCountdown(until: () => number | null): ComputedRef<number | null> {
  const now = shallowRef(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = (): void => {
    clearInterval(timer)
    timer = undefined
  }
  const tick = (): void => {
    now.value = Date.now()
    const end = until()
    if (end === null || end <= now.value) stop()
  }
  watch(
    until,
    (end) => {
      now.value = Date.now()
      if (end !== null && end > now.value) timer ??= setInterval(tick, TICK_MS)
      else stop()
    },
    { immediate: true }
  )
  onBeforeUnmount(stop)
  return computed(() => {
    const end = until()
    return end === null ? null : Math.max(1, Math.ceil((end - now.value) / 1000))
  })
}
