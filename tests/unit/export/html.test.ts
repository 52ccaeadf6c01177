import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { AnchoredAnnotation } from '../../../common/annotation'
import { paragraph, text, type DocNode } from '../../../common/document'
import { EXPORT_CSP, toHtml, type EmbeddedFont } from '../../../common/export'
import { plainText } from '../../../common/plain-text'
import {
  annotate,
  article,
  expectedMarked,
  fold,
  input,
  orphan,
  parse,
  rangeOf,
  renderedArticle,
  renderWithMarkdownIt,
} from './helpers'
import { annotatedFixtures } from './samples'

const AMIRI = fileURLToPath(
  new URL('../../../node_modules/@fontsource/amiri/files/amiri-arabic-400-normal.woff2', import.meta.url),
)
const fonts: EmbeddedFont[] = [
  { family: 'Amiri', weight: 400, woff2Base64: readFileSync(AMIRI).toString('base64') },
]

const noteText = (note: string): string =>
  fold(parse(renderWithMarkdownIt(note, false)).body.textContent ?? '')

/** What a page must never contain: script, handlers, javascript: URLs, anything loaded from elsewhere. */
function expectInert(dom: Document, html: string): void {
  expect(dom.querySelectorAll('script, iframe, object, embed, img, svg, link, base, form').length).toBe(0)
  for (const el of Array.from(dom.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.toLowerCase().startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false)
      expect(attr.value.replace(/\s/g, '').toLowerCase()).not.toContain('javascript:')
      expect(attr.name).not.toBe('src')
    }
  }
  const urls = [...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!)
  for (const url of urls) expect(url.startsWith('data:')).toBe(true)
  expect(html).not.toMatch(/@import/i)
}

/** Every same-page link points at an element that exists. */
function expectLinksResolve(dom: Document): void {
  for (const a of Array.from(dom.querySelectorAll('a[href^="#"]'))) {
    const id = a.getAttribute('href')!.slice(1)
    expect(dom.getElementById(id), `#${id}`).not.toBeNull()
  }
}

