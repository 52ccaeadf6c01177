import { strings } from './strings'
import { button, el } from './dom'

/** What a toast says, and its optional action (Undo). */
export interface ToastOptions {
  message: string
  action?: { label: string; run: () => void }
  /** Milliseconds before it goes away by itself. */
  timeout?: number
  kind?: 'info' | 'error'
}

const OPENS_ISOLATE = new Set(['\u2066', '\u2067', '\u2068'])
const CLOSES_ISOLATE = '\u2069'

/**
 * The message with each value the strings isolated (a title, a file name:
 * U+2066–2068 … U+2069, ui/strings.ts) in a `<bdi>` of its own, which CSS
 * cuts to one line with an ellipsis: a 300-character Arabic title in an
 * English sentence would otherwise wrap into a tall block with the
 * sentence's words scattered around it. The isolate characters stay in the
 * text, so the live region and the tooltip read the whole sentence.
 */
function messageNodes(message: string): (Node | string)[] {
  const nodes: (Node | string)[] = []
  let depth = 0
  let from = 0
  const chars = Array.from(message)
  let at = 0
  for (const ch of chars) {
    if (OPENS_ISOLATE.has(ch)) {
      if (depth === 0) {
        if (at > from) nodes.push(chars.slice(from, at).join(''))
        from = at
      }
      depth++
    } else if (ch === CLOSES_ISOLATE && depth > 0) {
      depth--
      if (depth === 0) {
        nodes.push(el('bdi', { class: 'toast-subject', text: chars.slice(from, at + 1).join('') }))
        from = at + 1
      }
    }
    at++
  }
  if (from < chars.length) nodes.push(chars.slice(from).join(''))
  return nodes
}

/** A shown toast; `dismiss` removes it early. */
export interface Toast {
  dismiss(): void
}

/**
 * Short messages at the bottom of the window, announced to screen readers
 * through a polite live region. A long title or file name inside a toast
 * is shown on one line, cut with an ellipsis; the whole sentence is its
 * tooltip and what the live region reads. An action (Undo) is a real button, reachable
 * with Tab; a toast with an action stays a little longer.
 */
export class Toasts {
  readonly element = el('div', { class: 'toasts', attrs: { role: 'status', 'aria-live': 'polite' } })
  private undoAction: (() => void) | null = null

  show(options: ToastOptions): Toast {
    const item = el('div', { class: `toast toast-${options.kind ?? 'info'}` })
    let timer: ReturnType<typeof setTimeout> | null = null
    const dismiss = (): void => {
      if (timer !== null) clearTimeout(timer)
      item.remove()
      if (this.undoAction === run) this.undoAction = null
    }
    const run = options.action
      ? () => {
          dismiss()
          options.action!.run()
        }
      : null
    item.append(
      el(
        'span',
        { class: 'toast-message', attrs: { title: options.message } },
        messageNodes(options.message),
      ),
    )
    if (run && options.action) {
      item.append(button(options.action.label, run, { class: 'toast-action' }))
      if (options.action.label === strings.undo) this.undoAction = run
    }
    item.append(
      button('×', dismiss, {
        class: 'icon-button toast-close',
        attrs: { 'aria-label': strings.dismiss, title: strings.dismiss },
      }),
    )
    this.element.append(item)
    timer = setTimeout(dismiss, options.timeout ?? (options.action ? 10_000 : 5_000))
    return { dismiss }
  }

  /** Runs the newest Undo still on screen (for Ctrl/Cmd+Z); false when there is none. */
  undoLatest(): boolean {
    if (!this.undoAction) return false
    this.undoAction()
    return true
  }
}
