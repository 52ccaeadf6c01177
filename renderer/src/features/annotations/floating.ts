/** A rectangle in viewport coordinates. */
export interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** Where to put a floating element relative to what it belongs to. */
export interface PlaceOptions {
  /** Above or below the anchor, when there is room; the other side otherwise. */
  side: 'above' | 'below'
  /** The text's direction: the element lines up with the anchor's start edge (left in LTR, right in RTL). */
  dir: 'ltr' | 'rtl'
  /** Viewport y below which the element must stay (the bottom of the sticky top bar). */
  top: number
  gap?: number
  /**
   * A box the element should leave uncovered when the window has room beside
   * it (the notes panel, whose cards a popover opened from one would hide).
   */
  avoid?: Box | null
}

const MARGIN = 8
/** Below this height beside the anchor, the element may cover it rather than shrink further. */
const MIN_ROOM = 160

/**
 * Positions an absolutely placed element (toolbar, popover) next to a box on
 * screen: above or below it, aligned with its start edge — mirrored for
 * right-to-left text, where a line starts on the right — and kept inside the
 * viewport. Coordinates are set through the CSSOM (which the CSP allows) in
 * page coordinates, so the element scrolls with the text it belongs to.
 */
export function placeNear(element: HTMLElement, anchor: Box, options: PlaceOptions): void {
  const gap = options.gap ?? 8
  const viewportWidth = document.documentElement.clientWidth
  const viewportHeight = window.innerHeight
  // Taller than the room above and below the anchor (a long error, many tags): it scrolls inside,
  // on the side with more room, so it covers neither the anchor nor runs out of the window.
  element.style.maxHeight = ''
  element.style.overflowY = ''
  const roomAbove = anchor.top - gap - options.top - MARGIN
  const roomBelow = viewportHeight - MARGIN - anchor.bottom - gap
  const side = Math.max(roomAbove, roomBelow)
  const room = side >= MIN_ROOM ? side : viewportHeight - options.top - 2 * MARGIN
  if (element.offsetHeight > Math.max(roomAbove, roomBelow)) {
    element.style.maxHeight = `${Math.floor(room)}px`
    element.style.overflowY = 'auto'
  }
  const width = element.offsetWidth
  const height = element.offsetHeight
  let [min, max] = [MARGIN, viewportWidth - MARGIN]
  const avoid = options.avoid
  if (avoid && avoid.right > avoid.left) {
    // Beside the box, on the side with room for the element (the box is at one edge of the window).
    if (avoid.right + MARGIN + width <= max && avoid.left < viewportWidth - avoid.right)
      min = avoid.right + MARGIN
    else if (avoid.left - MARGIN - width >= min) max = avoid.left - MARGIN
  }
  let left = options.dir === 'rtl' ? anchor.right - width : anchor.left
  left = Math.max(min, Math.min(left, max - width))
  const above = anchor.top - gap - height
  const below = anchor.bottom + gap
  const fitsAbove = above >= options.top + MARGIN
  const fitsBelow = below + height <= viewportHeight - MARGIN
  let y =
    options.side === 'above'
      ? fitsAbove || !fitsBelow
        ? above
        : below
      : fitsBelow || !fitsAbove
        ? below
        : above
  y = Math.max(options.top + MARGIN, Math.min(y, viewportHeight - height - MARGIN))
  element.style.left = `${Math.round(left + window.scrollX)}px`
  element.style.top = `${Math.round(y + window.scrollY)}px`
  element.dataset.side = y < anchor.top ? 'above' : 'below'
}
