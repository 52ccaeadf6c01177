import { describe, expect, it } from 'vitest'
import { toMarkdown, toNotesMarkdown } from '../../../common/export'
import { paragraph, text } from '../../../common/document'
import { plainText } from '../../../common/plain-text'
import {
  annotate,
  article,
  expectedMarked,
  fold,
  hasPandoc,
  input,
  orphan,
  pandoc,
  parse,
  random,
  rangeOf,
  renderedArticle,
  renderWithMarkdownIt,
  type Spec,
} from './helpers'
import { annotatedFixtures, hostileMarkdownDoc, randomDoc } from './samples'

/** Pandoc's footnote parts: the notes section and the reference links. */
const FOOTNOTE_PARTS = 'section.footnotes, a.footnote-ref'

const available = hasPandoc()

/** Pandoc 2.17 has no `==` highlight syntax: the delimiters come back as text, so `=` is left out of both sides. */
const withoutEquals = (s: string): string => fold(s.replace(/=/g, ''))

const noteText = (note: string): string =>
  fold(parse(renderWithMarkdownIt(note, false)).body.textContent ?? '')

function pandocHtml(markdown: string, args: string[] = []): Document {
  return parse(pandoc(['-f', 'markdown', '-t', 'html', ...args], markdown)!)
}

if (!available) it.skip('Pandoc checks skipped: pandoc is not installed (apt-get install pandoc)', () => {})

describe.runIf(available)('toMarkdown read back with Pandoc (-f markdown)', () => {
  for (const { name, art, annotations } of annotatedFixtures()) {
    it(`${name}: same text and every note, in both flavours`, () => {
      const md = toMarkdown(input(art, annotations), { flavor: 'md' })
      const dom = pandocHtml(md)
      const footnotes = fold(dom.querySelector('section.footnotes')?.textContent ?? '')
      const whole = fold(dom.body.textContent ?? '')
      const rendered = renderedArticle(dom.body, FOOTNOTE_PARTS)
      expect(withoutEquals(rendered.text)).toBe(withoutEquals(plainText(art.doc)))
      for (const a of annotations)
        if (a.anchor && a.body.note) expect(footnotes).toContain(noteText(a.body.note))
      expect(whole).toContain('Unplaced notes')
      expect(whole).toContain('ملاحظة يتيمة بفقرتين')

      // md-gfm's <mark> is raw HTML Pandoc passes through: highlights are checked exactly.
      const gfm = pandocHtml(toMarkdown(input(art, annotations), { flavor: 'md-gfm' }))
      const gfmRendered = renderedArticle(gfm.body, FOOTNOTE_PARTS)
      expect(fold(gfmRendered.text)).toBe(fold(plainText(art.doc)))
      expect(gfmRendered.marked).toBe(expectedMarked(art.doc, annotations))
    })
  }

  it('keeps every Markdown and Pandoc construct in the article text as text', () => {
    const doc = hostileMarkdownDoc()
    const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
    const dom = pandocHtml(toMarkdown(input(art, []), { flavor: 'md' }))
    expect(fold(dom.body.textContent ?? '')).toBe(fold(plainText(doc)))
    expect(dom.body.querySelectorAll('*').length).toBe(dom.body.querySelectorAll('p, br, h2').length)
  })

  it('reads the front matter as the document metadata', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const title = 'عنوان: "مقتبس" #1 — x'
    const md = toMarkdown({ ...input(art, []), summary: { ...art.summary, title } }, { flavor: 'md' })
    const dom = pandocHtml(md, ['-s', '--metadata', 'pagetitle=x', '-f', 'markdown-smart'])
    expect(dom.querySelector('h1.title')?.textContent).toBe(title)
    expect(dom.querySelector('p.date')?.textContent).toBe('2025-12-24')
  })

  it('survives random marks, breaks, punctuation and highlights anywhere', () => {
    const next = random(77)
    for (let round = 0; round < 40; round++) {
      const doc = randomDoc(next)
      const length = Array.from(plainText(doc)).length
      const specs: Spec[] = []
      for (let k = Math.floor(next() * 6); k > 0; k--) {
        const start = Math.floor(next() * (length - 1))
        specs.push({ start, end: Math.min(length, start + 1 + Math.floor(next() * 25)), note: `ملاحظة ${k}` })
      }
      const annotations = annotate(doc, specs)
      const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
      const md = toMarkdown(input(art, annotations), { flavor: 'md-gfm' })
      const rendered = renderedArticle(pandocHtml(md).body, FOOTNOTE_PARTS)
      expect(fold(rendered.text), md).toBe(fold(plainText(doc)))
      expect(rendered.marked, md).toBe(expectedMarked(doc, annotations))
    }
  })
})

