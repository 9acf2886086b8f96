/**
 * Start with the system: Electron's login items on Windows and macOS; on Linux, which they
 * do not cover, a desktop entry in the XDG autostart folder. Only for the installed app: a
 * development run would register the bare Electron binary.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { App } from 'electron'

export const DESKTOP_FILE = 'http-qq.desktop'

/**
 * The desktop entry, with its Exec quoted as the spec asks: `"`, `` ` ``, `$` and `\`
 * escaped inside the quotes, then every `\` doubled (the string rule), and `%` doubled so
 * it is not read as a field code.
 */
export function linuxAutostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`
  const exec = quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=QQ',
    `Exec=${exec}`,
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
}

export async function applyAutostart(
  app: App,
  enabled: boolean,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  if (!app.isPackaged) return
  if (platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled })
    return
  }
  const folder = join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart')
  const file = join(folder, DESKTOP_FILE)
  if (!enabled) return rm(file, { force: true })
  await mkdir(folder, { recursive: true })
  // An AppImage runs from a temporary mount: start the image itself.
  await writeFile(file, linuxAutostartEntry(env.APPIMAGE ?? process.execPath))
}
