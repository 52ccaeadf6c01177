import { strings } from './strings'
import { button, el, uid } from './dom'

/** An open modal dialog. */
export interface DialogHandle {
  dialog: HTMLDialogElement
  close(): void
}

/** Content and behaviour of one dialog. */
export interface DialogOptions {
  title: string
  body: Node[]
  /** Buttons for the footer; a Close button is always in the header. */
  actions?: Node[]
  class?: string
  /** Element to focus first (the dialog's first control otherwise). */
  initialFocus?: HTMLElement
  onClose?: () => void
}

/**
 * A modal dialog on the native <dialog> element: it traps focus, closes on
 * Escape and on a click outside, and hands focus back to whatever had it
 * before, so keyboard users end where they started.
 */
export function openDialog(options: DialogOptions): DialogHandle {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const titleId = uid('dialog-title')
  const dialog = el('dialog', {
    class: `dialog ${options.class ?? ''}`.trim(),
    attrs: { 'aria-labelledby': titleId },
  })
  let closed = false
  const close = (): void => {
    if (closed) return
    closed = true
    if (dialog.open) dialog.close()
    dialog.remove()
    options.onClose?.()
    if (opener?.isConnected) opener.focus()
  }
  const header = el('header', { class: 'dialog-header' }, [
    el('h2', { attrs: { id: titleId }, text: options.title }),
    button('×', close, {
      class: 'icon-button',
      attrs: { 'aria-label': strings.close, title: strings.close },
    }),
  ])
  dialog.append(header, el('div', { class: 'dialog-body' }, options.body))
  if (options.actions?.length) dialog.append(el('footer', { class: 'dialog-footer' }, options.actions))
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    close()
  })
  dialog.addEventListener('close', close)
  // A click on the backdrop lands on the dialog element itself.
  dialog.addEventListener('mousedown', (event) => {
    if (event.target !== dialog) return
    const r = dialog.getBoundingClientRect()
    const inside =
      event.clientX >= r.left &&
      event.clientX <= r.right &&
      event.clientY >= r.top &&
      event.clientY <= r.bottom
    if (!inside) close()
  })
  document.body.append(dialog)
  dialog.showModal()
  options.initialFocus?.focus()
  return { dialog, close }
}
