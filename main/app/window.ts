import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { hardenContents } from './security'

/** Where the built renderer and preload live, relative to out/main/index.js. */
export interface AppFiles {
  rendererHtml: string
  preload: string
}

export function appFiles(mainDir: string): AppFiles {
  return {
    rendererHtml: join(mainDir, '../renderer/index.html'),
    preload: join(mainDir, '../preload/index.cjs'),
  }
}

/**
 * The one reader window: sandboxed, context-isolated, no Node in the page,
 * and a page that may not leave our own renderer file.
 */
export function createMainWindow(files: AppFiles): BrowserWindow {
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
    },
  })
  const ownUrl = pathToFileURL(files.rendererHtml).href
  hardenContents(win.webContents, (url) => url.split('#')[0]?.split('?')[0] === ownUrl)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(ownUrl)
  return win
}

/** True for our own window's page: the only sender IPC answers. */
export function isOwnPage(files: AppFiles, url: string): boolean {
  return url.split('#')[0]?.split('?')[0] === pathToFileURL(files.rendererHtml).href
}
