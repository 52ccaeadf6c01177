import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  appCommands,
  MENU_COMMAND_IDS,
  type CommandHost,
  type ReaderCommands,
} from '../../../../renderer/src/shell/app-commands'
import { CommandRegistry } from '../../../../renderer/src/ui/command-registry'
import { en } from '../../../../common/i18n/en'

/*
 * The app's commands in plain Node: the page's few globals they touch
 * (document.activeElement, a text field's class) are stood in for, so
 * what is checked is which command runs what, from a key or from the menu.
 */
class FakeElement {}
class FakeInput extends FakeElement {}

let dispatched: unknown[]
let execCommand: ReturnType<typeof vi.fn>
let active: unknown

beforeEach(() => {
  dispatched = []
  execCommand = vi.fn(() => true)
  active = null
  vi.stubGlobal('HTMLElement', FakeElement)
  vi.stubGlobal('HTMLInputElement', FakeInput)
  vi.stubGlobal('HTMLTextAreaElement', class extends FakeElement {})
  vi.stubGlobal('document', {
    get activeElement() {
      return active
    },
    querySelector: () => null,
    execCommand,
    dispatchEvent: (event: unknown) => dispatched.push(event),
    documentElement: { dataset: {} },
  })
})
afterEach(() => vi.unstubAllGlobals())

function setup(withReader: boolean, readerUndo = true) {
  const calls: string[] = []
  const reader: ReaderCommands = {
    openExport: () => calls.push('export'),
    openInfo: () => calls.push('info'),
    openShare: () => calls.push('share'),
    openFind: () => calls.push('find'),
    undo: () => (calls.push('reader-undo'), readerUndo),
    redo: () => (calls.push('reader-redo'), readerUndo),
    toggleNotes: () => calls.push('notes'),
    toggleContents: () => (calls.push('contents'), true),
  }
  let focus = false
  const host: CommandHost = {
    electron: false,
    openHelp: () => calls.push('help'),
    openImport: () => calls.push('import'),
    openSaveAddress: () => calls.push('save-address'),
    openSettings: () => calls.push('settings'),
    openSearch: () => calls.push('search'),
    showLibrary: () => calls.push('library'),
    setTheme: (t) => calls.push(`theme:${t}`),
    changeTextSize: (s) => calls.push(`size:${s}`),
    reader: () => (withReader ? reader : null),
    focusMode: () => focus,
    setFocusMode: (on) => ((focus = on), calls.push(`focus:${on}`)),
    undoToast: () => (calls.push('toast-undo'), true),
    needsArticle: () => calls.push('needs-article'),
  }
  return { registry: new CommandRegistry(appCommands(host), false), calls }
}

const key = (k: string, init: Partial<KeyboardEvent> = {}, target: unknown = null): KeyboardEvent =>
  ({
    key: k,
    code: '',
    keyCode: k.toUpperCase().charCodeAt(0),
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target,
    ...init,
  }) as unknown as KeyboardEvent

