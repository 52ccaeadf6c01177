import { describe, expect, it } from 'vitest'
import type { AnchoredAnnotation } from '../../../common/annotation'
import { anchorAll } from '../../../common/anchoring'
import type { DocNode } from '../../../common/document'
import { toNotesMarkdown } from '../../../common/export'
import { plainText } from '../../../common/plain-text'
import { annotate, article, fold, input, orphan, parse, rangeOf, renderWithMarkdownIt } from './helpers'
import { hostileMarkdownDoc } from './samples'

/** The rendered summary's blocks as [tag, folded text] pairs, in order. */
function blocks(markdown: string): [string, string][] {
  const dom = parse(renderWithMarkdownIt(markdown, false))
  return Array.from(dom.body.children).map((el) => [el.tagName.toLowerCase(), fold(el.textContent ?? '')])
}

describe('toNotesMarkdown', () => {
  const art = article('lavrov-shaibani-moscow.ar.txt')
  const quotes = ['أسعد الشيباني اليوم', 'شبكة "العربية"', 'مرحلة جديدة', 'تجارة المخدرات', 'موسكو مستعدة']
  const specs = quotes.map((q, i) => ({
    ...rangeOf(art.doc, q),
    color: (['pink', 'yellow', 'pink', 'green', 'yellow'] as const)[i],
    note: i === 1 ? 'ملاحظة *مهمة*\n\nفقرة ثانية' : i === 3 ? '' : `ملاحظة ${i}`,
    tags: i === 2 ? ['مرحلة', 'تقرير خاص'] : [],
    author: 'ليلى',
  }))
  const made = annotate(art.doc, specs)
  const lost = orphan('جملة حذفت من المقال', 'كانت هنا', 'blue')
  // Given out of order: the summary sorts them.
  const annotations = [made[4]!, lost, made[2]!, made[0]!, made[3]!, made[1]!]

  it('lists every annotation in document order: quote, note, colour, tags, author', () => {
    const md = toNotesMarkdown(input(art, annotations))
    const out = blocks(md)
    expect(out[0]).toEqual(['h1', fold(art.summary.title)])
    expect(out[1]).toEqual(['p', fold(`«${art.summary.title}». 2025-12-24.`)])
    expect(out[2]![1]).toBe('Source: lavrov-shaibani-moscow.ar.txt · Date: 2025-12-24')
    const quotesInOrder = out.filter(([tag]) => tag === 'blockquote').map(([, t]) => t)
    expect(quotesInOrder).toEqual([...quotes.map(fold), 'جملة حذفت من المقال'])
    const text = out.map(([, t]) => t).join('\n')
    expect(text).toContain('ملاحظة مهمة\nفقرة ثانية\nColour: Yellow · Author: ليلى')
    expect(text).toContain('ملاحظة 2\nColour: Pink · Tags: مرحلة, تقرير خاص · Author: ليلى')
    expect(text).toContain('تجارة المخدرات\nColour: Green · Author: ليلى')
    expect(md).toContain('## Unplaced notes')
    expect(text.indexOf('Unplaced notes')).toBeLessThan(text.indexOf('جملة حذفت من المقال'))
    expect(text).toContain('كانت هنا')
  })

  it('groups by colour in toolbar order, each group in document order, orphans apart', () => {
    const out = blocks(toNotesMarkdown(input(art, annotations), { groupByColor: true }))
    const headings = out.filter(([tag]) => tag === 'h2').map(([, t]) => t)
    expect(headings).toEqual(['Yellow', 'Green', 'Pink', 'Unplaced notes'])
    const sections: Record<string, string[]> = {}
    let current = ''
    for (const [tag, t] of out) {
      if (tag === 'h2') current = t
      else if (tag === 'blockquote') (sections[current] ??= []).push(t)
    }
    expect(sections).toEqual({
      Yellow: [fold(quotes[1]!), fold(quotes[4]!)],
      Green: [fold(quotes[3]!)],
      Pink: [fold(quotes[0]!), fold(quotes[2]!)],
      'Unplaced notes': ['جملة حذفت من المقال'],
    })
  })

  it('quotes the text as it reads now, across paragraphs, with Markdown in it escaped', () => {
    const doc = hostileMarkdownDoc()
    const text = plainText(doc)
    const [across] = annotate(doc, [
      { start: 0, end: Array.from(text.split('\n\n').slice(0, 3).join('\n\n')).length },
    ])
    const dom = parse(renderWithMarkdownIt(toNotesMarkdown(input({ ...art, doc }, [across!])), false))
    const quote = dom.querySelector('blockquote')!
    expect(Array.from(quote.querySelectorAll('p')).map((p) => p.textContent)).toEqual(
      text.split('\n\n').slice(0, 3),
    )
    expect(quote.querySelectorAll('*').length).toBe(3)

    // Anchored on a changed copy (a vowel mark added): the current text is quoted, not the stored one.
    const changed: DocNode = JSON.parse(JSON.stringify(art.doc).replace('العاصمة موسكو', 'العاصمة مُوسكو'))
    const [made] = annotate(art.doc, [rangeOf(art.doc, 'العاصمة موسكو')])
    const moved: AnchoredAnnotation = { ...made!, anchor: anchorAll(plainText(changed), [made!.target!])[0]! }
    expect(moved.anchor?.method).toBe('folded')
    const md = toNotesMarkdown(input({ ...art, doc: changed }, [moved]))
    expect(md).toContain('> العاصمة مُوسكو')
  })
})

describe('notes kept as Markdown', () => {
  it('closes a code fence a note leaves open, so the rest of the summary stays text', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const [a, b] = annotate(art.doc, [
      { ...rangeOf(art.doc, 'موسكو'), note: 'شيفرة:\n```js\nlet x = 1' },
      { ...rangeOf(art.doc, 'الشيباني'), note: 'بعدها' },
    ])
    const out = blocks(toNotesMarkdown(input(art, [a!, b!])))
    expect(out.filter(([tag]) => tag === 'pre').map(([, t]) => t)).toEqual(['let x = 1'])
    expect(out.filter(([tag]) => tag === 'blockquote').length).toBe(2)
    expect(out.map(([, t]) => t)).toContain('بعدها')
  })
})