describe('toHtml', () => {
  for (const { name, art, annotations } of annotatedFixtures()) {
    it(`${name}: inert, lang/dir set, every highlight and note present, footnotes linked`, () => {
      const html = toHtml(input(art, annotations), { fonts })
      const dom = parse(html)
      expectInert(dom, html)
      expectLinksResolve(dom)
      expect(html.startsWith('<!DOCTYPE html>\n<html')).toBe(true)
      expect(dom.documentElement.getAttribute('lang')).toBe(art.summary.lang)
      expect(dom.documentElement.getAttribute('dir')).toBe(art.summary.dir)
      expect(dom.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8')
      expect(dom.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
        EXPORT_CSP,
      )
      expect(dom.querySelector('title')?.textContent).toBe(art.summary.title)
      expect(dom.querySelector('header h1')?.textContent).toBe(art.summary.title)
      expect(html).toContain(`src:url(data:font/woff2;base64,${fonts[0]!.woff2Base64.slice(0, 64)}`)
      expect(html).toContain('@media print')
      expect(html).toContain('print-color-adjust:exact')
      expect(html).toContain('@page{size:A4;')

      const articleEl = dom.querySelector('article')!
      for (const p of Array.from(articleEl.querySelectorAll('p, h2, h3, h4')))
        expect(p.getAttribute('dir')).toBe('auto')
      const markedIds = new Set(
        Array.from(articleEl.querySelectorAll('mark')).flatMap((m) =>
          m.getAttribute('data-annotation-id')!.split(' '),
        ),
      )
      const placed = annotations.filter((a) => a.anchor)
      for (const a of placed) expect(markedIds.has(a.id), a.id).toBe(true)
      for (const m of Array.from(articleEl.querySelectorAll('mark')))
        expect(m.getAttribute('class')).toMatch(/^hl hl-\w+/)

      const notes = Array.from(dom.querySelectorAll('.notes-list > li'))
      for (const a of placed) {
        if (!a.body.note) continue
        expect(
          notes.some((li) => fold(li.textContent ?? '').includes(noteText(a.body.note))),
          a.body.note,
        ).toBe(true)
      }
      notes.forEach((li, i) => {
        expect(li.id).toBe(`note-${i + 1}`)
        expect(li.querySelector(`a.back[href="#ref-${i + 1}"]`)).not.toBeNull()
        expect(dom.querySelector(`sup.fn-ref a#ref-${i + 1}[href="#note-${i + 1}"]`)).not.toBeNull()
      })

      const unplaced = dom.querySelector('section.unplaced')!
      expect(unplaced.querySelector('h2')?.textContent).toBe('Unplaced notes')
      const lost = annotations.find((a) => !a.anchor)!
      expect(unplaced.querySelector(`[data-annotation-id="${lost.id}"] blockquote`)?.textContent).toBe(
        lost.target!.quote.exact,
      )
      expect(fold(unplaced.textContent ?? '')).toContain('ملاحظة يتيمة')
      expect(unplaced.querySelector('strong')?.textContent).toBe('يتيمة')

      const rendered = renderedArticle(articleEl, 'sup.fn-ref')
      expect(fold(rendered.text)).toBe(fold(plainText(art.doc)))
      expect(rendered.marked).toBe(expectedMarked(art.doc, annotations))
    })
  }

  it('keeps headings (one level down, under the title), ordered lists with their start and list direction', () => {
    const art = article('udhr-arb.html')
    const dom = parse(toHtml(input(art, []), { fonts }))
    const headings = dom.querySelectorAll('article h3')
    expect(headings.length).toBeGreaterThan(10)
    expect(headings[0]!.textContent).toBe('الديباجة')
    const lists = dom.querySelectorAll('article ol')
    expect(lists.length).toBeGreaterThan(0)
    for (const ol of Array.from(lists)) expect(ol.getAttribute('dir')).toBe('rtl')
    expect(dom.querySelector('section.notes')).toBeNull()
    expect(dom.querySelector('section.unplaced')).toBeNull()
  })

  it("gives each note one direction, its first letter's, as the notes panel does, and isolates each block's words", () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const notes: [quote: string, note: string, dir: string][] = [
      ['العاصمة موسكو', '- بند أول\n- second', 'rtl'],
      ['الشيباني بأن العلاقات', '- first\n- بند ثان', 'ltr'],
      ['جذب الاستثمارات', 'فقرة.\n\nA Latin paragraph.\n\n1. أول\n2. third item, ok.', 'rtl'],
      ['تجارة المخدرات', '`code` ثم شرح', 'ltr'],
      ['وحدة الدولة', '- 1\n- 2', 'auto'],
      ['محاربة الإرهاب', 'نص عادي', 'rtl'],
    ]
    const annotations = annotate(
      art.doc,
      notes.map(([quote, note]) => ({ ...rangeOf(art.doc, quote), note })),
    )
    const dom = parse(toHtml(input(art, annotations), { fonts }))
    const bodies = notes.map((_, i) => dom.querySelector(`#note-${i + 1} .note-body`)!)
    expect(bodies.map((b) => b.getAttribute('dir'))).toEqual(notes.map(([, , dir]) => dir))
    for (const body of bodies) {
      // No block sets its own direction (code aside): the note's holds for all of it.
      expect(Array.from(body.querySelectorAll('[dir]')).map((e) => e.localName)).toEqual([])
      // Every text block's words are one isolate.
      for (const block of Array.from(body.querySelectorAll('p, li'))) {
        expect(block.children.length, block.outerHTML).toBe(1)
        expect(block.firstElementChild!.localName).toBe('bdi')
        expect(block.firstElementChild!.textContent).toBe(block.textContent)
      }
    }
    const items = (i: number): string[] =>
      Array.from(bodies[i]!.querySelectorAll('li > bdi')).map((b) => b.textContent ?? '')
    expect(items(0)).toEqual(['بند أول', 'second'])
    expect(items(2)).toEqual(['أول', 'third item, ok.'])
    // A list from 1 carries no start (markdown-it leaves it unset, which once became start="0").
    expect(bodies[2]!.querySelector('ol')!.hasAttribute('start')).toBe(false)
    expect(bodies[5]!.innerHTML).toBe('<p><bdi>نص عادي</bdi></p>')
  })

  it('shows overlapping highlights as one mark with both ids, the second colour as an underline', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const [a, b] = annotate(art.doc, [
      { ...rangeOf(art.doc, 'سيرغي لافروف والسوري'), color: 'yellow', note: 'الأولى' },
      { ...rangeOf(art.doc, 'والسوري أسعد'), color: 'blue', note: 'الثانية' },
    ])
    const dom = parse(toHtml(input(art, [a!, b!]), { fonts }))
    const marks = Array.from(dom.querySelectorAll('article mark'))
    expect(marks.map((m) => m.textContent)).toEqual(['سيرغي لافروف ', 'والسوري', ' أسعد'])
    expect(marks[1]!.getAttribute('data-annotation-id')).toBe(`${a!.id} ${b!.id}`)
    expect(marks[1]!.getAttribute('class')).toBe('hl hl-yellow hl-overlap')
    expect(marks[1]!.getAttribute('style')).toContain('var(--hl-blue-line)')
    expect(marks[2]!.getAttribute('class')).toBe('hl hl-blue')
    // One span, one footnote: both notes, each with its quote.
    expect(dom.querySelectorAll('sup.fn-ref').length).toBe(1)
    const li = dom.querySelector('#note-1')!
    expect(li.querySelectorAll('blockquote.note-quote').length).toBe(2)
    expect(fold(li.textContent ?? '')).toContain('الأولى')
    expect(fold(li.textContent ?? '')).toContain('الثانية')
  })

  it('escapes hostile article text, titles, notes, tags and names, and drops unsafe links', () => {
    const hostile = '<script>alert(1)</script> "><img src=x onerror=alert(2)> \'><svg onload=alert(3)> &amp;'
    const doc: DocNode = {
      type: 'doc',
      content: [
        paragraph([text(`نص ${hostile} نهاية`)]),
        paragraph([
          text('رابط خبيث', [{ type: 'link', attrs: { href: 'javascript:alert(4)' } }]),
          text(' و '),
          text('رابط بيانات', [
            { type: 'link', attrs: { href: 'data:text/html,<script>alert(5)</script>' } },
          ]),
          text(' و '),
          text('رابط سليم', [
            { type: 'link', attrs: { href: 'https://example.org/?a=1&b="2"', title: '"><x>' } },
          ]),
        ]),
      ],
    }
    const art = article('lavrov-shaibani-moscow.ar.txt')
    const note = [
      '[اضغط](javascript:alert(6)) و [آمن](https://example.org) و <script>alert(7)</script>',
      '<img src=x onerror=alert(8)> ![صورة](https://evil.example/x.png) `<b>code</b>`',
      '[بريد](mailto:a@example.org) [ملف](file:///etc/passwd) [vb](vbscript:msgbox)',
    ].join('\n\n')
    const annotations: AnchoredAnnotation[] = annotate(doc, [
      {
        ...rangeOf(doc, 'script>alert(1)</script'),
        note,
        tags: ['"><svg onload=alert(9)>'],
        author: '<b onmouseover=x>',
      },
    ])
    annotations.push(orphan(`${hostile} مفقود`, '<iframe src=javascript:alert(10)>'))
    const summary = {
      ...art.summary,
      title: `</title><script>alert(11)</script>`,
      source: '"><a href=javascript:x>',
    }
    const html = toHtml({ ...input(art, annotations), summary, doc, generator: '<script>' }, { fonts })
    const dom = parse(html)
    expectInert(dom, html)
    expectLinksResolve(dom)
    expect(dom.querySelector('title')?.textContent).toBe(summary.title)
    const articleText = renderedArticle(
      dom.querySelector('article')!.cloneNode(true) as Element,
      'sup.fn-ref',
    ).text
    expect(fold(articleText)).toBe(fold(plainText(doc)))
    expect(fold(articleText)).toContain(fold(hostile))
    const links = Array.from(dom.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'))
    expect(links.filter((h) => !h!.startsWith('#'))).toEqual([
      'https://example.org/?a=1&b="2"',
      'https://example.org',
      'mailto:a@example.org',
      `hamish://read/${art.summary.id}?annotation=${annotations[0]!.id}`,
    ])
    expect(dom.querySelector('article a[href^="https"]')?.getAttribute('title')).toBe('"><x>')
    const noteEl = dom.querySelector('#note-1')!
    expect(noteEl.textContent).toContain('<script>alert(7)</script>')
    expect(noteEl.textContent).toContain('<img src=x onerror=alert(8)>')
    expect(noteEl.querySelector('code')?.textContent).toBe('<b>code</b>')
    expect(noteEl.textContent).toContain('"><svg onload=alert(9)>')
    expect(noteEl.textContent).toContain('<b onmouseover=x>')
    expect(dom.querySelector('section.unplaced')!.textContent).toContain('<iframe src=javascript:alert(10)>')
    expect(dom.querySelector('.doc-meta')!.textContent).toContain('"><a href=javascript:x>')
  })

  it('sets the paper size and refuses font bytes that are not base64', () => {
    const art = article('lavrov-shaibani-moscow.ar.txt')
    expect(toHtml(input(art, []), { fonts, paper: 'Letter' })).toContain('@page{size:letter;')
    const bad = [{ family: 'Amiri', weight: 400, woff2Base64: 'AAAA) } body { background:url(https://x)' }]
    expect(() => toHtml(input(art, []), { fonts: bad })).toThrow(/not base64/)
    const odd = toHtml(input(art, []), { fonts: [{ ...fonts[0]!, family: 'A"</style><script>' }] })
    expect(odd).not.toContain('</style><script>')
    expect(parse(odd).querySelectorAll('script').length).toBe(0)
  })
})
