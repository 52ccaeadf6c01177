import { Plugin } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { isLetter } from '../../ui/keys'
import { IS_MAC as isMac } from '../../ui/platform'

/** Arrow/Home/End → how Selection.modify moves. Left/right are visual, so they follow the text in RTL too. */
const MOVES: Record<string, [direction: string, granularity: string]> = {
  ArrowLeft: ['left', 'character'],
  ArrowRight: ['right', 'character'],
  ArrowUp: ['backward', 'line'],
  ArrowDown: ['forward', 'line'],
  Home: ['backward', 'lineboundary'],
  End: ['forward', 'lineboundary'],
}

/**
 * Keyboard selection in the read-only view. A non-editable page has no
 * caret, so browsers ignore Shift+arrows there unless a selection already
 * exists; this starts one at the first visible text and extends it with
 * `Selection.modify` (by word with Ctrl, or Alt on macOS). Ctrl/Cmd+A selects
 * the article only, not the app around it. ProseMirror reads the resulting
 * DOM selection into its state, so copying works as with the mouse.
 */
export function keyboardSelection(startPos: (view: EditorView) => number | null): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        keydown(view, event) {
          const selection = document.getSelection()
          if (!selection) return false
          const mod = isMac ? event.metaKey : event.ctrlKey
          if (mod && !event.shiftKey && !event.altKey && isLetter(event, 'a')) {
            selection.selectAllChildren(view.dom)
            event.preventDefault()
            return true
          }
          const move = MOVES[event.key]
          if (!move || !event.shiftKey || (isMac ? event.ctrlKey : event.altKey)) return false
          if (selection.rangeCount === 0 || !view.dom.contains(selection.anchorNode)) {
            const at = view.domAtPos(startPos(view) ?? 1)
            selection.collapse(at.node, at.offset)
          }
          const byWord = (isMac ? event.altKey : event.ctrlKey) && move[1] === 'character'
          selection.modify('extend', move[0], byWord ? 'word' : move[1])
          event.preventDefault()
          return true
        },
      },
    },
  })
}
