import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/**
 * The web shell's browser bridge as one classic script (an IIFE): it must define
 * `window.qq` before the app's module scripts run, so it cannot be a module itself.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: resolve('out/web-bridge'),
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: resolve('src/renderer/web-bridge/index.ts'),
      formats: ['iife'],
      name: 'qqWebBridge',
      fileName: () => 'web-bridge.js'
    }
  }
})
