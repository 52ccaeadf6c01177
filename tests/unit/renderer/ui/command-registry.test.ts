import { afterEach, describe, expect, it } from 'vitest'
import { CommandRegistry, type Command } from '../../../../renderer/src/ui/command-registry'
import { keyLabel, keysLabel } from '../../../../renderer/src/ui/key-labels'
import { setUiLanguage } from '../../../../renderer/src/ui/strings'
import { ar } from '../../../../common/i18n/ar'
import { en } from '../../../../common/i18n/en'

/** A key press as the browser reports it; only what prosemirror-keymap reads. */
function press(
  key: string,
  init: {
    code?: string
    keyCode?: number
    ctrl?: boolean
    meta?: boolean
    shift?: boolean
    alt?: boolean
  } = {},
): KeyboardEvent {
  return {
    key,
    code: init.code ?? '',
    keyCode: init.keyCode ?? 0,
    ctrlKey: init.ctrl ?? false,
    metaKey: init.meta ?? false,
    shiftKey: init.shift ?? false,
    altKey: init.alt ?? false,
    target: null,
  } as unknown as KeyboardEvent
}

/** A registry whose commands record that they ran. */
function registry(mac: boolean, extra: Command[] = []) {
  const ran: string[] = []
  const command = (id: string, keys: string[], help?: Command['help'], used = true): Command => ({
    id,
    keys,
    owner: 'app',
    ...(help ? { help } : {}),
    run: () => (ran.push(id), used),
  })
  const commands = [
    command('show-search', ['Mod-k'], 'search'),
    command('focus-mode', ['Mod-Shift-f'], 'focus'),
    command('text-larger', ['Mod-='], 'larger'),
    command('leave', ['Escape'], undefined, false),
    { id: 'colors', keys: ['1', '2', '3', '4', '5'], help: 'colors', owner: 'text' } as Command,
    ...extra,
  ]
  return { commands: new CommandRegistry(commands, mac), ran }
}

afterEach(() => setUiLanguage('en', { en }))

describe('the command registry', () => {
  it('binds Mod- to Ctrl off a Mac and to Cmd on a Mac (one platform check)', () => {
    const pc = registry(false)
    expect(pc.commands.onKeyDown(press('k', { ctrl: true, keyCode: 75 }))).toBe(true)
    expect(pc.commands.onKeyDown(press('k', { meta: true, keyCode: 75 }))).toBe(false)
    expect(pc.ran).toEqual(['show-search'])
    const mac = registry(true)
    expect(mac.commands.onKeyDown(press('k', { meta: true, keyCode: 75 }))).toBe(true)
    expect(mac.commands.onKeyDown(press('k', { ctrl: true, keyCode: 75 }))).toBe(false)
    expect(mac.ran).toEqual(['show-search'])
  })

  it('matches Ctrl shortcuts on an Arabic layout by the physical key', () => {
    const { commands, ran } = registry(false)
    // On an Arabic layout the K key types "ن", and Shift with the F key types no Latin F.
    expect(commands.onKeyDown(press('ن', { code: 'KeyK', keyCode: 75, ctrl: true }))).toBe(true)
    expect(commands.onKeyDown(press('[', { code: 'KeyF', keyCode: 70, ctrl: true, shift: true }))).toBe(true)
    expect(ran).toEqual(['show-search', 'focus-mode'])
  })

  it('leaves a key alone when no command takes it, or its command does not use it', () => {
    const { commands, ran } = registry(false)
    expect(commands.onKeyDown(press('k', { keyCode: 75 }))).toBe(false)
    expect(commands.onKeyDown(press('k', { ctrl: true, alt: true, keyCode: 75 }))).toBe(false)
    expect(commands.onKeyDown(press('Escape', { keyCode: 27 }))).toBe(false)
    expect(ran).toEqual(['leave'])
  })

  it('runs a command by id, as the native menu does', () => {
    const { commands, ran } = registry(false)
    expect(commands.run('text-larger')).toBe(true)
    expect(commands.run('no-such-command')).toBe(false)
    expect(ran).toEqual(['text-larger'])
  })

  it('refuses two commands on one key or with one id', () => {
    expect(() => registry(false, [{ id: 'other', keys: ['Mod-k'], owner: 'app', run: () => true }])).toThrow(
      /Ctrl-k/,
    )
    expect(() => registry(false, [{ id: 'show-search', keys: [], owner: 'app' }])).toThrow(/show-search/)
  })

  it('writes the help from its commands, with the keys as the platform writes them, in English and Arabic', () => {
    expect(registry(false).commands.shortcuts()).toEqual([
      { id: 'show-search', keys: 'Ctrl+K', where: null, what: en.helpShortcuts.search },
      { id: 'focus-mode', keys: 'Ctrl+Shift+F', where: null, what: en.helpShortcuts.focus },
      { id: 'text-larger', keys: 'Ctrl+=', where: null, what: en.helpShortcuts.larger },
      { id: 'colors', keys: '1 – 5', where: null, what: en.helpShortcuts.colors },
    ])
    setUiLanguage('ar', { ar, en })
    const arabic = registry(true).commands.shortcuts()
    expect(arabic.map((s) => s.keys)).toEqual(['⌘K', '⇧⌘F', '⌘=', '1 – 5'])
    expect(arabic.map((s) => s.what)).toEqual([
      ar.helpShortcuts.search,
      ar.helpShortcuts.focus,
      ar.helpShortcuts.larger,
      ar.helpShortcuts.colors,
    ])
  })
})

describe('key labels', () => {
  it.each([
    ['Mod-Shift-z', false, 'Ctrl+Shift+Z'],
    ['Mod-Shift-z', true, '⇧⌘Z'],
    ['Mod--', false, 'Ctrl+-'],
    ['Mod--', true, '⌘-'],
    ['Shift-Tab', false, 'Shift+Tab'],
    ['?', false, '?'],
    ['Escape', true, 'Escape'],
  ])('%s (Mac: %s) is written %s', (name, mac, label) => {
    expect(keyLabel(name, mac)).toBe(label)
  })

  it('joins a command’s keys and writes a run of digits as a range', () => {
    expect(keysLabel(['h', 'Shift-h'], false)).toBe('H / Shift+H')
    expect(keysLabel(['1', '2', '3', '4', '5'], false)).toBe('1 – 5')
  })
})
