/*
 * Key names as prosemirror-keymap writes them ("Mod-Shift-f", "Escape",
 * "?") turned into what a person reads in the help: "Ctrl+Shift+F" on
 * Windows and Linux, "⇧⌘F" on a Mac.
 */

const MAC_MODIFIERS: Record<string, string> = {
  Mod: '⌘',
  Meta: '⌘',
  Cmd: '⌘',
  Ctrl: '⌃',
  Alt: '⌥',
  Shift: '⇧',
}
const PC_MODIFIERS: Record<string, string> = {
  Mod: 'Ctrl',
  Meta: 'Meta',
  Cmd: 'Meta',
  Ctrl: 'Ctrl',
  Alt: 'Alt',
  Shift: 'Shift',
}
/** The order modifiers are written in: Apple's on a Mac, the usual one elsewhere. */
const MAC_ORDER = ['Ctrl', 'Alt', 'Shift', 'Mod', 'Meta', 'Cmd']
const PC_ORDER = ['Mod', 'Ctrl', 'Meta', 'Cmd', 'Alt', 'Shift']

/** One key name for the help: modifiers in the platform's order and notation, a letter in capitals. */
export function keyLabel(name: string, mac: boolean): string {
  // The last part is the key itself; "Mod--" is Mod with the minus key.
  const parts = name.split(/-(?!$)/)
  const key = parts.pop()!
  const mods = parts.sort(
    (a, b) => (mac ? MAC_ORDER : PC_ORDER).indexOf(a) - (mac ? MAC_ORDER : PC_ORDER).indexOf(b),
  )
  const shown = key.length === 1 ? key.toUpperCase() : key
  if (mac) return mods.map((m) => MAC_MODIFIERS[m] ?? m).join('') + shown
  return [...mods.map((m) => PC_MODIFIERS[m] ?? m), shown].join('+')
}

/**
 * A command's keys for the help, joined with " / ". A run of single digits
 * ("1" to "5") is written as a range, "1 – 5".
 */
export function keysLabel(names: readonly string[], mac: boolean): string {
  const digits = names.every((n) => /^[0-9]$/.test(n))
  if (digits && names.length > 2) return `${names[0]} – ${names[names.length - 1]}`
  return names.map((n) => keyLabel(n, mac)).join(' / ')
}
