import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../common/annotation'
import { button, el } from '../../ui/dom'
import { strings } from '../../ui/strings'
import { swatch } from './colors'
import { placeNear, type Box } from './floating'

/** What the toolbar's buttons do. */
export interface ToolbarActions {
  highlight(color: HighlightColor): void
  note(): void
}

/**
 * The small bar that appears beside a selection in the article: the five
 * colours (keys 1–5) and Note. It never takes focus or the selection away
 * from the text (mousedown is cancelled), so the selection it acts on is the
 * one the user sees.
 */
export class SelectionToolbar {
  readonly element: HTMLElement

  constructor(actions: ToolbarActions) {
    this.element = el(
      'div',
      {
        class: 'selection-toolbar',
        attrs: { role: 'toolbar', 'aria-label': strings.highlightToolbar, hidden: true },
      },
      [
        ...HIGHLIGHT_COLORS.map((color, i) => {
          const label = strings.highlightIn(color, i + 1)
          const b = button('', () => actions.highlight(color), {
            class: `toolbar-color toolbar-${color}`,
            attrs: { 'aria-label': label, title: label, 'data-color': color },
          })
          b.append(swatch(color))
          return b
        }),
        button(strings.highlightNote, () => actions.note(), {
          class: 'toolbar-note',
          attrs: { title: strings.highlightNoteLabel, 'data-action': 'note' },
        }),
      ],
    )
    this.element.addEventListener('mousedown', (event) => event.preventDefault())
  }

  get visible(): boolean {
    return !this.element.hidden
  }

  /**
   * Shows the bar above the selection, lined up with where it starts, a
   * `lineHeight` away: the gap is the line above the selection, which the
   * reader may be reading with it (the bar used to sit on it). Below, the
   * same way, when there is no room above.
   */
  show(anchor: Box, dir: 'ltr' | 'rtl', top: number, lineHeight: number): void {
    this.element.hidden = false
    placeNear(this.element, anchor, { side: 'above', dir, top, gap: Math.ceil(lineHeight) + 2 })
  }

  hide(): void {
    this.element.hidden = true
  }
}
