import type { MenuCommand } from '../../../common/contract/events'
import type { Theme } from '../../../common/article'
import type { Command, Invocation } from '../ui/command-registry'
import { inTextField } from '../ui/keys'

/** What the app's commands act on (the App). */
export interface CommandHost {
  /** Inside Electron the native menu owns Ctrl/Cmd+O. */
  readonly electron: boolean
  openHelp(): void
  openImport(): void
  /** Opens "Save from address…" (the page's key and the native menu's item alike). */
  openSaveAddress(): void
  openSettings(): void
  openSearch(): void
  showLibrary(): void
  setTheme(theme: Theme): void
  changeTextSize(step: 'larger' | 'smaller' | 'reset'): void
  /** The open article's actions, or null when no article is open. */
  reader(): ReaderCommands | null
  focusMode(): boolean
  setFocusMode(on: boolean): void
  /** Undoes what the latest toast offers to undo (the Trash); false when none does. */
  undoToast(): boolean
  /** Says that a command needs an open article. */
  needsArticle(): void
}

/** What the commands ask of the open article. */
export interface ReaderCommands {
  openExport(): void
  /** Opens the article info panel (authors, publication, date…). */
  openInfo(): void
  openShare(): void
  openFind(): void
  undo(): boolean
  redo(): boolean
  toggleNotes(): void
  /** Opens or closes the table of contents; false when the article has none. */
  toggleContents(): boolean
}

const dialogOpen = (): boolean => document.querySelector('dialog[open]') !== null

/** Where a command's target is: the key's target, or (from the menu) whatever has focus. */
const targetOf = (invocation: Invocation): EventTarget | null =>
  invocation.via === 'key' ? invocation.event.target : document.activeElement

/**
 * Edit > Undo / Redo and their keys: a focused text field's own typing is
 * undone by the field (the key is left to it; from the menu its undo is run),
 * else the latest annotation change, else (undo only) what the latest toast
 * offers to undo. No key event is replayed.
 */
function undoOrRedo(host: CommandHost, which: 'undo' | 'redo', invocation: Invocation): boolean {
  if (inTextField(targetOf(invocation))) {
    if (invocation.via === 'key') return false
    // execCommand is deprecated but remains the only way to drive a field's own undo stack.
    document.execCommand(which)
    return true
  }
  const reader = host.reader()
  if (which === 'undo') return (reader?.undo() ?? false) || host.undoToast()
  return reader?.redo() ?? false
}

/** A command that needs an open article: from the menu without one, says so. */
function onArticle(host: CommandHost, act: (reader: ReaderCommands) => void) {
  return (invocation: Invocation): boolean => {
    const reader = host.reader()
    if (reader) act(reader)
    else if (invocation.via === 'menu') host.needsArticle()
    return reader !== null || invocation.via === 'menu'
  }
}

const theme = (host: CommandHost, t: Theme): Command => ({
  id: `theme-${t}`,
  keys: [],
  owner: 'app',
  run: () => (host.setTheme(t), true),
})

/**
 * Every command of the app, in the order the help lists them. The ids of the
 * native menu's items (MenuCommand) are among them: `menuCommandIds` checks
 * it where the types cannot.
 */
