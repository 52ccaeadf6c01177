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

/** A shown toast; `dismiss` removes it early. */
export interface Toast {
  dismiss(): void
}

/**
 * Short messages at the bottom of the window, announced to screen readers
 * through a polite live region. An action (Undo) is a real button, reachable
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
    item.append(el('span', { class: 'toast-message', text: options.message }))
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
