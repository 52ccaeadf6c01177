import type { ArticleSummary } from '../../../common/article'
import { openDialog } from '../app/dialog'
import { button, el, uid } from '../app/dom'
import { strings } from '../strings'

const MAX_TAG_LENGTH = 64

/**
 * Adds and removes an article's tags. Each change is saved at once through
 * `save`, which returns the updated summary or the sentence to show; focus
 * stays in the dialog (on the input, or on the next tag after a removal).
 */
export function openTagsDialog(
  article: ArticleSummary,
  save: (tags: string[]) => Promise<{ ok: true; article: ArticleSummary } | { ok: false; message: string }>,
): void {
  let tags = [...article.tags]
  const inputId = uid('tag')
  const list = el('ul', { class: 'tag-editor-list', attrs: { 'aria-label': strings.tagsFor(article.title) } })
  const error = el('p', { class: 'field-error', attrs: { role: 'alert' } })
  const input = el('input', {
    class: 'text-input',
    attrs: {
      id: inputId,
      type: 'text',
      maxlength: MAX_TAG_LENGTH,
      dir: 'auto',
      placeholder: strings.tagAddPlaceholder,
    },
  })

  const commit = async (next: string[], focusAfter: () => void): Promise<void> => {
    const result = await save(next)
    if (result.ok) {
      tags = [...result.article.tags]
      error.textContent = ''
      render()
      focusAfter()
    } else {
      error.textContent = result.message
    }
  }

  const render = (): void => {
    list.replaceChildren(
      ...(tags.length === 0
        ? [el('li', { class: 'muted', text: strings.tagsNone })]
        : tags.map((tag, i) =>
            el('li', { class: 'tag' }, [
              el('span', { attrs: { dir: 'auto' }, text: tag }),
              button(
                '×',
                () =>
                  void commit(
                    tags.filter((_, j) => j !== i),
                    () => {
                      const buttons = list.querySelectorAll<HTMLButtonElement>('button')
                      ;(buttons[Math.min(i, buttons.length - 1)] ?? input).focus()
                    },
                  ),
                {
                  class: 'icon-button tag-remove',
                  attrs: { 'aria-label': strings.tagRemoveLabel(tag), title: strings.tagRemoveLabel(tag) },
                },
              ),
            ]),
          )),
    )
  }

  const add = (): void => {
    const tag = input.value.trim()
    if (!tag) return
    if (tags.includes(tag)) {
      input.value = ''
      return
    }
    void commit([...tags, tag], () => {
      input.value = ''
      input.focus()
    })
  }
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      add()
    }
  })
  render()
  const dialog = openDialog({
    title: strings.tagsFor(article.title),
    class: 'tags-dialog',
    body: [
      list,
      el('div', { class: 'tag-add' }, [
        el('label', { attrs: { for: inputId }, text: strings.tagAddLabel }),
        input,
        button(strings.tagAdd, add),
      ]),
      error,
    ],
    actions: [button(strings.close, () => dialog.close(), { class: 'primary' })],
    initialFocus: input,
  })
}
