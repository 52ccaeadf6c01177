import MarkdownIt from 'markdown-it'
import markdownItFootnote from 'markdown-it-footnote'
import markdownItMark from 'markdown-it-mark'
import { describe, expect, it } from 'vitest'
import { parseHamishLink } from '../../../common/hamish-link'
import type { DocNode } from '../../../common/document'
import { toMarkdown, toNotesMarkdown } from '../../../common/export'
import { noteMarkdown } from '../../../common/export/markdown-parts'
import { codePointLength, plainText } from '../../../common/plain-text'
import { annotate, article, fold, hasPandoc, input, orphan, pandoc, parse, random, rangeOf } from './helpers'

const available = hasPandoc()

/** Notes from a shared file that try to reach a script, a remote image or HTML through a link. */
const HOSTILE_LINKS: [note: string, shown: string][] = [
  ['اضغط [هنا](javascript:alert(1)) الآن', 'اضغط هنا الآن'],
  ['[مرمّز](java&#x73;cript:alert(2))', 'مرمّز'],
  ['[سطر](java\\\nscript:alert(3)) و[فراغ]( JAVASCRIPT:alert(4) )', 'سطر'],
  ['[vb](vbscript:msgbox(5)) [بيانات](data:text/html,<script>alert(6)</script>)', 'vb بيانات'],
  ['صورة ![وصف الصورة](http://evil.example/track.png) بعدها', 'صورة وصف الصورة بعدها'],
  ['![صورة بعنوان](https://evil.example/x.png "t") و ![](data:image/png;base64,AAAA)', 'صورة بعنوان'],
  [
    '[مرجع][شر] و![صورة مرجع][بعيد]\n\n[شر]: javascript:alert(7)\n[بعيد]: http://evil.example/ref.png',
    'مرجع',
  ],
  ['[خارج [داخل](https://example.org/in) ](javascript:alert(8))', 'داخل'],
  ['[خارج [داخل](javascript:alert(9)) ](javascript:alert(10))', 'داخل'],
  ['[شرط [أ](https://example.org/a "x](javascript:alert(11))")', 'شرط'],
  ['[عنوان](https://example.org/t "t){onclick=alert(12)}")', 'عنوان'],
  ['[سمة]{onclick="alert(13)"} و [رابط](https://example.org/s){onmouseover="alert(14)"}', 'سمة'],
  ['`<img src=http://evil.example/raw.png>`{=html} و # لا', 'و'],
  ['عنوان\n# رأس {onclick="alert(15)"}', 'رأس'],
  ['قبل\n\n```{=html}\n<a href="javascript:alert(16)">خام</a>\n```', 'قبل'],
  ['فقرة\n```\n[شيفرة](javascript:alert(17)) ![x](http://evil.example/c.png)\n```', 'فقرة'],
  ['- بند\n\n      [مسافة](javascript:alert(18))', 'بند'],
  ['> اقتباس [x](javascript:alert(19))\n> ![y](http://evil.example/q.png) **غامق**', 'اقتباس x y غامق'],
  [
    '| أ | [ب](javascript:alert(20)) \\| ج |\n|---|---|\n| ![د](http://evil.example/t.png) | [آمن](https://example.org/cell) |',
    'آمن',
  ],
  ['[x][ref]\n\n[ref]: <javascript:alert(21)> "t"', 'x'],
  // An unclosed run of backticks: text for markdown-it, a code span's start for Pandoc after its first backtick.
  ['أ `` ب `[ج](javascript:alert(24))`', 'أ'],
  ["``'`<script>alert(25)</script>`", ''],
  // A bare URL takes the backslash of an escape right after it as its own.
  ['http://example.org/<javascript:alert(26)> و [x http://example.org/](javascript:alert(27))', 'و'],
  ['    [مسافة](https://example.org/a)<javascript:alert(28)>', 'مسافة'],
  // markdown-it drops a row's cells beyond the header's (a `|` in code splits them); Pandoc does not.
  [
    '| أ | ب |\n|---|---|\n| `x|y` | ![خلية زائدة](http://evil.example/cell.png) [z](javascript:alert(23)) |',
    'أ',
  ],
  ['[مرجع مشترك][shared] و ![صورة مشتركة][shared]', 'مرجع مشترك'],
  ['[shared]: http://evil.example/shared.png', ''],
  ["[q] [r]\n[q]: https://example.org/q 'x\n[r]: javascript:alert(22)'", ''],
]

