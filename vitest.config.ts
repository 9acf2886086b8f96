import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The one place Electron is mocked: the binary cannot run in plain Node or CI.
const electronMock = { electron: resolve('test/mocks/electron.ts') }

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: electronMock },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          server: { deps: { inline: ['electron-store'] } }
        }
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          environment: 'happy-dom'
        }
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        test: {
          // D-27: the server's protocol suites again, every connection over TLS.
          name: 'integration-tls',
          include: ['test/integration/server/**/*.test.ts'],
          // These start the server as a process of its own and test its command line, not
          // the wire: once is enough.
          exclude: [
            'test/integration/server/{cli,cli-log,cert-cli,demo,durability,seed-examples}.test.ts'
          ],
          env: { QQ_TEST_TLS: '1' },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        test: {
          // Several nodes behind HAProxy, on PostgreSQL and Redis: needs those on the machine.
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts nodes and a proxy; on two cores one file at a time is plenty.
          fileParallelism: false
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/build-if-stale.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
})
