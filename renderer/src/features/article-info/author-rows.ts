import { MAX_META_TEXT_LENGTH } from '../../../../common/contract/limits'
import { blankDraft, moveDraft, removeDraft, type AuthorDraft } from '../../../../common/meta/author-drafts'
import { button, el, uid } from '../../ui/dom'
import { formatInteger } from '../../ui/format'
import { strings } from '../../ui/strings'

/** The authors list of the info panel: its element, the rows as they are now, and a place for each row's message. */
export interface AuthorRows {
  element: HTMLElement
  drafts(): AuthorDraft[]
  /** Shows a message under row `row` (null clears every row's), and marks its inputs invalid. */
  showProblem(row: number | null, message?: string): void
  /** The first input of row `row`, to focus when it has a problem. */
  firstInput(row: number): HTMLElement | null
}

/**
 * An ordered list of authors to edit: each row one name as written (how
 * Arabic names are kept) or family and given names, chosen per row; rows
 * added, removed and moved up or down with buttons, each named with the
 * row's number so a screen reader says which author it acts on. Focus
 * follows the row that moved (or the next one after a removal), so the
 * keyboard never loses its place. `changed` runs after every edit.
 */
export function authorRows(initial: AuthorDraft[], changed: () => void): AuthorRows {
  let drafts = initial.map((d) => ({ ...d }))
  const problems = new Map<number, string>()
  const list = el('ol', { class: 'author-list', attrs: { 'aria-label': strings.infoAuthors } })
  const none = el('p', { class: 'muted author-none', text: strings.infoAuthorsNone })
  const add = button(
    strings.infoAuthorAdd,
    () => {
      drafts = [...drafts, blankDraft()]
      render()
      changed()
      rowInputs(drafts.length - 1)[0]?.focus()
    },
    { class: 'author-add', attrs: { 'data-action': 'add-author' } },
  )

  const rowInputs = (row: number): HTMLElement[] => [
    ...(list.children[row]?.querySelectorAll<HTMLElement>('input') ?? []),
  ]

  const textInput = (
    row: number,
    part: 'name' | 'family' | 'given',
    label: string,
    placeholder: string,
    errorId: string,
  ): HTMLInputElement => {
    const input = el('input', {
      class: `text-input author-${part}`,
      attrs: {
        type: 'text',
        value: drafts[row]![part],
        maxlength: MAX_META_TEXT_LENGTH,
        dir: 'auto',
        'aria-label': label,
        placeholder,
        'aria-describedby': errorId,
        'aria-invalid': problems.has(row) ? 'true' : null,
      },
    })
    input.addEventListener('input', () => {
      drafts[row] = { ...drafts[row]!, [part]: input.value }
      changed()
    })
    return input
  }

  const row = (draft: AuthorDraft, i: number): HTMLLIElement => {
    const n = i + 1
    const errorId = uid('author-error')
    const form = el('select', { class: 'author-form', attrs: { 'aria-label': strings.infoAuthorForm(n) } }, [
      el('option', {
        attrs: { value: 'name', selected: draft.form === 'name' },
        text: strings.infoAuthorOneName,
      }),
      el('option', {
        attrs: { value: 'parts', selected: draft.form === 'parts' },
        text: strings.infoAuthorParts,
      }),
    ])
    form.addEventListener('change', () => {
      drafts[i] = { ...drafts[i]!, form: form.value === 'parts' ? 'parts' : 'name' }
      render()
      changed()
      list.children[i]?.querySelector<HTMLElement>('.author-form')?.focus()
    })
    const names =
      draft.form === 'name'
        ? [textInput(i, 'name', strings.infoAuthorName(n), strings.infoAuthorNamePlaceholder, errorId)]
        : [
            textInput(i, 'family', strings.infoAuthorFamily(n), strings.infoAuthorFamilyPlaceholder, errorId),
            textInput(i, 'given', strings.infoAuthorGiven(n), strings.infoAuthorGivenPlaceholder, errorId),
          ]
    const move = (by: -1 | 1, action: string) => () => {
      drafts = moveDraft(drafts, i, by)
      render()
      changed()
      // Focus stays on the same button of the moved row; at an end, on the other one.
      const moved = list.children[i + by]
      const same = moved?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)
      ;(same && !same.disabled
        ? same
        : moved?.querySelector<HTMLButtonElement>('.author-move:not(:disabled)')
      )?.focus()
    }
    return el('li', { class: 'author-row', attrs: { 'data-row': i } }, [
      // The list's order, in the interface's digits (the row's controls say their number too).
      el('span', { class: 'author-number', attrs: { 'aria-hidden': 'true' }, text: formatInteger(n) }),
      el('div', { class: 'author-fields' }, [form, ...names]),
      el('div', { class: 'author-buttons' }, [
        button('↑', move(-1, 'author-up'), {
          class: 'icon-button author-move',
          attrs: {
            'aria-label': strings.infoAuthorUp(n),
            title: strings.infoAuthorUp(n),
            'data-action': 'author-up',
            disabled: i === 0,
          },
        }),
        button('↓', move(1, 'author-down'), {
          class: 'icon-button author-move',
          attrs: {
            'aria-label': strings.infoAuthorDown(n),
            title: strings.infoAuthorDown(n),
            'data-action': 'author-down',
            disabled: i === drafts.length - 1,
          },
        }),
        button(
          '×',
          () => {
            drafts = removeDraft(drafts, i)
            render()
            changed()
            const next = list.children[Math.min(i, drafts.length - 1)]
            ;(next?.querySelector<HTMLElement>('[data-action="author-remove"]') ?? add).focus()
          },
          {
            class: 'icon-button author-remove',
            attrs: {
              'aria-label': strings.infoAuthorRemove(n),
              title: strings.infoAuthorRemove(n),
              'data-action': 'author-remove',
            },
          },
        ),
      ]),
      el('p', { class: 'field-error', attrs: { id: errorId }, text: problems.get(i) ?? '' }),
    ])
  }

  const render = (): void => {
    // A row's message belongs to the row as it was checked; any edit of the list clears them.
    problems.clear()
    list.replaceChildren(...drafts.map(row))
    none.hidden = drafts.length > 0
  }
  render()

  return {
    element: el('div', { class: 'author-editor' }, [list, none, add]),
    drafts: () => drafts.map((d) => ({ ...d })),
    showProblem: (at, message) => {
      if (at === null) problems.clear()
      else problems.set(at, message ?? '')
      ;[...list.children].forEach((li, i) => {
        const error = li.querySelector('.field-error')
        if (error) error.textContent = problems.get(i) ?? ''
        for (const input of li.querySelectorAll('input'))
          if (problems.has(i)) input.setAttribute('aria-invalid', 'true')
          else input.removeAttribute('aria-invalid')
      })
    },
    firstInput: (at) => rowInputs(at)[0] ?? null,
  }
}
