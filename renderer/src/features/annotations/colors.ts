import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../common/annotation'
import { el } from '../../ui/dom'

const LAST_COLOR_KEY = 'hamish.lastHighlightColor'

/** The colour H highlights in: the last one used, remembered on this machine. */
export function lastColor(): HighlightColor {
  try {
    const saved = localStorage.getItem(LAST_COLOR_KEY)
    if (saved && (HIGHLIGHT_COLORS as readonly string[]).includes(saved)) return saved as HighlightColor
  } catch {
    // Storage can be unavailable (privacy settings); yellow then.
  }
  return 'yellow'
}

export function rememberColor(color: HighlightColor): void {
  try {
    localStorage.setItem(LAST_COLOR_KEY, color)
  } catch {
    // Not remembering the colour is harmless.
  }
}

/** A small round sample of a highlight colour (decorative: the control around it carries the name). */
export function swatch(color: HighlightColor): HTMLElement {
  return el('span', { class: `swatch swatch-${color}`, attrs: { 'aria-hidden': 'true' } })
}
