import { MAX_NOTE_LENGTH } from '../../../../common/contract/limits'
import { button, el, uid } from '../../ui/dom'
import { strings } from '../../ui/strings'

/** What a composer does with what was written: resolves null once saved, else the sentence to show. */
export type SaveNote = (note: string) => Promise<string | null>

/**
 * The field in which an article note or reply is written or edited, in the
 * notes panel: Markdown in a plain textarea (shown rendered once saved,
 * never as HTML), the note limit as `maxlength`, Ctrl+Enter or Save to
 * save, Cancel to leave. Escape leaves at once only when nothing was
 * changed: with changes it first says that a second Escape throws them
 * away, so a stray Escape neither saves (as the highlight popover does)
 * nor loses what was written. A failed save keeps the text and says why.
 */
export function noteComposer(options: {
  label: string
  save: SaveNote
  close: () => void
  /** The note being edited; none for a new one. */
  initial?: string
}): HTMLElement {
  const initial = options.initial ?? ''
  const id = uid('compose')
  const textarea = el('textarea', {
    class: 'text-input note-input',
    attrs: {
      id,
      dir: 'auto',
      rows: 4,
      maxlength: MAX_NOTE_LENGTH,
      placeholder: strings.notePlaceholder,
      'aria-describedby': `${id}-hint`,
      'data-key': 'compose-input',
    },
  })
  textarea.value = initial
  const error = el('p', { class: 'field-error', attrs: { role: 'alert' } })
  error.hidden = true
  /** Escape was pressed once with changes: the next one discards them. */
  let warned = false
  textarea.addEventListener('input', () => {
    if (!warned) return
    warned = false
    error.hidden = true
  })
  let saving = false
  const save = async (): Promise<void> => {
    if (saving || textarea.value.trim() === '') return
    saving = true
    saveButton.disabled = true
    const failure = await options.save(textarea.value)
    saving = false
    saveButton.disabled = false
    if (failure === null) return
    error.textContent = failure
    error.hidden = false
    textarea.focus()
  }
  const saveButton = button(strings.noteSave, () => void save(), {
    class: 'primary',
    attrs: { 'data-action': 'save-compose' },
  })
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void save()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      if (textarea.value === initial || warned) {
        options.close()
        return
      }
      warned = true
      error.textContent = strings.noteDiscardHint
      error.hidden = false
    }
  })
  const form = el('div', { class: 'note-composer', attrs: { role: 'group', 'aria-label': options.label } }, [
    el('label', { attrs: { for: id }, text: strings.noteFieldLabel }),
    textarea,
    error,
    el('div', { class: 'note-actions' }, [
      el('span', { class: 'muted note-hint', attrs: { id: `${id}-hint` }, text: strings.noteSaveHint }),
      button(strings.cancel, options.close, { attrs: { 'data-action': 'cancel-compose' } }),
      saveButton,
    ]),
  ])
  return form
}
