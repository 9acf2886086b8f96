import type { QQApi } from '../../shared/api.ts'

/** The one way to the app's state. Only stores call it; components read stores. */
export const bridge = (): QQApi => window.qq
