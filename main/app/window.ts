import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_PAGE_URL, isAppPage } from './app-url'
import { hardenContents } from './security'

/** Where the built renderer and preload live, relative to out/main/index.js. */
export interface AppFiles {
  /** out/renderer: served as app://hamish/ (main/app/app-protocol.ts). */
  rendererDir: string
  preload: string
}

export function appFiles(mainDir: string): AppFiles {
  return {
    rendererDir: join(mainDir, '../renderer'),
    preload: join(mainDir, '../preload/index.cjs'),
  }
}

/**
 * The one reader window: sandboxed, context-isolated, no Node in the page,
 * its page app://hamish/index.html and never anything else. DevTools only
 * where `devTools` (a development run, not a packaged release).
 */
export function createMainWindow(files: AppFiles, options: { devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 640,
    minHeight: 480,
    title: 'Hamish',
    show: false,
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: options.devTools,
    },
  })
  hardenContents(win.webContents, isAppPage)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(APP_PAGE_URL)
  return win
}
