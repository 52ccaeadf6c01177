import { Plugin } from 'prosemirror-state'
import { isLetter } from '../../ui/keys'
import { IS_MAC as isMac } from '../../ui/platform'

/** What selecting and copying in a long article needs of the reader. */
export interface SectionSelectionHost {
  /** The selection changed: the window grows when its moving end nears an edge (ReaderSections.selectionChanged). */
  selectionChanged(): void
  /** The article's whole plain text, from main (the page holds only a window of it). */
  wholeText(): Promise<string>
}

/**
 * Selecting and copying across a long article's sections. A selection
 * that nears the laid-out window's edge grows the window (the host's
 * `selectionChanged`), so Shift+arrows and dragging run on across sections
 * and ProseMirror's own copy copies exactly the text selected. Ctrl/Cmd+A
 * selects the window only, so it also asks main for the whole text, and a
 * copy while that selection stands copies the whole article: what the user
 * asked for, however big. Must come before `keyboardSelection`, which
 * makes the Ctrl/Cmd+A selection.
 */
export function sectionSelection(host: SectionSelectionHost): Plugin {
  /** Set by Ctrl/Cmd+A, dropped by any other key or a click: the whole article is selected. */
  let whole: Promise<string> | null = null
  let wholeReady: string | null = null
  const forget = (): void => {
    whole = null
    wholeReady = null
  }
  return new Plugin({
    view: () => ({
      update(view, previous) {
        if (!view.state.selection.eq(previous.selection)) host.selectionChanged()
      },
    }),
    props: {
      handleDOMEvents: {
        keydown(_view, event) {
          const mod = isMac ? event.metaKey : event.ctrlKey
          if (mod && !event.shiftKey && !event.altKey && isLetter(event, 'a')) {
            const asked = host.wholeText()
            whole = asked
            void asked.then(
              (text) => {
                if (whole === asked) wholeReady = text
              },
              () => whole === asked && forget(),
            )
          } else if (
            !(mod && isLetter(event, 'c')) &&
            !['Control', 'Meta', 'Shift', 'Alt'].includes(event.key)
          ) {
            forget()
          }
          return false
        },
        mousedown() {
          forget()
          return false
        },
        copy(_view, event) {
          if (!whole) return false
          event.preventDefault()
          if (wholeReady !== null && event.clipboardData) {
            event.clipboardData.setData('text/plain', wholeReady)
          } else {
            // Still on its way from main: written to the clipboard once it is here.
            void whole.then((text) => navigator.clipboard.writeText(text)).catch(() => undefined)
          }
          return true
        },
      },
    },
  })
}
