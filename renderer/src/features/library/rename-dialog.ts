import type { ArticleSummary } from '../../../../common/article'
import { MAX_TITLE_LENGTH } from '../../../../common/contract/limits'
import { openDialog } from '../../ui/dialog'
import { button, el, uid } from '../../ui/dom'
import { strings } from '../../ui/strings'

/**
 * Asks for a new title. Enter saves, Escape cancels. `save` returns null on
 * success or the sentence to show, and the dialog stays open on failure so
 * the user can correct the title.
 */
export function openRenameDialog(
  article: ArticleSummary,
  save: (title: string) => Promise<string | null>,
): void {
  const id = uid('rename')
  const errorId = uid('rename-error')
  const input = el('input', {
    class: 'text-input',
    attrs: {
      id,
      type: 'text',
      value: article.title,
      maxlength: MAX_TITLE_LENGTH,
      dir: 'auto',
      required: true,
      'aria-describedby': errorId,
    },
  })
  const error = el('p', { class: 'field-error', attrs: { id: errorId, role: 'alert' } })
  const formId = uid('rename-form')
  const submit = el('button', {
    class: 'primary',
    attrs: { type: 'submit', form: formId },
    text: strings.save,
  })
  const form = el('form', { class: 'rename-form', attrs: { id: formId } }, [
    el('label', { attrs: { for: id }, text: strings.renameField }),
    input,
    error,
  ])
  const dialog = openDialog({
    title: strings.renameTitle,
    body: [form],
    actions: [button(strings.cancel, () => dialog.close()), submit],
    initialFocus: input,
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const title = input.value.trim()
    if (!title) {
      error.textContent = strings.renameEmpty
      return
    }
    if (title === article.title) {
      dialog.close()
      return
    }
    submit.disabled = true
    void save(title).then((problem) => {
      submit.disabled = false
      if (problem === null) dialog.close()
      else error.textContent = problem
    })
  })
  input.select()
}
