/**
 * Packaging (`npm run dist`): AppImage and deb for Linux, an NSIS installer for Windows, a
 * dmg for macOS, all from the electron-vite build in `out/`. The fuses lock the packaged
 * binary down: it cannot be run as plain Node, takes no NODE_OPTIONS or --inspect, loads
 * only its own integrity-checked app.asar, and gives file:// pages no extra privilege (the
 * app is served from its own protocol).
 */
import type { Configuration } from 'electron-builder'

const config: Configuration = {
  appId: 'org.httpqq.desktop',
  productName: 'HTTP QQ',
  executableName: 'http-qq',
  copyright: 'MIT licensed',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'resources/icons/**',
    'resources/sounds/**',
    '!**/*.map'
  ],
  asar: true,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
    // Flipping the fuses breaks the macOS app's ad-hoc signature; an unsigned build (no
    // identity, as in the release workflow) must be signed ad hoc again to launch on Apple
    // Silicon. A real identity signs over it afterwards.
    resetAdHocDarwinSignature: true
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons/icon.png',
    category: 'Network',
    synopsis: 'A messenger for the HTTP QQ 1.1 protocol',
    maintainer: 'HTTP QQ maintainers <maintainers@httpqq.invalid>',
    desktop: { entry: { StartupWMClass: 'http-qq', Keywords: 'QQ;chat;messenger;' } }
  },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  deb: { artifactName: '${name}_${version}_${arch}.${ext}' },
  win: { target: ['nsis'], icon: 'build/icons/icon.png' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}.${ext}'
  },
  mac: {
    target: ['dmg'],
    icon: 'build/icons/icon.png',
    category: 'public.app-category.social-networking',
    hardenedRuntime: true
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' }
}

export default config
