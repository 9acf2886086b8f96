import type { QQApi } from '../../shared/api.ts'

declare global {
  interface Window {
    /** The bridge, defined before any module runs (by the preload, or the web shell). */
    readonly qq: QQApi
  }
}

export {}
