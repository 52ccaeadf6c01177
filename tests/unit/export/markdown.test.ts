import { describe, expect, it } from 'vitest'
import { heading, paragraph, text, type DocNode } from '../../../common/document'
import { toMarkdown } from '../../../common/export'
import { plainText } from '../../../common/plain-text'
import {
  annotate,
  article,
  expectedMarked,
  fold,
  input,
  orphan,
  parse,
  random,
  rangeOf,
  renderedArticle,
  renderWithMarkdownIt,
  splitFrontMatter,
  wordSpecs,
  type Spec,
} from './helpers'
import { annotatedFixtures, hostileMarkdownDoc, randomDoc } from './samples'

const FOOTNOTE_PARTS = 'section.footnotes, sup.footnote-ref, hr.footnotes-sep'

/** A note's text as a Markdown reader shows it. */
const noteText = (note: string): string =>
  fold(parse(renderWithMarkdownIt(note, false)).body.textContent ?? '')

describe('toMarkdown read back with markdown-it (mark + footnote plugins)', () => {
  for (const { name, art, annotations } of annotatedFixtures()) {
    it(`${name}: same text, every highlight marked, every note in the footnotes`, () => {
      const md = toMarkdown(input(art, annotations), { flavor: 'md' })
      const { body } = splitFrontMatter(md)
      expect(body).not.toContain('<mark>') // word-aligned and mid-word highlights all fit `==`
      const dom = parse(renderWithMarkdownIt(body, false))
      const footnotes = fold(dom.querySelector('section.footnotes')?.textContent ?? '')
      const unplaced = fold(dom.body.textContent ?? '').split('Unplaced notes')[1] ?? ''
      const rendered = renderedArticle(dom.body, FOOTNOTE_PARTS)

      expect(fold(rendered.text)).toBe(fold(plainText(art.doc)))
      expect(rendered.marked).toBe(expectedMarked(art.doc, annotations))
      const placed = annotations.filter((a) => a.anchor)
      expect(placed.length).toBe(annotations.length - 1)
      for (const a of placed) {
        if (a.body.note) expect(footnotes).toContain(noteText(a.body.note))
        for (const tag of a.body.tags) expect(footnotes).toContain(`#${tag}`)
      }
      const lost = annotations.find((a) => !a.anchor)!
      expect(unplaced).toContain(lost.target!.quote.exact)
      expect(unplaced).toContain('ملاحظة يتيمة بفقرتين')
      expect(unplaced).toContain('#مفقود')
    })
  }

  it('keeps headings, ordered lists with their start, quotes, emphasis and links', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        heading(2, [text('المادة الأولى')]),
        { type: 'blockquote', content: [paragraph([text('اقتباس '), text('مهم', [{ type: 'strong' }])])] },
        {
          type: 'ordered_list',
          attrs: { order: 3 },
          content: [
            { type: 'list_item', content: [paragraph([text('البند الثالث')])] },
            { type: 'list_item', content: [paragraph([text('البند الرابع')])] },
          ],
        },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [paragraph([text('نقطة')])] }] },
        paragraph([
          text('انظر '),
          text('الموقع', [
            { type: 'link', attrs: { href: 'https://example.org/a (b)', title: 'عنوان "x"' } },
          ]),
          text(' و'),
          text('هذا', [{ type: 'em' }]),
          { type: 'hard_break' },
          text('سطر ثان'),
        ]),
      ],
    }
    const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
    const md = toMarkdown(input(art, []), { flavor: 'md' })
    const { body } = splitFrontMatter(md)
    expect(body).toContain('## المادة الأولى')
    expect(body).toContain('> اقتباس **مهم**')
    expect(body).toContain('3. البند الثالث\n4. البند الرابع')
    const dom = parse(renderWithMarkdownIt(body, false))
    expect(dom.querySelector('h2')?.textContent).toBe('المادة الأولى')
    expect(dom.querySelector('blockquote strong')?.textContent).toBe('مهم')
    expect(dom.querySelector('ol')?.getAttribute('start')).toBe('3')
    expect(dom.querySelectorAll('ol li').length).toBe(2)
    expect(dom.querySelector('ul li')?.textContent).toBe('نقطة')
    const link = dom.querySelector('a')!
    expect(link.textContent).toBe('الموقع')
    expect(link.getAttribute('href')).toBe('https://example.org/a%20%28b%29')
    expect(link.getAttribute('title')).toBe('عنوان "x"')
    expect(dom.querySelector('em')?.textContent).toBe('هذا')
    expect(dom.querySelector('br')).not.toBeNull()
    expect(fold(dom.body.textContent ?? '')).toBe(fold(plainText(doc)))
  })

  it('escapes every Markdown construct in the article text so it reads back unchanged', () => {
    const doc = hostileMarkdownDoc()
    const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
    const { body } = splitFrontMatter(toMarkdown(input(art, []), { flavor: 'md' }))
    for (const html of [false, true]) {
      const dom = parse(renderWithMarkdownIt(body, html))
      expect(fold(dom.body.textContent ?? '')).toBe(fold(plainText(doc)))
      expect(dom.body.querySelectorAll('*').length).toBe(dom.body.querySelectorAll('p, br, h2').length)
    }
  })

  it('gives overlapping highlights one span and one footnote listing all their notes', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const a = rangeOf(art.doc, 'سيرغي لافروف والسوري')
    const b = rangeOf(art.doc, 'والسوري أسعد الشيباني')
    const [first, second] = annotate(art.doc, [
      { ...a, note: 'الأولى', color: 'yellow' },
      { ...b, note: 'الثانية', color: 'green', tags: ['وزراء'] },
    ])
    const { body } = splitFrontMatter(toMarkdown(input(art, [first!, second!]), { flavor: 'md' }))
    expect(body).toContain('==سيرغي لافروف والسوري أسعد الشيباني==[^1]')
    expect(body).not.toContain('[^2]')
    const dom = parse(renderWithMarkdownIt(body))
    expect(dom.querySelectorAll('mark').length).toBe(1)
    const notes = dom.querySelectorAll('section.footnotes ol.footnotes-list > li')
    expect(notes.length).toBe(1)
    expect(fold(notes[0]!.textContent ?? '')).toContain('الأولى')
    expect(fold(notes[0]!.textContent ?? '')).toContain('الثانية')
    expect(fold(notes[0]!.textContent ?? '')).toContain('#وزراء')
    // Each entry of a shared footnote starts with its own quote.
    expect(notes[0]!.querySelectorAll('blockquote').length).toBe(2)
  })

  it('puts a highlight across two paragraphs in two marks and its footnote once, at its end', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const text = plainText(art.doc)
    const cut = Array.from(text.slice(0, text.indexOf('\n\n'))).length
    const [across] = annotate(art.doc, [{ start: cut - 8, end: cut + 2 + 6, note: 'عبر' }])
    const { body } = splitFrontMatter(toMarkdown(input(art, [across!]), { flavor: 'md' }))
    const dom = parse(renderWithMarkdownIt(body))
    const paragraphs = dom.querySelectorAll('p')
    expect(paragraphs[0]!.querySelector('mark')).not.toBeNull()
    expect(paragraphs[0]!.querySelector('sup')).toBeNull()
    expect(paragraphs[1]!.querySelector('mark')?.textContent).toBe(
      Array.from(text)
        .slice(cut + 2, cut + 8)
        .join('')
        .trim(),
    )
    expect(paragraphs[1]!.querySelector('sup')).not.toBeNull()
  })

  it('indents multi-paragraph notes so they stay in their footnote', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const note = 'الفقرة الأولى\n\n- بند\n- بند آخر\n\n```\ncode <x>\n```\n\nالفقرة الأخيرة'
    const [a] = annotate(art.doc, [{ ...rangeOf(art.doc, 'موسكو'), note, author: 'Ali "the" *reader*' }])
    const { body } = splitFrontMatter(toMarkdown(input(art, [a!]), { flavor: 'md' }))
    expect(body).toContain('[^1]: الفقرة الأولى\n\n    - بند\n    - بند آخر')
    const dom = parse(renderWithMarkdownIt(body))
    const li = dom.querySelectorAll('section.footnotes ol.footnotes-list > li')
    expect(li.length).toBe(1)
    expect(li[0]!.querySelectorAll('p').length).toBeGreaterThanOrEqual(3)
    expect(li[0]!.querySelectorAll('ul li').length).toBe(2)
    expect(li[0]!.querySelector('pre')?.textContent).toBe('code <x>\n')
    expect(fold(li[0]!.textContent ?? '')).toContain('الفقرة الأخيرة')
    expect(fold(li[0]!.textContent ?? '')).toContain('Author: Ali "the" *reader*')
  })

  it('writes front matter that parses as YAML with the right values, whatever the title holds', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const title = 'عنوان: "مقتبس" — #1 \'x\' \\ no\n- بند'
    const summary = { ...art.summary, title, source: 'https://example.org/a?b=1#c', tags: ['سياسة', 'yes'] }
    const md = toMarkdown({ ...input(art, []), summary }, { flavor: 'md' })
    const { meta } = splitFrontMatter(md)
    expect(meta).toEqual({
      title,
      source: 'https://example.org/a?b=1#c',
      citation: `«${title.replace(/\s+/g, ' ')}». 2025-12-24. https://example.org/a?b=1#c`,
      date: '2025-12-24', // js-yaml 5 reads the core schema: no timestamps
      lang: 'ar',
      dir: 'rtl',
      tags: ['سياسة', 'yes'],
      'exported-at': '2026-11-30T08:15:00.000Z',
      generator: 'Hamish 0.1.0',
    })
    expect(md).toMatch(/^---\ntitle: "/)
    expect(md).toContain('\ndate: 2025-12-24\n')
    const undated = splitFrontMatter(
      toMarkdown({ ...input(art, []), summary: { ...summary, date: null } }),
    ).meta
    expect(undated.date).toBeNull()
    const odd = '\u0085\u2028\ufeff\u0007 ok \ud800'
    expect(
      splitFrontMatter(toMarkdown({ ...input(art, []), summary: { ...summary, title: odd } })).meta.title,
    ).toBe('\u0085\u2028\ufeff\u0007 ok \ufffd')
  })

  it('md-gfm marks highlights with bare <mark>, which GitHub keeps', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const annotations = annotate(art.doc, wordSpecs(art.doc, 10, 3))
    const { body } = splitFrontMatter(toMarkdown(input(art, annotations), { flavor: 'md-gfm' }))
    expect(body).not.toMatch(/[^\\]==/)
    expect(body).toContain('<mark>')
    expect(body).not.toMatch(/<mark [^>]/)
    const dom = parse(renderWithMarkdownIt(body))
    const rendered = renderedArticle(dom.body, FOOTNOTE_PARTS)
    expect(fold(rendered.text)).toBe(fold(plainText(art.doc)))
    expect(rendered.marked).toBe(expectedMarked(art.doc, annotations))
  })

  it('leaves deleted annotations out and never drops an orphan', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const [kept, gone] = annotate(art.doc, [
      { ...rangeOf(art.doc, 'موسكو'), note: 'باقية' },
      { ...rangeOf(art.doc, 'الشيباني'), note: 'محذوفة' },
    ])
    const lost = orphan('نص قديم', '')
    const md = toMarkdown(input(art, [kept!, { ...gone!, deleted: true }, lost]), { flavor: 'md' })
    expect(md).toContain('باقية')
    expect(md).not.toContain('محذوفة')
    expect(md).toContain('## Unplaced notes')
    expect(md).toContain('> نص قديم')
  })

  it('survives random marks, breaks, punctuation and highlights anywhere (markdown-it, both flavours)', () => {
    const next = random(2024)
    for (let round = 0; round < 300; round++) {
      const doc = randomDoc(next)
      const length = Array.from(plainText(doc)).length
      const specs: Spec[] = []
      const count = Math.floor(next() * 6)
      for (let k = 0; k < count; k++) {
        const start = Math.floor(next() * (length - 1))
        const end = Math.min(length, start + 1 + Math.floor(next() * 25))
        specs.push({ start, end, note: next() < 0.6 ? `ملاحظة ${k}` : '' })
      }
      const annotations = annotate(doc, specs)
      const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
      for (const flavor of ['md', 'md-gfm'] as const) {
        const { body } = splitFrontMatter(toMarkdown(input(art, annotations), { flavor }))
        const dom = parse(renderWithMarkdownIt(body))
        const rendered = renderedArticle(dom.body, FOOTNOTE_PARTS)
        const context = `round ${round} (${flavor}):\n${body}`
        expect(fold(rendered.text), context).toBe(fold(plainText(doc)))
        expect(rendered.marked, context).toBe(expectedMarked(doc, annotations))
      }
    }
  })
})
