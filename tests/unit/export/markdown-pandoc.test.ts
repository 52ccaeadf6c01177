import { describe, expect, it } from 'vitest'
import { toMarkdown, toNotesMarkdown } from '../../../common/export'
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
