import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Annotation, HighlightColor } from '../../../common/annotation'
import { describeSelection, prepareText } from '../../../common/anchoring'
import type { SharedArticle } from '../../../common/sharing'

export const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')

/** A fixed clock for the tests: 2026-11-30T12:00:00Z. */
export const NOW = Date.parse('2026-11-30T12:00:00.000Z')

/** An ISO time `minutes` after 2026-11-01T00:00:00Z. */
export const at = (minutes: number): string =>
  new Date(Date.parse('2026-11-01T00:00:00.000Z') + minutes * 60_000).toISOString()

/** The Al-Andalus article's text (corpus fixture) and an annotation on a phrase of it. */
export const ANDALUS = fixture('arcd-02-al-andalus.txt')

export function annotationOn(
  text: string,
  quote: string,
  over: Partial<Omit<Annotation, 'target'>> & { color?: HighlightColor; note?: string; tags?: string[] } = {},
): Annotation {
  const i = text.indexOf(quote)
  if (i < 0) throw new Error(`not in the text: ${quote}`)
  const p = prepareText(text)
  const { color = 'yellow', note = '', tags = [], ...rest } = over
  return {
    id: randomUUID(),
    target: describeSelection(p, p.toCodePoint(i), p.toCodePoint(i + quote.length)),
    body: { color, note, tags },
    creator: { id: 'urn:uuid:0d1c3f53-8a0e-4b4f-9a43-6f1c1f0b9a11', name: 'سلمى' },
    created: at(0),
    modified: at(0),
    deleted: false,
    ...rest,
  }
}

export const ARTICLE: SharedArticle = {
  fingerprint: 'a'.repeat(64),
  title: 'الأندلس',
  lang: 'ar',
  dir: 'rtl',
  source: 'arcd-02-al-andalus.txt',
  date: null,
}

/** A few annotations of every kind: note, tags, colour, tombstone, astral characters, HTML in a note. */
export function sampleAnnotations(): Annotation[] {
  return [
    annotationOn(ANDALUS, 'إقليمٌ وحضارةٌ إسلاميَّة', { note: 'تعريف **الأندلس**', tags: ['تاريخ', 'تعريف'] }),
    annotationOn(ANDALUS, 'شبه الجزيرة الأيبيريَّة', { color: 'green' }),
    annotationOn(ANDALUS, 'سنة 711م', { color: 'blue', tags: ['تاريخ'], modified: at(5) }),
    annotationOn(ANDALUS, 'سقطت الأندلس', { deleted: true, note: 'محذوفة', modified: at(9) }),
    annotationOn(ANDALUS, 'دمشق', { note: '<script>alert(1)</script> <b>bold</b> 😀' }),
  ]
}
