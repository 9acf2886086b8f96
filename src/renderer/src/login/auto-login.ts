// After the user logs out on purpose, the login window must not log straight back in:
// remembered in the page's storage until the next login the user starts.
const KEY = 'qq.autoLoginPaused'

export const pauseAutoLogin = (): void => localStorage.setItem(KEY, '1')
export const resumeAutoLogin = (): void => localStorage.removeItem(KEY)
export const autoLoginPaused = (): boolean => localStorage.getItem(KEY) === '1'
