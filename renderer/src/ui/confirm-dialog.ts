import { strings } from './strings'
import { openDialog } from './dialog'
import { button, el } from './dom'

/**
 * Asks before something that cannot be undone. Resolves true only for the
 * confirming button; Cancel, Escape, the close button or a click outside all
 * resolve false. Focus starts on Cancel, so a stray Enter deletes nothing.
 */
export function confirmDialog(options: {
  title: string
  message: string
  confirm: string
  /** A class of its own beside `confirm-dialog`, for styles and tests. */
  class?: string
}): Promise<boolean> {
  return new Promise((resolve) => {
    let confirmed = false
    const cancel = button(strings.cancel, () => dialog.close())
    const confirm = button(
      options.confirm,
      () => {
        confirmed = true
        dialog.close()
      },
      { class: 'danger' },
    )
    const dialog = openDialog({
      title: options.title,
      class: `confirm-dialog ${options.class ?? ''}`.trim(),
      body: [el('p', { text: options.message })],
      actions: [cancel, confirm],
      initialFocus: cancel,
      onClose: () => resolve(confirmed),
    })
  })
}
