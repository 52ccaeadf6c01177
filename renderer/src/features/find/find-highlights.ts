import type { EditorView } from 'prosemirror-view'

/** The CSS Custom Highlight names the stylesheet styles: `::highlight(find-match)`, `::highlight(find-current)`. */
export const FIND_MATCH_HIGHLIGHT = 'find-match'
export const FIND_CURRENT_HIGHLIGHT = 'find-current'

/** Document positions of the matches to draw, and which one is current (-1: none). */
export interface FindMatches {
  matches: readonly { from: number; to: number }[]
  current: number
}

/**
 * Draws the find matches through the CSS Custom Highlight API: DOM Ranges
 * over ProseMirror's own text nodes, registered by name and painted by the
 * stylesheet. No element is added to the article, so a key never makes the
 * browser re-render or lay out its paragraphs again (inline decoration spans
 * did: tens of milliseconds a key in a book of 9,000-character lines), and
 * ProseMirror's DOM stays exactly as it drew it. Ranges are rebuilt from
 * positions whenever the view redraws (find-plugin.ts), since a paragraph it
 * re-renders gets new text nodes.
 */
export function paintFindMatches(view: EditorView, state: FindMatches): void {
  const all: Range[] = []
  let current: Range | null = null
  for (let i = 0; i < state.matches.length; i++) {
    const range = domRange(view, state.matches[i]!)
    if (!range) continue
    if (i === state.current) current = range
    else all.push(range)
  }
  setHighlight(FIND_MATCH_HIGHLIGHT, all, 0)
  setHighlight(FIND_CURRENT_HIGHLIGHT, current ? [current] : [], 1)
}

/** Removes the find matches from the page (the bar closed, or the reader went away). */
export function clearFindMatches(): void {
  CSS.highlights.delete(FIND_MATCH_HIGHLIGHT)
  CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT)
}

/** The current match's Range as drawn now, or null: what the bar scrolls below itself. */
export function currentMatchRange(): AbstractRange | null {
  const highlight = CSS.highlights.get(FIND_CURRENT_HIGHLIGHT)
  if (!highlight) return null
  for (const range of highlight) return range
  return null
}

/** An empty set is deleted rather than kept, so the registry holds only what is drawn. */
function setHighlight(name: string, ranges: Range[], priority: number): void {
  if (ranges.length === 0) {
    CSS.highlights.delete(name)
    return
  }
  const highlight = new Highlight(...ranges)
  // The current match paints over the others where they meet.
  highlight.priority = priority
  CSS.highlights.set(name, highlight)
}

/** A DOM Range over positions [from, to) of the view's document, or null when they are not drawn (or empty). */
function domRange(view: EditorView, match: { from: number; to: number }): Range | null {
  if (match.to <= match.from) return null
  try {
    const start = view.domAtPos(match.from, 1)
    const end = view.domAtPos(match.to, -1)
    const range = document.createRange()
    range.setStart(start.node, start.offset)
    range.setEnd(end.node, end.offset)
    return range
  } catch {
    // A position ProseMirror has no DOM for (outside the laid-out text) is simply not drawn.
    return null
  }
}
