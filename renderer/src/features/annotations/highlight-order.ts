import type { AnchoredAnnotation } from '../../../../common/annotation'

/**
 * Index of the highlight Tab (+1) or Shift+Tab (-1) moves to in `list`
 * (anchored annotations in document order), or -1 when there is none that
 * way. From the current highlight when there is one; otherwise from a place
 * in the text (the selection or the top of the screen): forward, the first
 * highlight not ending before it; backward, the last one starting before it.
 */
export function nextHighlight(
  list: readonly AnchoredAnnotation[],
  current: string | null,
  offset: number,
  direction: 1 | -1,
): number {
  const at = current === null ? -1 : list.findIndex((a) => a.id === current)
  if (at >= 0) {
    const next = at + direction
    return next >= 0 && next < list.length ? next : -1
  }
  if (direction === 1) return list.findIndex((a) => a.anchor !== null && a.anchor.end > offset)
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.anchor && list[i]!.anchor!.start < offset) return i
  return -1
}
