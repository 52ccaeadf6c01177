import type { ArticleSummary } from '../../../../common/article'
import { MAX_TAG_LENGTH } from '../../../../common/contract/limits'
import { mergeTagEdit } from '../../../../common/tag-merge'
import { hasTag, sameTags } from '../../../../common/tags'
import { openDialog } from '../../ui/dialog'
import { button, el, uid } from '../../ui/dom'
import { strings } from '../../ui/strings'

/**
 * Adds and removes an article's tags. Each change shows at once and is saved
 * through `save` with the list it was made on (main merges it into the tags
 * as they are then, so another window's tag edits survive), which returns
 * the updated summary or the sentence to show; saves run one after another,
 * each sending the tags as they are by then, so a tag typed while the last
 * one is still being saved is neither lost nor overwritten. Tags another
 * window added or removed meanwhile show once main answers. While saves
 * are on their way the list is `aria-busy`; if the page goes away then (a
 * reload, the window closing), the tags as shown are sent at once rather
 * than left in the queue, so the last change is not lost. Focus stays in
 * the dialog (on the input, or on the next tag after a removal). A tag
 * already there in another case is not added twice.
 */
export function openTagsDialog(
  article: ArticleSummary,
  save: (
    tags: string[],
    base: string[],
  ) => Promise<{ ok: true; article: ArticleSummary } | { ok: false; message: string }>,
): void {
  /** What the library holds, as far as the dialog knows. */
  let saved = [...article.tags]
  /** What the dialog shows: the saved tags and the changes on their way. */
  let tags = [...saved]
  let saving: Promise<void> = Promise.resolve()
  /** Saves asked for and not yet answered, and the list the one on its way was sent with. */
  let pending = 0
  let inFlight: string[] | null = null
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

  const setPending = (n: number): void => {
    if (pending === 0 && n > 0) window.addEventListener('pagehide', onPageHide)
    if (pending > 0 && n === 0) window.removeEventListener('pagehide', onPageHide)
    pending = n
    list.setAttribute('aria-busy', String(n > 0))
  }
  const change = (next: string[], focusAfter?: () => void): void => {
    tags = next
    render()
    focusAfter?.()
    setPending(pending + 1)
    saving = saving
      .then(send)
      .catch(() => undefined)
      .finally(() => setPending(pending - 1))
  }
  const send = async (): Promise<void> => {
    const sent = tags
    if (sameTags(sent, saved)) return
    inFlight = sent
    const result = await save(sent, saved).finally(() => (inFlight = null))
    if (result.ok) {
      saved = [...result.article.tags]
      error.textContent = ''
      // The library may have tidied the list or merged another window's edit: show its version, with
      // the changes made here since `sent` (on their way next) applied to it.
      const shown = tags === sent ? saved : mergeTagEdit(sent, tags, saved)
      if (!sameTags(tags, shown)) {
        tags = shown
        render()
      }
    } else {
      error.textContent = result.message
      tags = [...saved]
      render()
    }
  }
  function onPageHide(): void {
    const base = inFlight ?? saved
    if (!sameTags(tags, base)) void save(tags, base)
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
                  change(
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
    input.value = ''
    input.focus()
    if (tag && !hasTag(tags, tag)) change([...tags, tag])
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
