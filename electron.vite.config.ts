import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      // The core host runs as a utility process of its own (out/main/core-host.js).
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'core-host': resolve('src/core/host/host-main.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules or other files: one CommonJS bundle.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    // vue-i18n's feature flags: the Composition API only, no global components, no devtools
    // hooks. Its compiler stays: since vue-i18n 10 it turns a message into a tree that it walks,
    // never into `new Function`, which the windows' CSP forbids.
    define: {
      __VUE_I18N_FULL_INSTALL__: 'false',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __INTLIFY_DROP_MESSAGE_COMPILER__: 'false'
    },
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    plugins: [vue()]
  }
})