describe.runIf(available)("md-pandoc read back with Pandoc's default reader (-f markdown)", () => {
  const marksOf = (dom: Document): Element[] => Array.from(dom.querySelectorAll('mark, span.mark'))

  for (const { name, art, annotations } of annotatedFixtures()) {
    it(`${name}: every highlight a mark, exactly where it was, the text unchanged`, () => {
      const md = toMarkdown(input(art, annotations), { flavor: 'md-pandoc' })
      const dom = pandocHtml(md)
      const rendered = renderedArticle(dom.body, FOOTNOTE_PARTS)
      expect(fold(rendered.text), md).toBe(fold(plainText(art.doc)))
      expect(rendered.marked, md).toBe(expectedMarked(art.doc, annotations))
      expect(rendered.text).not.toContain('{.mark}')
    })
  }

  it('keeps a highlight inside an Arabic word whole, and the word whole', () => {
    const word = 'والمتحدث'
    const doc = { type: 'doc' as const, content: [paragraph([text(`قال ${word} باسم الوزارة`)])] }
    const range = rangeOf(doc, 'متحدث')
    const annotations = annotate(doc, [{ ...range, note: 'داخل الكلمة' }])
    const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
    const md = toMarkdown(input(art, annotations), { flavor: 'md-pandoc' })
    expect(md).toContain('وال[متحدث]{.mark}[^1]')
    const dom = pandocHtml(md)
    expect(marksOf(dom).map((m) => m.textContent)).toEqual(['متحدث'])
    const body = renderedArticle(dom.body, FOOTNOTE_PARTS).text
    expect(body).toContain(`قال ${word} باسم`)
    expect(body).not.toContain('==')
  })

  it('keeps emphasis, strong and links inside a highlight, and brackets in the highlighted text as text', () => {
    const doc = {
      type: 'doc' as const,
      content: [
        paragraph([
          text('قبل '),
          text('مائل', [{ type: 'em' }]),
          text(' و'),
          text('عريض', [{ type: 'strong' }]),
          text(' [قوس] و]{.mark} و'),
          text('رابط', [{ type: 'link', attrs: { href: 'https://example.org/x' } }]),
          text(' بعد!'),
        ]),
      ],
    }
    const plain = plainText(doc)
    const start = rangeOf(doc, 'مائل').start
    const end = rangeOf(doc, 'رابط').end
    const annotations = annotate(doc, [{ start, end }])
    const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
    const dom = pandocHtml(toMarkdown(input(art, annotations), { flavor: 'md-pandoc' }))
    const marks = marksOf(dom)
    expect(marks).toHaveLength(1)
    expect(marks[0]!.textContent).toBe(plain.slice(plain.indexOf('مائل'), plain.indexOf('رابط') + 4))
    expect(marks[0]!.querySelector('em')?.textContent).toBe('مائل')
    expect(marks[0]!.querySelector('strong')?.textContent).toBe('عريض')
    expect(marks[0]!.querySelector('a')?.getAttribute('href')).toBe('https://example.org/x')
    expect(fold(dom.body.textContent ?? '')).toBe(fold(plain))
  })

  it('survives random marks, breaks, punctuation and highlights anywhere', () => {
    const next = random(515)
    for (let round = 0; round < 40; round++) {
      const doc = randomDoc(next)
      const length = Array.from(plainText(doc)).length
      const specs: Spec[] = []
      for (let k = Math.floor(next() * 6); k > 0; k--) {
        const start = Math.floor(next() * (length - 1))
        specs.push({ start, end: Math.min(length, start + 1 + Math.floor(next() * 25)), note: `ملاحظة ${k}` })
      }
      const annotations = annotate(doc, specs)
      const art = { ...article('lavrov-shaibani-moscow.ar.txt'), doc }
      const md = toMarkdown(input(art, annotations), { flavor: 'md-pandoc' })
      const rendered = renderedArticle(pandocHtml(md).body, FOOTNOTE_PARTS)
      expect(fold(rendered.text), md).toBe(fold(plainText(doc)))
      expect(rendered.marked, md).toBe(expectedMarked(doc, annotations))
    }
  })
})

/** Notes that try to reach HTML from every position a note can take in Markdown. */
const HOSTILE_NOTES = [
  '<script>alert(1)</script>',
  'نص <img src=x onerror=alert(2)> وسط السطر',
  '```\n<b>شيفرة</b>\n```\n\n<iframe src="javascript:alert(3)"></iframe>',
  'فقرة\n```\n<script>alert(4)</script>\n```',
  '1. بند\n   ```\n<script>alert(5)</script>\n   ```',
  '`<code>` و \\`<svg onload=alert(6)>`',
  '> اقتباس <object data=x></object>\n\n- بند <embed src=x>',
  '    <script>alert(7)</script>',
  '<!-- تعليق --> <style>body{display:none}</style>',
  '```js`\n<script>alert(8)</script>',
]

describe('notes with raw HTML stay text in Markdown readers that allow HTML', () => {
  const art = article('lavrov-shaibani-moscow.ar.txt')
  const words = [
    'موسكو',
    'الشيباني',
    'لافروف',
    'العربية',
    'الدولي',
    'الأمم',
    'المتحدة',
    'سوريا',
    'الحكومة',
    'دمشق',
  ]
  const annotations = [
    ...annotate(
      art.doc,
      HOSTILE_NOTES.map((note, i) => ({ ...rangeOf(art.doc, words[i]!), note })),
    ),
    ...HOSTILE_NOTES.map((note) => orphan('ليس في النص', note)),
  ]
  const readers: [string, (md: string) => Document | null][] = [
    [
      'markdown-it (html: true)',
      (md) => parse(renderWithMarkdownIt(md.replace(/^---\n[\s\S]*?\n---\n/, ''), true)),
    ],
    ['pandoc', (md) => (available ? pandocHtml(md) : null)],
  ]
  for (const [name, read] of readers) {
    it(name, () => {
      for (const md of [
        toMarkdown(input(art, annotations), { flavor: 'md' }),
        toMarkdown(input(art, annotations), { flavor: 'md-pandoc' }),
        toNotesMarkdown(input(art, annotations)),
      ]) {
        const dom = read(md)
        if (!dom) return
        expect(dom.querySelectorAll('script, img, iframe, object, embed, svg, style').length, md).toBe(0)
        for (const el of Array.from(dom.querySelectorAll('*'))) {
          for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on')).toBe(false)
        }
        const text = dom.body.textContent ?? ''
        expect(text).toContain('<script>alert(1)</script>')
        expect(text).toContain('<img src=x onerror=alert(2)>')
        // Code stays code, unescaped, where it is safely code.
        expect(Array.from(dom.querySelectorAll('pre code')).map((c) => c.textContent?.trim())).toContain(
          '<b>شيفرة</b>',
        )
      }
    })
  }
})