describe('the app’s commands', () => {
  it('has a command for every id the native menu sends, and each runs', () => {
    const { registry, calls } = setup(true)
    for (const id of MENU_COMMAND_IDS) {
      expect(registry.has(id), id).toBe(true)
      expect(registry.run(id, { via: 'menu' }), id).toBe(true)
    }
    expect(calls).toContain('theme:sepia')
    expect(calls).toContain('share')
  })

  it('Edit > Undo runs the annotation history, else the toast’s undo, and replays no key', () => {
    const first = setup(true, true)
    expect(first.registry.run('undo', { via: 'menu' })).toBe(true)
    expect(first.calls).toEqual(['reader-undo'])
    const nothing = setup(true, false)
    nothing.registry.run('undo', { via: 'menu' })
    expect(nothing.calls).toEqual(['reader-undo', 'toast-undo'])
    expect(dispatched).toEqual([])
  })

  it('Edit > Undo / Redo with a text field focused undo the field’s own typing', () => {
    const { registry, calls } = setup(true)
    active = new FakeInput()
    registry.run('undo', { via: 'menu' })
    registry.run('redo', { via: 'menu' })
    expect(execCommand.mock.calls).toEqual([['undo'], ['redo']])
    expect(calls).toEqual([])
    expect(dispatched).toEqual([])
  })

  it('leaves Ctrl+Z and ? to a text field that has focus', () => {
    const { registry, calls } = setup(true)
    const field = new FakeInput()
    expect(registry.onKeyDown(key('z', { ctrlKey: true }, field))).toBe(false)
    expect(registry.onKeyDown(key('?', { shiftKey: true }, field))).toBe(false)
    expect(calls).toEqual([])
    expect(registry.onKeyDown(key('z', { ctrlKey: true }))).toBe(true)
    expect(registry.onKeyDown(key('؟', { shiftKey: true }))).toBe(true)
    expect(calls).toEqual(['reader-undo', 'help'])
  })

  it('article commands: from the keyboard they need an open article; from the menu they say so', () => {
    const { registry, calls } = setup(false)
    expect(registry.onKeyDown(key('e', { ctrlKey: true }))).toBe(false)
    expect(registry.onKeyDown(key('F', { ctrlKey: true, shiftKey: true, keyCode: 70 }))).toBe(false)
    expect(registry.run('export', { via: 'menu' })).toBe(true)
    expect(calls).toEqual(['needs-article'])
  })

  it('Ctrl+I opens the article info panel of the open article, not over an open dialog', () => {
    const none = setup(false)
    expect(none.registry.onKeyDown(key('i', { ctrlKey: true }))).toBe(false)
    const { registry, calls } = setup(true)
    expect(registry.onKeyDown(key('i', { ctrlKey: true }))).toBe(true)
    expect(calls).toEqual(['info'])
    vi.stubGlobal('document', { activeElement: null, querySelector: () => ({}) })
    expect(registry.onKeyDown(key('i', { ctrlKey: true }))).toBe(false)
    expect(calls).toEqual(['info'])
  })

  it('lists in the help every command that has keys of its own, and only those', () => {
    const { registry } = setup(true)
    const listed = registry.shortcuts().map((s) => s.id)
    expect(listed).toContain('undo')
    expect(listed).toContain('highlight')
    expect(listed).not.toContain('theme-dark')
    expect(new Set(listed).size).toBe(listed.length)
  })
})

describe('the help written from the app’s commands', () => {
  it('has one line per help message, with the keys the commands are bound to', () => {
    const { registry } = setup(true)
    const lines = registry.shortcuts()
    expect(lines.map((l) => l.what).sort()).toEqual(Object.values(en.helpShortcuts).sort())
    expect(lines.map((l) => [l.id, l.keys])).toEqual([
      ['show-help', '?'],
      ['import', 'Ctrl+O'],
      ['save-address', 'Ctrl+Shift+L'],
      ['show-settings', 'Ctrl+,'],
      ['show-search', 'Ctrl+K'],
      ['text-larger', 'Ctrl+='],
      ['text-smaller', 'Ctrl+-'],
      ['text-reset', 'Ctrl+0'],
      ['export', 'Ctrl+E'],
      ['article-info', 'Ctrl+I'],
      ['find', 'Ctrl+F'],
      ['focus-mode', 'Ctrl+Shift+F'],
      ['move-focus', 'Tab / Shift+Tab'],
      ['activate', 'Enter'],
      ['close-dialog', 'Escape'],
      ['select-text', en.helpKeysShiftArrows],
      ['select-all', 'Ctrl+A'],
      ['copy', 'Ctrl+C'],
      ['highlight', 'H / Shift+H'],
      ['highlight-color', '1 – 5'],
      ['highlight-note', 'N'],
      ['next-highlight', 'Tab / Shift+Tab'],
      ['edit-highlight', 'Enter'],
      ['delete-highlight', 'Delete'],
      ['toggle-notes', 'Ctrl+Shift+M'],
      ['toggle-contents', 'Ctrl+Shift+O'],
      ['undo', 'Ctrl+Z'],
      ['redo', 'Ctrl+Shift+Z / Ctrl+Y'],
    ])
  })
})
