import js from '@eslint/js'
import globals from 'globals'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import type { Linter } from 'eslint'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'net', 'crypto', 'child_process', 'url']

/** Layer rules of ARCHITECTURE.md: each folder may only reach what may run where it runs. */
type ImportPattern = { group: string[]; message: string } | { regex: string; message: string }
const restrict = (patterns: ImportPattern[]): Linter.RulesRecord => ({
  'no-restricted-imports': ['error', { patterns }]
})
const noElectron = { group: ['electron', 'electron/*'], message: 'This layer runs in plain Node.' }
const noNode = { group: nodeBuiltins, message: 'src/shared runs anywhere: no Node.' }
const noNodeInRenderer = {
  group: nodeBuiltins,
  message: 'The renderer reaches main only through window.qq.'
}
const onlyStores = 'Only the Pinia stores call window.qq; components read stores.'
const noUndici = { group: ['undici', 'ws', 'electron-store'], message: 'Not in src/shared.' }
/** src/main is Electron's glue; what another process needs of it lives in a folder of its own. */
const noMain = {
  regex: '(^|/)main/',
  message: 'Nothing imports src/main: move what both need to src/shared, src/core or src/serve.'
}

/** The preload and the renderer are the window's side: plain Node reaches them by contract only. */
const noWindowSide = {
  regex: '(^|/)(preload|renderer)/',
  message: 'Plain-Node layers reach the windows through src/shared/api.ts, never by import.'
}

export default defineConfigWithVueTs(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'resources/**'] },
  js.configs.recommended,
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict([noElectron, noNode, noUndici, noMain]),
      // No DOM either: the codec and contract are shared by Node and the browser.
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'location', 'process', 'Buffer'].map(
          (name) => ({ name, message: 'src/shared runs anywhere: no DOM or Node globals.' })
        )
      ]
    }
  },
  {
    files: [
      'src/core/**/*.ts',
      'src/server/**/*.ts',
      'src/cli/**/*.ts',
      'src/web-shell/**/*.ts',
      'src/logging/**/*.ts',
      'src/sqlite/**/*.ts',
      'src/serve/**/*.ts'
    ],
    rules: restrict([noElectron, noMain, noWindowSide])
  },
  {
    // The preload is the bridge only: it reaches main over IPC, never by importing it.
    files: ['src/preload/**/*.ts'],
    rules: restrict([noMain])
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([noElectron, noNodeInRenderer, noMain])
  },
  {
    // Only the Pinia stores talk to the bridge; components read stores.
    files: ['src/renderer/src/**/*.{ts,vue}'],
    ignores: ['src/renderer/src/stores/**', 'src/renderer/src/bridge.ts'],
    rules: {
      ...restrict([
        noElectron,
        noNodeInRenderer,
        noMain,
        { group: ['**/bridge.ts'], message: onlyStores }
      ]),
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'qq', message: onlyStores }
      ]
    }
  },
  prettier
)
