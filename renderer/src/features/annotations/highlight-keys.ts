import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../common/annotation'
import { Plugin } from 'prosemirror-state'
import { isLetter } from '../../ui/keys'

/** What the keys in the text act on (the annotation controller). */
export interface KeyTarget {
  hasSelection(): boolean
  highlightWith(color: HighlightColor | 'last', withNote: boolean): void
  step(direction: 1 | -1): boolean
  enterActive(): boolean
  escape(): boolean
  deleteActive(): boolean
}

/** Digit keys 1–5 (top row or keypad) → colour, whatever the keyboard layout. */
function digitColor(event: KeyboardEvent): HighlightColor | null {
  const m =
    /^(?:Digit|Numpad)([1-5])$/.exec(event.code) ??
    (/^[1-5]$/.exec(event.key) ? [event.key, event.key] : null)
  return m ? (HIGHLIGHT_COLORS[Number(m[1]) - 1] ?? null) : null
}

/**
 * H, N or 1–5 with text of the article selected: highlights it (see
 * highlightKeys). Also used for these keys when focus is elsewhere on the
 * page, as after a drag that started in the margin, which leaves focus on
 * the page around the text while the selection is in it. Returns whether the
 * key was used.
 */
export function selectionKey(event: KeyboardEvent, target: KeyTarget): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false
  if (event.shiftKey && !isLetter(event, 'h')) return false
  if (!target.hasSelection()) return false
  if (isLetter(event, 'h')) {
    target.highlightWith('last', false)
    return true
  }
  if (isLetter(event, 'n')) {
    target.highlightWith('last', true)
    return true
  }
  const color = event.shiftKey ? null : digitColor(event)
  if (!color) return false
  target.highlightWith(color, false)
  return true
}

/**
 * The annotation keys while focus is in the article's text. With text
 * selected: H or Shift+H highlights in the last colour used, 1–5 in that
 * colour, N highlights and opens the note editor. Tab and Shift+Tab move
 * between highlights in document order (past the last one, Tab leaves the
 * text as usual), Enter goes into the highlight's popover, Delete deletes it,
 * Escape leaves it. Keys with Ctrl, Alt or Cmd are never taken.
 */
export function highlightKeys(target: KeyTarget): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        keydown(_view, event) {
          if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false
          const handled = ((): boolean => {
            if (event.key === 'Tab') return target.step(event.shiftKey ? -1 : 1)
            if (event.key === 'Escape') return target.escape()
            if (event.shiftKey && !isLetter(event, 'h')) return false
            if (target.hasSelection()) return selectionKey(event, target)
            if (event.key === 'Enter') return target.enterActive()
            if (event.key === 'Delete' || event.key === 'Backspace') return target.deleteActive()
            return false
          })()
          if (handled) event.preventDefault()
          return handled
        },
      },
    },
  })
}