/** What a note may link to: the web, mail, and the file's own footnotes and headings. */
const ALLOWED_HREF = /^(https?:|mailto:|#)/i

/** Every link of an export: a note's allowed ones, or the export's own `hamish://` link back to an annotation. */
const allowedHref = (href: string): boolean => ALLOWED_HREF.test(href) || parseHamishLink(href) !== null

/** Every way the rendered HTML could run a script or fetch something: none may be there. */
function dangers(dom: Document): string[] {
  const found: string[] = []
  for (const el of Array.from(dom.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase()
    if (
      ['script', 'img', 'iframe', 'object', 'embed', 'svg', 'style', 'link', 'video', 'audio'].includes(tag)
    )
      found.push(`<${tag}>`)
    for (const attr of Array.from(el.attributes)) {
      const value = attr.value.replace(/[\s\0-\x1f]/g, '')
      if (attr.name.startsWith('on')) found.push(`${tag} ${attr.name}`)
      if (attr.name === 'src' || attr.name === 'srcset') found.push(`${tag} ${attr.name}=${value}`)
      if (attr.name === 'href' && !allowedHref(value)) found.push(`${tag} href=${value}`)
    }
  }
  return found
}

/** A Markdown reader that trusts every destination (markdown-it's own check would hide `javascript:`). */
function trustingMarkdownIt(markdown: string): Document {
  const md = new MarkdownIt({ html: true, linkify: true }).use(markdownItMark).use(markdownItFootnote)
  md.validateLink = () => true
  return parse(md.render(markdown.replace(/^---\n[\s\S]*?\n---\n/, '')))
}

function pandocDom(markdown: string): Document {
  return parse(pandoc(['-f', 'markdown', '-t', 'html'], markdown)!)
}

const longArticle = article('lavrov-shaibani-moscow.ar.txt')
/** A short article: Pandoc reads a file of it and a few notes in a blink. */
const shortArticle = article(
  'short.txt',
  new TextEncoder().encode(
    `مقال قصير\n\n${plainText(longArticle.doc).split('\n\n').slice(1, 3).join('\n\n')}\n`,
  ),
)

/** Code-point ranges of the article's words, one for each note to sit on. */
function wordRanges(doc: DocNode): { start: number; end: number }[] {
  const text = plainText(doc)
  return Array.from(text.matchAll(/\p{L}{3,}/gu), (m) => {
    const start = codePointLength(text.slice(0, m.index))
    return { start, end: start + codePointLength(m[0]) }
  })
}

/** The hostile notes on highlights (footnotes in md, entries in notes-md) and on orphans. */
function exportsOf(notes: readonly string[], art = longArticle): [name: string, markdown: string][] {
  const words = wordRanges(art.doc)
  const placed = annotate(
    art.doc,
    notes.map((note, i) => ({ ...words[i * 3]!, note })),
  )
  const orphans = notes.map((note) => orphan('ليس في النص', note))
  const all = [...placed, ...orphans]
  return [
    ['md', toMarkdown(input(art, all), { flavor: 'md' })],
    ['md-gfm', toMarkdown(input(art, all), { flavor: 'md-gfm' })],
    ['notes-md', toNotesMarkdown(input(art, all))],
  ]
}

const SAFE_NOTE =
  'رأي [المصدر](https://ar.wikipedia.org/wiki/موسكو) و[بريد](mailto:a@example.org) و[ويكي](https://en.wikipedia.org/wiki/Foo_(bar))'

describe('note links and images in the Markdown exports', () => {
  const notes = [...HOSTILE_LINKS.map(([note]) => note), SAFE_NOTE]
  const readers: [string, (md: string) => Document][] = [
    ['markdown-it, trusting every link', trustingMarkdownIt],
  ]
  if (available) readers.push(['pandoc -f markdown -t html', pandocDom])
  else it.skip('Pandoc checks skipped: pandoc is not installed (apt-get install pandoc)', () => {})

  for (const [reader, read] of readers) {
    it(`${reader}: no script link, remote image or handler; the words and the https links stay`, () => {
      for (const [format, md] of exportsOf(notes)) {
        const dom = read(md)
        expect(dangers(dom), `${format}\n${md}`).toEqual([])
        const text = fold(dom.body.textContent ?? '')
        for (const [note, shown] of HOSTILE_LINKS)
          if (shown) expect(text, `${format}: ${note}`).toContain(shown)
        const hrefs = Array.from(dom.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'))
        expect(hrefs).toContain('mailto:a@example.org')
        expect(hrefs).toContain('https://en.wikipedia.org/wiki/Foo_(bar)')
        expect(hrefs).toContain('https://example.org/in')
        expect(hrefs).toContain('https://example.org/cell')
        expect(hrefs.some((h) => /^https:\/\/ar\.wikipedia\.org\/wiki\/(موسكو|%D9%85)/.test(h ?? ''))).toBe(
          true,
        )
        expect(text).toContain('رأي المصدر وبريد وويكي')
      }
    })
  }

  it('survives random brackets, parentheses, schemes, braces and code around links', () => {
    const parts = [
      '[',
      ']',
      '(',
      ')',
      '![',
      '](',
      ']: ',
      '{',
      '}',
      '`',
      '```',
      '\n',
      '\n\n',
      '> ',
      '- ',
      '    ',
      '<',
      '>',
      '"',
      "'",
      '\\',
      '&#x73;',
      'javascript:alert(1)',
      'java&#x73;cript:x',
      'https://example.org/ok',
      'http://evil.example/i.png',
      'data:text/html,x',
      '{=html}',
      '{onclick=x}',
      'نص',
      ' ',
      'x',
      '|',
      '---',
      '^',
    ]
    const next = random(2026)
    const notes: string[] = []
    for (let n = 0; n < 400; n++) {
      let note = ''
      const length = 3 + Math.floor(next() * 25)
      for (let k = 0; k < length; k++) note += parts[Math.floor(next() * parts.length)]!
      notes.push(note)
    }
    // Small files: Pandoc 2.17 slows down sharply on many unclosed brackets in one file.
    for (let from = 0; from < notes.length; from += 8) {
      const batch = notes.slice(from, from + 8)
      for (const [format, md] of exportsOf(batch, shortArticle)) {
        if (format === 'md-gfm') continue
        expect(dangers(trustingMarkdownIt(md)), `${format}\n${md}`).toEqual([])
        // Pandoc takes a tenth of a second or more a file: the first 40 notes.
        if (available && from < 40) expect(dangers(pandocDom(md)), `${format} (pandoc)\n${md}`).toEqual([])
      }
    }
  })
})

describe('noteMarkdown keeps everything else as written', () => {
  it.each([
    ['plain words', 'ملاحظة **مهمة** جداً'],
    ['a safe link, Arabic in its address', '[المصدر](https://ar.wikipedia.org/wiki/موسكو)'],
    ['a link with parentheses and a query', '[w](https://en.wikipedia.org/wiki/Foo_(bar)?a=1&b=2)'],
    ['mail', '[بريد](mailto:a@example.org)'],
    ['a safe reference link', '[ref][1]\n\n[1]: https://example.org/r'],
    ['brackets that are no link', 'انظر [1] و[ملاحظة] و !مهم'],
    ['a list, a quote, a table', '- بند\n- بند آخر\n\n> اقتباس\n\n| أ | ب |\n|---|---|\n| 1 | 2 |'],
    ['code after a blank line', 'قبل\n\n```js\nlet x = {a: [1](2)}\n```'],
  ])('%s', (_, note) => {
    expect(noteMarkdown(note)).toBe(note)
  })

  it('makes a dropped link its label, an image its description, in place', () => {
    expect(noteMarkdown('قبل [رابط *مائل*](javascript:alert(1)) بعد')).toBe('قبل رابط مائل بعد')
    expect(noteMarkdown('![شعار](http://evil.example/x.png)')).toBe('شعار')
    expect(noteMarkdown('- [1. خطوة](javascript:x)')).toBe('- 1\\. خطوة')
    expect(noteMarkdown('أ [ب](https://example.org) ج [د](vbscript:x)')).toBe(
      'أ [ب](https://example.org) ج د',
    )
  })

  it('escapes what only Pandoc would read as a link or attributes, invisibly for markdown-it', () => {
    const note = '[q [a](https://example.org) ](javascript:z) و[s]{onclick=x}'
    const md = noteMarkdown(note)
    expect(md).toBe('[q [a](https://example.org) ]\\(javascript:z) و[s]\\{onclick=x}')
    const reader = new MarkdownIt({ html: false })
    expect(reader.render(md)).toBe(reader.render(note))
  })

  it('a note that was only a hostile link definition writes no empty note', () => {
    const [a] = annotate(longArticle.doc, [
      { ...rangeOf(longArticle.doc, 'موسكو'), note: '[x]: javascript:alert(1)' },
    ])
    const md = toNotesMarkdown(input(longArticle, [a!]))
    expect(md).not.toContain('javascript')
    expect(md).toMatch(/> موسكو\n\nColour: /)
  })
})
