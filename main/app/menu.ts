import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../common/contract/events'
import type { Translate } from '../../common/i18n/translator'

/** How this run of the app differs: the Mac's app menu; DevTools only in development. */
export interface MenuPlatform {
  isMac: boolean
  /** False in a packaged release (`app.isPackaged`): no DevTools item nor its accelerator. */
  devTools: boolean
}

export interface MenuActions {
  importFiles(): void
  command(command: MenuCommand): void
}

/**
 * The standard application menu with the usual accelerators: File (Import…,
 * Quit), Edit, View (zoom, theme), Window, Help (DevTools in development
 * only: a release build has no item or accelerator that opens them). Every
 * label, the standard roles' included, is in the interface language (`t`),
 * so an Arabic interface has an Arabic menu.
 */
export function buildMenu(
  win: () => BrowserWindow | null,
  actions: MenuActions,
  platform: MenuPlatform,
  t: Translate,
): Menu {
  const { isMac } = platform
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.import'), accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        {
          label: t('menu.saveFromAddress'),
          accelerator: 'CmdOrCtrl+Shift+L',
          registerAccelerator: false,
          click: () => actions.command('save-address'),
        },
        { label: t('menu.export'), accelerator: 'CmdOrCtrl+E', click: () => actions.command('export') },
        // Both open "Share notes…": importing needs a click in the page to open its file picker.
        { label: t('menu.exportAnnotations'), click: () => actions.command('share-notes') },
        { label: t('menu.importAnnotations'), click: () => actions.command('share-notes') },
        {
          label: t('menu.library'),
          accelerator: 'CmdOrCtrl+L',
          click: () => actions.command('show-library'),
        },
        {
          label: t('menu.searchLibrary'),
          accelerator: 'CmdOrCtrl+K',
          registerAccelerator: false,
          click: () => actions.command('show-search'),
        },
        { type: 'separator' },
        {
          label: t('menu.settings'),
          accelerator: 'CmdOrCtrl+,',
          click: () => actions.command('show-settings'),
        },
        { type: 'separator' },
        isMac ? { role: 'close', label: t('menu.close') } : { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      // Undo/redo act on annotations (or a focused text field), so the page decides: the
      // accelerators are shown but not registered, and a click asks the page.
      label: t('menu.edit'),
      submenu: [
        {
          label: t('menu.undo'),
          accelerator: 'CmdOrCtrl+Z',
          registerAccelerator: false,
          click: () => actions.command('undo'),
        },
        {
          label: t('menu.redo'),
          accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y',
          registerAccelerator: false,
          click: () => actions.command('redo'),
        },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        // Ctrl/Cmd += - 0 size the reading text (the page handles the keys); zooming the whole window moves to Shift.
        {
          label: t('menu.textLarger'),
          accelerator: 'CmdOrCtrl+=',
          registerAccelerator: false,
          click: () => actions.command('text-larger'),
        },
        {
          label: t('menu.textSmaller'),
          accelerator: 'CmdOrCtrl+-',
          registerAccelerator: false,
          click: () => actions.command('text-smaller'),
        },
        {
          label: t('menu.textReset'),
          accelerator: 'CmdOrCtrl+0',
          registerAccelerator: false,
          click: () => actions.command('text-reset'),
        },
        { type: 'separator' },
        { role: 'zoomIn', label: t('menu.zoomIn'), accelerator: 'CmdOrCtrl+Shift+=' },
        { role: 'zoomOut', label: t('menu.zoomOut'), accelerator: 'CmdOrCtrl+Shift+-' },
        { role: 'resetZoom', label: t('menu.zoomReset'), accelerator: 'CmdOrCtrl+Shift+0' },
        { type: 'separator' },
        {
          label: t('menu.theme'),
          submenu: [
            { label: t('menu.themeSystem'), type: 'radio', click: () => actions.command('theme-system') },
            { label: t('menu.themeLight'), type: 'radio', click: () => actions.command('theme-light') },
            { label: t('menu.themeDark'), type: 'radio', click: () => actions.command('theme-dark') },
            { label: t('menu.themeSepia'), type: 'radio', click: () => actions.command('theme-sepia') },
          ],
        },
        { type: 'separator' },
        {
          label: t('menu.focusMode'),
          accelerator: 'CmdOrCtrl+Shift+F',
          registerAccelerator: false,
          click: () => actions.command('focus-mode'),
        },
        { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ],
    },
    { role: 'windowMenu', label: t('menu.window') },
    {
      role: 'help',
      label: t('menu.help'),
      submenu: [
        { label: t('menu.hamishHelp'), accelerator: 'F1', click: () => actions.command('show-help') },
        ...(platform.devTools
          ? [
              {
                label: t('menu.devTools'),
                accelerator: 'CmdOrCtrl+Shift+I',
                click: () => win()?.webContents.toggleDevTools(),
              },
            ]
          : []),
        {
          label: t('menu.securityChecklist'),
          click: () => void shell.openExternal('https://www.electronjs.org/docs/latest/tutorial/security'),
        },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
