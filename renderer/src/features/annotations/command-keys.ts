import { inTextField, isLetter } from '../../ui/keys'

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent)

/** What the reader's command shortcuts do; undo/redo return false when there is nothing to undo/redo. */
export interface CommandTarget {
  undo(): boolean
  redo(): boolean
  toggleNotes(): void
}

/**
 * The reader's command shortcuts, anywhere on the page: Ctrl+Z undo,
 * Ctrl+Shift+Z and Ctrl+Y redo (Cmd on macOS), Ctrl+Shift+M the notes panel.
 * Undo and redo are left to a text field that has focus (its own typing),
 * and to the app when there is no annotation change to undo (the library's
 * Trash undo). Returns whether the key was used.
 */
export function handleCommandKey(event: KeyboardEvent, target: CommandTarget): boolean {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!mod || event.altKey) return false
  if (event.shiftKey && isLetter(event, 'm')) {
    target.toggleNotes()
    return true
  }
  if (inTextField(event.target)) return false
  if (!event.shiftKey && isLetter(event, 'z')) return target.undo()
  if (event.shiftKey ? isLetter(event, 'z') : isLetter(event, 'y')) return target.redo()
  return false
}
