import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Canvas } from './canvas.ts'
import { drawAppIcon, drawTrayIcon, TRAY_STATES } from './icons.ts'
import { encodePng } from './png.ts'

/** Every icon file, by path relative to the project, with how to draw it. */
export const ICON_FILES: Readonly<Record<string, () => Canvas>> = {
  // electron-builder makes the .ico, .icns and Linux sizes from one large PNG.
  'build/icons/icon.png': () => drawAppIcon(1024),
  'resources/icons/app.png': () => drawAppIcon(256),
  ...Object.fromEntries(
    TRAY_STATES.flatMap((state) => [
      [`resources/icons/tray-${state}.png`, () => drawTrayIcon(state, 16)],
      // Electron picks the @2x file on high-density screens by itself.
      [`resources/icons/tray-${state}@2x.png`, () => drawTrayIcon(state, 32)]
    ])
  )
}

export function writeIcons(projectRoot: string): string[] {
  return Object.entries(ICON_FILES).map(([path, draw]) => {
    const file = join(projectRoot, path)
    const canvas = draw()
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, encodePng(canvas.width, canvas.height, canvas.pixels))
    return file
  })
}
