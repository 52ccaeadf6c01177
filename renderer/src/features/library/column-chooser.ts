import { LIBRARY_COLUMNS, withColumn, type LibraryColumn } from '../../../../common/library-columns'
import { el } from '../../ui/dom'
import { strings } from '../../ui/strings'

/** Where the library's column choice is kept (the settings, wired by the shell). */
export interface ColumnChoice {
  current(): readonly LibraryColumn[]
  set(columns: LibraryColumn[]): void
  /** Calls `listener` whenever the choice changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

const LABELS: Record<LibraryColumn, () => string> = {
  authors: () => strings.columnAuthors,
  container: () => strings.columnContainer,
  published: () => strings.columnPublished,
}

/**
 * "Columns": a disclosure (native <details>, so Enter and Space open it)
 * holding a checkbox per optional column. A change is saved at once through
 * `choice`; Escape, or a click outside, closes it and focus returns to its
 * summary. Returns the element and a function that detaches its listener.
 */
export function columnChooser(choice: ColumnChoice): { element: HTMLDetailsElement; destroy(): void } {
  const boxes = LIBRARY_COLUMNS.map((column) => {
    const box = el('input', {
      attrs: {
        type: 'checkbox',
        value: column,
        checked: choice.current().includes(column),
        'data-focus-key': `column:${column}`,
      },
    })
    box.addEventListener('change', () => choice.set(withColumn(choice.current(), column, box.checked)))
    return { column, box }
  })
  const summary = el('summary', { class: 'column-chooser-summary', text: strings.columnsButton })
  const element = el('details', { class: 'column-chooser' }, [
    summary,
    el('fieldset', { class: 'column-chooser-list' }, [
      el('legend', { text: strings.columnsLegend }),
      ...boxes.map(({ column, box }) => el('label', { class: 'column-choice' }, [box, LABELS[column]()])),
    ]),
  ])
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !element.open) return
    event.preventDefault()
    event.stopPropagation()
    element.open = false
    summary.focus()
  })
  const outside = (event: PointerEvent): void => {
    if (element.open && !element.contains(event.target as Node)) element.open = false
  }
  document.addEventListener('pointerdown', outside)
  const unsubscribe = choice.subscribe(() => {
    for (const { column, box } of boxes) box.checked = choice.current().includes(column)
  })
  return {
    element,
    destroy: () => {
      document.removeEventListener('pointerdown', outside)
      unsubscribe()
    },
  }
}
