/**
 * Start with the system: Electron's login items on Windows and macOS; on Linux, which they
 * do not cover, a desktop entry in the XDG autostart folder. Only for the installed app: a
 * development run would register the bare Electron binary.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { App } from 'electron'

const DESKTOP_FILE = 'http-qq.desktop'

export function linuxAutostartEntry(executable: string): string {
  // Quoted per the desktop entry spec, so a path with spaces still starts.
  const exec = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=QQ',
    `Exec=${exec}`,
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
}

export async function applyAutostart(app: App, enabled: boolean): Promise<void> {
  if (!app.isPackaged) return
  if (process.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled })
    return
  }
  const folder = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart')
  const file = join(folder, DESKTOP_FILE)
  if (!enabled) return rm(file, { force: true })
  await mkdir(folder, { recursive: true })
  // An AppImage runs from a temporary mount: start the image itself.
  await writeFile(file, linuxAutostartEntry(process.env.APPIMAGE ?? process.execPath))
}
