import { onBeforeUnmount, ref } from 'vue'

const SHAKE_MS = 600

/** The window's shake: a short animation when a shake arrives (none with reduced motion). */
export function useShakeAnimation() {
  const shaking = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  function shake(): void {
    shaking.value = false
    clearTimeout(timer)
    requestAnimationFrame(() => {
      shaking.value = true
      timer = setTimeout(() => (shaking.value = false), SHAKE_MS)
    })
  }
  onBeforeUnmount(() => clearTimeout(timer))
  return { shaking, shake }
}