export function appCommands(host: CommandHost): Command[] {
  return [
    {
      id: 'show-help',
      keys: ['?'],
      // An Arabic keyboard's question mark.
      variants: ['؟'],
      help: 'help',
      owner: 'app',
      run: (i) => {
        if (i.via === 'key' && (inTextField(i.event.target) || dialogOpen())) return false
        host.openHelp()
        return true
      },
    },
    {
      id: 'import',
      keys: ['Mod-o'],
      help: 'import',
      owner: 'app',
      run: () => !host.electron && (host.openImport(), true),
    },
    {
      id: 'save-address',
      keys: ['Mod-Shift-l'],
      help: 'saveAddress',
      owner: 'app',
      run: () => (host.openSaveAddress(), true),
    },
    {
      id: 'show-settings',
      keys: ['Mod-,'],
      help: 'settings',
      owner: 'app',
      run: () => (host.openSettings(), true),
    },
    {
      id: 'show-search',
      keys: ['Mod-k'],
      help: 'search',
      owner: 'app',
      run: () => (host.openSearch(), true),
    },
    {
      id: 'text-larger',
      keys: ['Mod-='],
      variants: ['Mod-+'],
      help: 'larger',
      owner: 'app',
      run: () => (host.changeTextSize('larger'), true),
    },
    {
      id: 'text-smaller',
      keys: ['Mod--'],
      variants: ['Mod-_'],
      help: 'smaller',
      owner: 'app',
      run: () => (host.changeTextSize('smaller'), true),
    },
    {
      id: 'text-reset',
      keys: ['Mod-0'],
      help: 'resetSize',
      owner: 'app',
      run: () => (host.changeTextSize('reset'), true),
    },
    {
      id: 'export',
      keys: ['Mod-e'],
      help: 'export',
      owner: 'app',
      run: onArticle(host, (r) => r.openExport()),
    },
    {
      id: 'article-info',
      keys: ['Mod-i'],
      help: 'articleInfo',
      owner: 'app',
      run: (i) => {
        // Not over another dialog (the panel's own fields included): a second one would stack on it.
        if (i.via === 'key' && dialogOpen()) return false
        return onArticle(host, (r) => r.openInfo())(i)
      },
    },
    { id: 'find', keys: ['Mod-f'], help: 'find', owner: 'app', run: onArticle(host, (r) => r.openFind()) },
    {
      id: 'focus-mode',
      keys: ['Mod-Shift-f'],
      help: 'focus',
      owner: 'app',
      run: () => {
        if (!host.reader()) return false
        host.setFocusMode(!host.focusMode())
        return true
      },
    },
    {
      id: 'leave-focus-mode',
      keys: ['Escape'],
      owner: 'app',
      run: () => {
        if (host.focusMode() && !dialogOpen()) host.setFocusMode(false)
        // Escape goes on to the page either way.
        return false
      },
    },
    { id: 'move-focus', keys: ['Tab', 'Shift-Tab'], help: 'tab', owner: 'native' },
    { id: 'activate', keys: ['Enter'], help: 'enter', owner: 'native' },
    { id: 'close-dialog', keys: ['Escape'], help: 'escape', owner: 'native' },
    {
      id: 'select-text',
      keys: ['Shift-ArrowLeft', 'Shift-ArrowRight', 'Shift-ArrowUp', 'Shift-ArrowDown'],
      keysText: 'helpKeysShiftArrows',
      help: 'selectKeys',
      owner: 'text',
    },
    { id: 'select-all', keys: ['Mod-a'], help: 'selectAll', owner: 'text' },
    { id: 'copy', keys: ['Mod-c'], help: 'copy', owner: 'native' },
    { id: 'highlight', keys: ['h', 'Shift-h'], help: 'highlight', owner: 'text' },
    { id: 'highlight-color', keys: ['1', '2', '3', '4', '5'], help: 'colors', owner: 'text' },
    { id: 'highlight-note', keys: ['n'], help: 'note', owner: 'text' },
    {
      id: 'next-highlight',
      keys: ['Tab', 'Shift-Tab'],
      where: 'article',
      help: 'nextHighlight',
      owner: 'text',
    },
    { id: 'edit-highlight', keys: ['Enter'], where: 'highlight', help: 'editHighlight', owner: 'text' },
    { id: 'delete-highlight', keys: ['Delete'], where: 'highlight', help: 'deleteHighlight', owner: 'text' },
    {
      id: 'toggle-notes',
      keys: ['Mod-Shift-m'],
      help: 'notes',
      owner: 'app',
      run: () => {
        const reader = host.reader()
        reader?.toggleNotes()
        return reader !== null
      },
    },
    {
      id: 'toggle-contents',
      keys: ['Mod-Shift-o'],
      help: 'contents',
      owner: 'app',
      run: () => host.reader()?.toggleContents() ?? false,
    },
    { id: 'undo', keys: ['Mod-z'], help: 'undo', owner: 'app', run: (i) => undoOrRedo(host, 'undo', i) },
    {
      id: 'redo',
      keys: ['Mod-Shift-z', 'Mod-y'],
      help: 'redo',
      owner: 'app',
      run: (i) => undoOrRedo(host, 'redo', i),
    },
    // The native menu's commands without keys of the page's own.
    { id: 'show-library', keys: [], owner: 'app', run: () => (host.showLibrary(), true) },
    { id: 'share-notes', keys: [], owner: 'app', run: onArticle(host, (r) => r.openShare()) },
    theme(host, 'system'),
    theme(host, 'light'),
    theme(host, 'dark'),
    theme(host, 'sepia'),
  ]
}

/**
 * Every id the native menu sends (common/contract/events.ts MenuCommand). A Record over
 * the union, so adding a menu command without listing it here is a type
 * error; a unit test checks each one is a registered command.
 */
export const MENU_COMMAND_IDS = Object.keys({
  'theme-system': 1,
  'theme-light': 1,
  'theme-dark': 1,
  'theme-sepia': 1,
  'show-library': 1,
  'show-search': 1,
  'show-settings': 1,
  'show-help': 1,
  undo: 1,
  redo: 1,
  'focus-mode': 1,
  'text-larger': 1,
  'text-smaller': 1,
  'text-reset': 1,
  export: 1,
  'share-notes': 1,
  'save-address': 1,
} satisfies Record<MenuCommand, 1>) as MenuCommand[]
