import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../common/api'

export interface MenuActions {
  importFiles(): void
  command(command: MenuCommand): void
}

/**
 * The standard application menu with the usual accelerators: File (Import…,
 * Quit), Edit, View (zoom, theme, reload in development), Window, Help.
 */
export function buildMenu(win: () => BrowserWindow | null, actions: MenuActions, isMac: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export') },
        // Both open "Share notes…": importing needs a click in the page to open its file picker.
        { label: 'Export annotations…', click: () => actions.command('share-notes') },
        { label: 'Import annotations…', click: () => actions.command('share-notes') },
        { label: 'Library', accelerator: 'CmdOrCtrl+L', click: () => actions.command('show-library') },
        { type: 'separator' },
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.command('show-settings') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      // Undo/redo act on annotations (or a focused text field), so the page decides: the
      // accelerators are shown but not registered, and a click asks the page.
      label: '&Edit',
      submenu: [
        {
          label: 'Undo',
          accelerator: 'CmdOrCtrl+Z',
          registerAccelerator: false,
          click: () => actions.command('undo'),
        },
        {
          label: 'Redo',
          accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y',
          registerAccelerator: false,
          click: () => actions.command('redo'),
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        // Ctrl/Cmd += - 0 size the reading text (the page handles the keys); zooming the whole window moves to Shift.
        {
          label: 'Larger Text',
          accelerator: 'CmdOrCtrl+=',
          registerAccelerator: false,
          click: () => actions.command('text-larger'),
        },
        {
          label: 'Smaller Text',
          accelerator: 'CmdOrCtrl+-',
          registerAccelerator: false,
          click: () => actions.command('text-smaller'),
        },
        {
          label: 'Default Text Size',
          accelerator: 'CmdOrCtrl+0',
          registerAccelerator: false,
          click: () => actions.command('text-reset'),
        },
        { type: 'separator' },
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+Shift+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+Shift+-' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+Shift+0' },
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            { label: 'Follow the system', type: 'radio', click: () => actions.command('theme-system') },
            { label: 'Light', type: 'radio', click: () => actions.command('theme-light') },
            { label: 'Dark', type: 'radio', click: () => actions.command('theme-dark') },
            { label: 'Sepia', type: 'radio', click: () => actions.command('theme-sepia') },
          ],
        },
        { type: 'separator' },
        {
          label: 'Focus Mode',
          accelerator: 'CmdOrCtrl+Shift+F',
          registerAccelerator: false,
          click: () => actions.command('focus-mode'),
        },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Hamish Help', accelerator: 'F1', click: () => actions.command('show-help') },
        {
          label: 'Toggle Developer Tools',
          accelerator: 'CmdOrCtrl+Shift+I',
          click: () => win()?.webContents.toggleDevTools(),
        },
        {
          label: 'Electron security checklist',
          click: () => void shell.openExternal('https://www.electronjs.org/docs/latest/tutorial/security'),
        },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
