import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'

function createLoginWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 330,
    height: 250,
    resizable: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false
    }
  })
  void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}

void app.whenReady().then(createLoginWindow)
app.on('window-all-closed', () => app.quit())
