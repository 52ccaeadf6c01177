import type { AnchoredAnnotation, HighlightColor } from '../../../../../common/annotation'

/** An annotation as main answers with it, anchored at [start, end) unless `start` is null (an orphan). */
export function annotation(
  id: string,
  start: number | null,
  options: { color?: HighlightColor; note?: string; tags?: string[]; author?: string; quote?: string } = {},
): AnchoredAnnotation {
  const s = start ?? 0
  return {
    id,
    target: {
      quote: { type: 'TextQuoteSelector', exact: options.quote ?? `quote ${id}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: s, end: s + 5 },
    },
    body: { color: options.color ?? 'yellow', note: options.note ?? '', tags: options.tags ?? [] },
    creator: { id: `author-${options.author ?? 'me'}`, name: options.author ?? 'me' },
    created: `2026-01-01T00:00:0${id.length % 10}.000Z`,
    modified: '2026-01-01T00:00:00.000Z',
    deleted: false,
    anchor: start === null ? null : { start: s, end: s + 5, method: 'position' },
  }
}
