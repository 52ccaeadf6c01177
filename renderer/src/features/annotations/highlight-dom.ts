import type { Box } from './floating'

/**
 * The elements that draw one highlight in the text, in document order
 * (several when it crosses other highlights, marks or paragraphs).
 */
export function highlightElements(root: HTMLElement, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"]`))
}

/**
 * Where a highlight is on screen, for placing its popover: the start and
 * end edges of its first line (so the popover lines up with where it
 * begins), from the top of its first line to the bottom of its last.
 */
export function highlightBox(root: HTMLElement, id: string): Box | null {
  const rects = highlightElements(root, id).flatMap((e) => Array.from(e.getClientRects()))
  const first = rects[0]
  const last = rects[rects.length - 1]
  if (!first || !last) return null
  return { left: first.left, right: first.right, top: first.top, bottom: Math.max(first.bottom, last.bottom) }
}

/** Scrolls a highlight's beginning into view (the sticky top bar is allowed for by `scroll-padding-top`). */
export function scrollToHighlight(root: HTMLElement, id: string, block: ScrollLogicalPosition): void {
  highlightElements(root, id)[0]?.scrollIntoView({ block, inline: 'nearest', behavior: 'instant' })
}

/** The direction of the text a highlight begins in, as laid out (its paragraph's, after `dir="auto"`). */
export function highlightDirection(root: HTMLElement, id: string): 'ltr' | 'rtl' | null {
  const element = highlightElements(root, id)[0]
  if (!element) return null
  return getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr'
}
