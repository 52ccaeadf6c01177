import { app, BrowserWindow, dialog, Menu } from 'electron'
import { join } from 'node:path'
import type { ReadingSettings } from '../../common/article'
import { HamishError } from '../../common/errors'
import { wordText } from '../../common/i18n/local-text'
import { createTranslator } from '../../common/i18n/translator'
import { resolveUiLanguage, type UiLanguage } from '../../common/i18n/ui-language'
import { Library } from '../library/library'
import { importConverterBeside } from '../import/import-converter'
import { pickLibraryDir } from '../library/library-dir-arg'
import { createApiService } from '../library/api-service'
import { findAssetsDir, loadSample, moduleDir } from '../library/sample'
import { dialogExports } from './export-dialog'
import { printHtmlToPdfElectron } from './export-pdf'
import { importWithDialog, sendEvent } from './import-dialog'
import { registerIpc, WINDOW_ORIGIN } from './ipc'
import { isAppPage } from './app-url'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { buildMenu } from './menu'
import { hardenSession } from './security'
import { appFiles, createMainWindow } from './window'
import { LiveTeam } from '../team/live-team'
import { pickTeamFolder } from './team-dialog'
import { AppLinks } from './app-links'

/**
 * The Electron main process, kept thin: one instance, one hardened window
 * whose page comes from app://hamish/ (never file://), the library opened
 * from --library / HAMISH_LIBRARY / userData, the contract registered over
 * IPC, and the native menu (DevTools only when not packaged).
 */
async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // Privileged schemes can only be declared before ready.
  registerAppScheme()
  const here = moduleDir(import.meta.url)
  const files = appFiles(here)
  let win: BrowserWindow | null = null
  // hamish:// links: registered as the app's scheme; taken from this start's argv, open-url, second starts.
  const links = new AppLinks(() => win)

  app.on('second-instance', (_event, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
    links.fromSecondInstance(argv)
  })
  app.on('window-all-closed', () => app.quit())
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault())
  })

  await app.whenReady()
  hardenSession()
  serveAppProtocol(files.rendererDir)
  const devTools = !app.isPackaged
  const { dir } = pickLibraryDir(process.argv.slice(1), process.env, join(app.getPath('userData'), 'library'))
  let library: Library
  try {
    library = await Library.open(dir, {
      sample: loadSample(findAssetsDir(here, process.resourcesPath)),
      convert: importConverterBeside(here),
    })
  } catch (err) {
    // No window without a library: say why (in the system's language) and quit, rather than hang or vanish.
    const t = createTranslator(resolveUiLanguage('system', app.getPreferredSystemLanguages()))
    const why =
      err instanceof HamishError && err.text
        ? wordText(t, err.text)
        : err instanceof Error
          ? err.message
          : String(err)
    dialog.showErrorBox(t('startupFailed'), why)
    app.quit()
    return
  }
  const translator = (): ReturnType<typeof createTranslator> =>
    createTranslator(resolveUiLanguage(library.getSettings().language, app.getPreferredSystemLanguages()))
  // The team folder is watched while the app runs; the folder to join comes from main's own dialog.
  const team = await LiveTeam.open(library, {
    watch: true,
    folderChoice: 'dialog',
    pickFolder: () => pickTeamFolder(win, translator()),
  })
  // Counts waiting to be written go before the process does (losing them only costs a recount);
  // the watcher closes and a team pass under way ends first.
  let flushed = false
  app.on('will-quit', (event) => {
    if (flushed) return
    event.preventDefault()
    void team
      .close()
      .then(() => library.flush())
      .finally(() => {
        flushed = true
        app.quit()
      })
  })
  // The native menu speaks the interface language; it is rebuilt only when that changes.
  let menuLanguage: UiLanguage | null = null
  const setMenu = (settings: ReadingSettings): void => {
    const language = resolveUiLanguage(settings.language, app.getPreferredSystemLanguages())
    if (language === menuLanguage) return
    menuLanguage = language
    Menu.setApplicationMenu(
      buildMenu(
        () => win,
        {
          importFiles: () => {
            if (win) void importWithDialog(win, library)
          },
          command: (command) => {
            if (win) sendEvent(win, 'menuCommand', command)
          },
        },
        { isMac: process.platform === 'darwin', devTools },
        createTranslator(language),
      ),
    )
  }
  registerIpc(
    createApiService(
      library,
      {
        host: dialogExports(() => win, translator),
        printPdf: printHtmlToPdfElectron,
        onSettingsChanged: setMenu,
        takeLinkToOpen: () => links.take(),
      },
      team,
    ),
    (sender, frameUrl) => win !== null && sender === win.webContents && isAppPage(frameUrl),
  )

  // Changes the window did not make itself (the menu's import), and every new notice, reach it as events.
  library.changes.subscribe((change, origin) => {
    if (win && (origin !== WINDOW_ORIGIN || change.kind === 'notices-changed'))
      sendEvent(win, 'libraryChange', change)
  })
  win = createMainWindow(files, { devTools })
  void team
    .start()
    .catch((err: unknown) => console.error('hamish: the team folder could not be watched:', err))
  win.on('closed', () => {
    win = null
  })
  setMenu(library.getSettings())
}

start().catch((err: unknown) => {
  console.error('hamish: could not start:', err)
  app.exit(1)
})
