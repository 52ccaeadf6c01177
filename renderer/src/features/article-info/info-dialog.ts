import type { ArticleSummary } from '../../../../common/article'
import type { ArticleMeta } from '../../../../common/article-meta'
import { META_KINDS } from '../../../../common/article-meta-check'
import { citationDirection, citationParts, joinCitation } from '../../../../common/citation/citation-line'
import type { HamishApi } from '../../../../common/contract/methods'
import {
  MAX_META_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_WEB_ADDRESS_LENGTH,
} from '../../../../common/contract/limits'
import { displayAddress } from '../../../../common/display-address'
import { draftsOf } from '../../../../common/meta/author-drafts'
import {
  FORM_FIELDS,
  formValues,
  metaFromForm,
  type FormField,
  type FormProblem,
} from '../../../../common/meta/meta-form'
import { openDialog } from '../../ui/dialog'
import { button, el, uid } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import { formatMoment } from '../../ui/format'
import { isolate, strings } from '../../ui/strings'
import { authorRows } from './author-rows'

/** What the panel calls: main's two writes of an article's details. */
export type InfoApi = Pick<HamishApi, 'setArticleMeta' | 'renameArticle'>

/** Codes and addresses are written left to right whatever the interface; names and titles take their own direction. */
const LATIN_FIELDS: readonly FormField[] = ['published', 'language', 'url', 'doi', 'isbn']

/** Each field's hint under it, where its form is not obvious. */
const hintOf = (field: FormField): string | null =>
  field === 'published' ? strings.infoPublishedHint : field === 'language' ? strings.infoLanguageHint : null

/** The sentence shown by a field the panel cannot save. */
function problemText(problem: FormProblem): string {
  if (problem.field === 'authors')
    return problem.problem === 'too-many'
      ? strings.infoTooManyAuthors
      : problem.problem === 'family-needed'
        ? strings.infoFamilyNeeded
        : strings.infoTooLong
  if (problem.problem === 'too-long') return strings.infoTooLong
  switch (problem.field) {
    case 'published':
      return strings.infoBadDate
    case 'url':
      return strings.infoBadUrl
    case 'doi':
      return strings.infoBadDoi
    case 'isbn':
      return strings.infoBadIsbn
    case 'language':
      return strings.infoBadLanguage
    default:
      return strings.infoTooLong
  }
}

/** The same record whatever order its keys were written in: a save that changes nothing is not made. */
const sameMeta = (a: ArticleMeta, b: ArticleMeta): boolean => {
  const canonical = (m: ArticleMeta) =>
    JSON.stringify(
      Object.keys(m)
        .sort()
        .map((k) => [k, m[k as keyof ArticleMeta]]),
    )
  return canonical(a) === canonical(b)
}

/**
 * The article info panel: title, authors (ordered), publication, publisher,
 * date, language, address, DOI, ISBN, pages, volume, issue and kind, to view
 * and edit; what the library knows of the article (saved, fetched, source)
 * and the citation line exports print, read only and kept up to date as the
 * fields change. Save checks every field by the rules main applies
 * (common/meta/meta-form.ts) and shows each problem next to its field,
 * saving nothing; otherwise main writes the details (`setArticleMeta`) and
 * the title (`renameArticle`) and its answer is what `saved` receives. Enter
 * in any text field saves (an author's too: a row has no action of its own
 * for Enter), Escape cancels, and focus goes back to what opened it.
 */
