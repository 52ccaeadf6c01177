import type { EditorView } from 'prosemirror-view'

/** How far below the top edge the first line is probed, and where a restored line's glyphs start. */
const PROBE_PX = 8
const PLACE_PX = 2

/**
 * The document position of the first text visible below `top` (a viewport
 * y, the bottom of the app's top bar): probed at the middle of the text
 * column, stepping down until a line is hit, so a gap between paragraphs
 * does not count as "no text". Null when no text of the article is on screen.
 */
export function firstVisiblePos(view: EditorView, top: number): number | null {
  const rect = view.dom.getBoundingClientRect()
  const x = (rect.left + rect.right) / 2
  const bottom = Math.min(rect.bottom, window.innerHeight)
  for (let y = Math.max(top, rect.top) + PROBE_PX; y < bottom; y += PROBE_PX) {
    const hit = view.posAtCoords({ left: x, top: y })
    if (hit) return hit.pos
  }
  return null
}

/**
 * Scrolls the window so the line holding `pos` starts just below `top`.
 * The placement sits above the probe depth of `firstVisiblePos`, so saving
 * right after restoring finds the same line and reopening never drifts.
 */
export function scrollPosToTop(view: EditorView, pos: number, top: number): void {
  const coords = view.coordsAtPos(pos, 1)
  window.scrollBy({ top: coords.top - top - PLACE_PX, behavior: 'instant' })
}