export function openArticleInfo(
  api: InfoApi,
  summary: ArticleSummary,
  saved: (updated: ArticleSummary) => void,
): void {
  const formId = uid('info-form')
  const formError = el('p', { class: 'field-error info-form-error', attrs: { role: 'alert' } })
  const citation = el('p', { class: 'info-citation' })

  const titleId = uid('info-title')
  const titleErrorId = uid('info-title-error')
  const titleInput = el('input', {
    class: 'text-input',
    attrs: {
      id: titleId,
      type: 'text',
      name: 'title',
      value: summary.title,
      maxlength: MAX_TITLE_LENGTH,
      dir: 'auto',
      required: true,
      'aria-describedby': titleErrorId,
    },
  })
  const titleError = el('p', { class: 'field-error', attrs: { id: titleErrorId } })

  const values = formValues(summary.meta)
  const inputs = new Map<FormField, HTMLInputElement | HTMLSelectElement>()
  const errors = new Map<FormField, HTMLElement>()
  const fieldRow = (field: FormField): HTMLElement => {
    const id = uid(`info-${field}`)
    const errorId = uid(`info-${field}-error`)
    const hint = hintOf(field)
    const hintId = hint ? uid(`info-${field}-hint`) : null
    const describedBy = [hintId, errorId].filter(Boolean).join(' ')
    const control =
      field === 'kind'
        ? el('select', { attrs: { id, name: field, 'aria-describedby': describedBy } }, [
            el('option', { attrs: { value: '' }, text: strings.infoKindNone }),
            ...META_KINDS.map((kind) =>
              el('option', {
                attrs: { value: kind, selected: values.kind === kind },
                text: strings.metaKinds[kind],
              }),
            ),
          ])
        : el('input', {
            class: 'text-input',
            attrs: {
              id,
              name: field,
              type: 'text',
              value: values[field],
              maxlength: field === 'url' ? MAX_WEB_ADDRESS_LENGTH : MAX_META_TEXT_LENGTH,
              dir: LATIN_FIELDS.includes(field) ? 'ltr' : 'auto',
              inputmode: field === 'url' ? 'url' : null,
              spellcheck: LATIN_FIELDS.includes(field) ? 'false' : null,
              'aria-describedby': describedBy,
            },
          })
    control.addEventListener('input', refreshCitation)
    control.addEventListener('change', refreshCitation)
    inputs.set(field, control)
    const error = el('p', { class: 'field-error', attrs: { id: errorId } })
    errors.set(field, error)
    return el('div', { class: `info-field info-field-${field}` }, [
      el('label', { attrs: { for: id }, text: strings.infoFields[field] }),
      control,
      hint && hintId ? el('p', { class: 'field-hint muted', attrs: { id: hintId }, text: hint }) : null,
      error,
    ])
  }

  const authors = authorRows(draftsOf(summary.meta?.authors), () => refreshCitation())
  const currentFields = (): Record<FormField, string> =>
    Object.fromEntries(FORM_FIELDS.map((f) => [f, inputs.get(f)!.value])) as Record<FormField, string>

  /** The citation as it would read with the fields as they are; as saved while a field cannot be read. */
  function refreshCitation(): void {
    const read = metaFromForm(currentFields(), authors.drafts())
    const title = titleInput.value.trim() || summary.title
    const parts = citationParts({ ...summary, title, meta: read.ok ? read.meta : summary.meta })
    // In its title's direction, each part isolated: the line exports print, laid out as they lay it out.
    citation.dir = citationDirection(parts)
    citation.textContent = joinCitation(parts, isolate)
  }

  const grid = el('div', { class: 'info-grid' }, FORM_FIELDS.map(fieldRow))
  titleInput.addEventListener('input', refreshCitation)
  refreshCitation()

  const about = el('dl', { class: 'info-about' }, [
    el('dt', { text: strings.infoAdded }),
    el('dd', {}, [el('time', { attrs: { datetime: summary.added }, text: formatMoment(summary.added) })]),
    ...(summary.fetched
      ? [
          el('dt', { text: strings.infoFetched }),
          el('dd', {}, [
            el('time', { attrs: { datetime: summary.fetched }, text: formatMoment(summary.fetched) }),
          ]),
        ]
      : []),
    ...(summary.source
      ? [
          el('dt', { text: strings.infoSource }),
          el('dd', {}, [
            el('bdi', {
              class: 'info-source',
              attrs: { title: summary.source },
              text: displayAddress(summary.source),
            }),
          ]),
        ]
      : []),
    el('dt', { text: strings.infoCitation }),
    el('dd', {}, [citation]),
  ])

  const submit = el('button', {
    class: 'primary',
    attrs: { type: 'submit', form: formId, 'data-action': 'save-info' },
    text: strings.save,
  })
  const form = el('form', { class: 'info-form', attrs: { id: formId, novalidate: true } }, [
    el('div', { class: 'info-field info-field-title' }, [
      el('label', { attrs: { for: titleId }, text: strings.infoTitleField }),
      titleInput,
      titleError,
    ]),
    el('fieldset', { class: 'info-authors' }, [el('legend', { text: strings.infoAuthors }), authors.element]),
    grid,
    el('section', { class: 'info-about-section', attrs: { 'aria-label': strings.infoAbout } }, [
      el('h3', { text: strings.infoAbout }),
      about,
    ]),
  ])

  const dialog = openDialog({
    title: strings.infoTitle,
    class: 'info-dialog',
    body: [form, formError],
    actions: [button(strings.cancel, () => dialog.close(), { attrs: { 'data-action': 'cancel' } }), submit],
    initialFocus: titleInput,
  })

  const clearProblems = (): void => {
    formError.textContent = ''
    titleError.textContent = ''
    titleInput.removeAttribute('aria-invalid')
    for (const [field, error] of errors) {
      error.textContent = ''
      inputs.get(field)!.removeAttribute('aria-invalid')
    }
    authors.showProblem(null)
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (submit.disabled) return
    clearProblems()
    const title = titleInput.value.trim()
    const read = metaFromForm(currentFields(), authors.drafts())
    const invalid: HTMLElement[] = []
    if (!title) {
      titleError.textContent = strings.renameEmpty
      titleInput.setAttribute('aria-invalid', 'true')
      invalid.push(titleInput)
    }
    if (!read.ok) {
      for (const problem of read.problems) {
        if (problem.field === 'authors') {
          if ('row' in problem) {
            authors.showProblem(problem.row, problemText(problem))
            const input = authors.firstInput(problem.row)
            if (input) invalid.push(input)
          } else formError.textContent = problemText(problem)
        } else {
          errors.get(problem.field)!.textContent = problemText(problem)
          const control = inputs.get(problem.field)!
          control.setAttribute('aria-invalid', 'true')
          invalid.push(control)
        }
      }
    }
    if (invalid.length > 0 || !read.ok) {
      formError.textContent = [strings.infoNotSaved, formError.textContent].filter(Boolean).join(' ')
      // The first field to correct, in the panel's order.
      invalid.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      invalid[0]?.focus()
      return
    }
    submit.disabled = true
    void (async () => {
      try {
        let updated = summary
        if (!sameMeta(read.meta, summary.meta ?? {}))
          updated = await api.setArticleMeta(summary.id, read.meta)
        if (title !== summary.title) updated = await api.renameArticle(summary.id, title)
        dialog.close()
        saved(updated)
      } catch (err) {
        // Main's answer wins: its message stays in the panel, which stays open to correct.
        formError.textContent = errorMessage(err)
        submit.disabled = false
      }
    })()
  })
}
