import { createHash } from 'node:crypto'
import { DOMParser } from 'linkedom'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import type { BlockNode, DocNode } from '../../../common/document'
import { docSchema, isSafeHref } from '../../../common/document'
import { normaliseForFingerprint } from '../../../common/normalise'
import { plainText, textBlocks } from '../../../common/plain-text'
import { reduceHtml } from '../../../main/import/html-reducer'
import { htmlToDraft, importHtml } from '../../../main/import/import-html'
import { importText } from '../../../main/import/import-text'
import { parseHtml } from '../../../main/import/parse-markup'
import { allBlocks, fixture, fixtureText, utf8 } from './fixtures'

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const docOf = (blocks: BlockNode[]): DocNode => ({ type: 'doc', content: blocks })
const reduce = (html: string): BlockNode[] => reduceHtml(parseHtml(html).querySelector('body') as Element)

describe('importHtml: the same article as .txt and .html', () => {
  it.each(['arcd-01-osman-i', 'arcd-02-al-andalus'])(
    '%s gives the same text, fingerprint and metadata',
    (stem) => {
      const fromText = importText(fixture(`${stem}.txt`), `${stem}.txt`)
      const fromHtml = importHtml(fixture(`${stem}.html`), `${stem}.html`)
      expect(plainText(fromHtml.doc)).toBe(plainText(fromText.doc))
      const normalised = normaliseForFingerprint(plainText(fromHtml.doc))
      expect(normalised).toBe(normaliseForFingerprint(plainText(fromText.doc)))
      expect(sha256(normalised)).toBe(sha256(normaliseForFingerprint(plainText(fromText.doc))))
      expect(fromHtml.title).toBe(fromText.title)
      expect(fromHtml.lang).toBe('ar')
      expect(fromHtml.dir).toBe('rtl')
      expect(fromText.lang).toBe('ar')
      expect(fromText.dir).toBe('rtl')
    },
  )
})

describe('importHtml: structured pages', () => {
  it('keeps the UDHR headings and ordered lists, and its preamble inside <header>', () => {
    const article = importHtml(fixture('udhr-arb.html'), 'udhr-arb.html')
    expect(article.title).toBe('الإعلان العالمي لحقوق الإنسان')
    expect(article.lang).toBe('ar')
    expect(article.dir).toBe('rtl')
    const blocks = allBlocks(article.doc)
    const headings = blocks.filter((b) => b.type === 'heading')
    expect(headings).toHaveLength(31)
    expect(textBlocks(docOf(headings))).toContain('المادة 30')
    const lists = blocks.filter((b) => b.type === 'ordered_list')
    expect(lists.length).toBeGreaterThan(5)
    expect(lists.every((l) => l.type === 'ordered_list' && l.content.length >= 2)).toBe(true)
    expect(plainText(article.doc)).toContain('لمّا كان الاعتراف بالكرامة المتأصلة')
  })

  it('imports an EPUB chapter saved as .xhtml, parsed as XML, with its headings', () => {
    const article = importHtml(fixture('regime-anticancer-arabic_C_content.xhtml'), 'c.xhtml', { xml: true })
    expect(article.lang).toBe('ar')
    expect(article.doc.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'الفصل الثاني' }],
    })
    expect(textBlocks(article.doc)).toContain('ما هو السرطان؟')
    expect(JSON.stringify(article.doc)).toContain('"href":"#footnote-1"')
  })
})

describe('reduceHtml: whitelist and whitespace', () => {
  it('makes paragraphs of inline text directly inside layout elements', () => {
    const blocks = reduce('<div>before<p>inside</p>after <span>span</span></div><section>sec</section>')
    expect(textBlocks(docOf(blocks))).toEqual(['before', 'inside', 'after span', 'sec'])
  })

  it('collapses whitespace as a browser does and keeps NBSP', () => {
    const blocks = reduce('<p>\n  a  \t b<em> c </em> d <br>  e\u00A0\u00A0f  </p>')
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'a b' },
          { type: 'text', text: ' c ', marks: [{ type: 'em' }] },
          { type: 'text', text: 'd' },
          { type: 'hard_break' },
          { type: 'text', text: 'e\u00A0\u00A0f' },
        ],
      },
    ])
  })

  it('maps headings, quotes, nested lists, ordered list start and marks', () => {
    const blocks = reduce(
      '<h4>four</h4><blockquote><p>q</p></blockquote><ol start="5"><li>a<ul><li><b><i>b</i></b></li></ul></li></ol>',
    )
    expect(blocks[0]).toEqual({
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: 'four' }],
    })
    expect(blocks[1]).toEqual({
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'q' }] }],
    })
    expect(blocks[2]).toEqual({
      type: 'ordered_list',
      attrs: { order: 5 },
      content: [
        {
          type: 'list_item',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
            {
              type: 'bullet_list',
              content: [
                {
                  type: 'list_item',
                  content: [
                    {
                      type: 'paragraph',
                      content: [{ type: 'text', text: 'b', marks: [{ type: 'em' }, { type: 'strong' }] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    })
  })

  it('drops blocks with nothing visible in them', () => {
    expect(reduce('<p><br></p><p>&nbsp;</p><div> \n </div><p>x</p><ul><li> </li></ul>')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'x' }] },
    ])
  })

  it('turns table rows into paragraphs of cells joined by " | "', () => {
    const blocks = reduce(
      '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td></td><td>3</td></tr></table>',
    )
    expect(textBlocks(docOf(blocks))).toEqual(['a | b', '1 | 3'])
  })

  it('walks a tree nested 20,000 elements deep (parseHtml refuses such a page; the reducer still needs no stack)', () => {
    const deep = '<div>'.repeat(20_000) + 'deep text' + '</div>'.repeat(20_000)
    const page = new DOMParser().parseFromString(`<html><body>${deep}</body></html>`, 'text/html')
    expect(textBlocks(docOf(reduceHtml(page.querySelector('body') as unknown as Element)))).toEqual([
      'deep text',
    ])
  })
})

describe('importHtml: hostile page', () => {
  const FORBIDDEN = [
    'javascript', 'vbscript', 'data:', 'alert', 'onerror', 'onclick', 'onload', 'script', 'SCRIPT', 'STYLE_TEXT',
    'SVG_', 'MATH_TEXT', 'IFRAME_TEXT', 'OBJECT_TEXT', 'INPUT_VALUE', 'BUTTON_TEXT', 'TEXTAREA_TEXT',
    'NOSCRIPT_TEXT', 'TEMPLATE_TEXT', 'VIDEO_TEXT', 'evil.example', 'style', 'srcdoc', 'target', 'refresh',
  ] // prettier-ignore
  const VISIBLE = [
    'فقرة أولى مرئية', 'رابط جافاسكربت', 'رابط آخر', 'ثالث', 'data link', 'VB link', 'مموه', 'آمن', 'نص داخل div مرئي', 'اقتباس مرئي',
    'عنصر مرئي', 'ملخص مرئي', 'تفاصيل مرئية', 'آخر فقرة مرئية',
  ] // prettier-ignore

  const ALLOWED_KEYS = new Set(['type', 'content', 'attrs', 'text', 'marks', 'level', 'order', 'href'])

  function check(doc: DocNode): void {
    expect(v.is(docSchema, doc)).toBe(true)
    const json = JSON.stringify(doc)
    for (const word of FORBIDDEN) expect(json, word).not.toContain(word)
    const plain = plainText(doc)
    for (const words of VISIBLE) expect(plain).toContain(words)
    const keys = new Set<string>()
    const hrefs: string[] = []
    JSON.parse(json, (key, value) => {
      if (key && !/^\d+$/.test(key)) keys.add(key)
      if (key === 'href') hrefs.push(value as string)
      return value
    })
    for (const key of keys) expect(ALLOWED_KEYS.has(key), key).toBe(true)
    expect(hrefs).toEqual(['https://example.org/safe'])
    expect(hrefs.every(isSafeHref)).toBe(true)
  }

  it('keeps nothing executable and all visible text', () => {
    const article = importHtml(fixture('hostile.html'), 'hostile.html')
    expect(article.title).toBe('صفحة عدائية')
    check(article.doc)
  })

  it('keeps nothing executable when Readability extracts the content', () => {
    const page = fixtureText('hostile.html').replace(
      '<body onload="alert(\'onload\')">',
      '<body><nav><a href="/1">١</a><a href="javascript:alert(\'nav\')">٢</a></nav>',
    )
    const draft = htmlToDraft(page)
    const doc = docOf(draft.blocks)
    expect(v.is(docSchema, doc)).toBe(true)
    const json = JSON.stringify(doc)
    for (const word of FORBIDDEN) expect(json, word).not.toContain(word)
    expect(plainText(doc)).toContain('فقرة أولى مرئية')
  })
})

describe('importHtml: boilerplate and metadata', () => {
  const paragraph = 'هذه فقرة طويلة من نص المقالة تتكرر لتملأ الصفحة بما يكفي من الكلام المقروء. '.repeat(8)
  const page = `<!doctype html><html lang="ar"><head><title>عنوان المقالة – موقع الأخبار</title>
    <meta property="article:published_time" content="2024-05-06T08:00:00+03:00"></head><body>
    <header><a href="/">الرئيسية</a><a href="/a">أ</a><a href="/b">ب</a></header>
    <nav><ul><li><a href="/x">قسم القائمة</a></li><li><a href="/y">قسم آخر</a></li></ul></nav>
    <main><article><h1>عنوان المقالة</h1><p>${paragraph}</p><p>${paragraph}</p><p>فقرة ثالثة مع <a href="https://example.org">رابط</a>.</p></article></main>
    <aside><p>مقالات ذات صلة في الهامش</p></aside><footer><p>حقوق النشر محفوظة للموقع</p></footer></body></html>`

  it('extracts the main content of a page with navigation, sidebar and footer', () => {
    const article = importHtml(utf8(page), 'news.html')
    const plain = plainText(article.doc)
    expect(article.title).toBe('عنوان المقالة')
    expect(article.date).toBe('2024-05-06')
    expect(plain).toContain('فقرة ثالثة مع رابط')
    expect(plain).not.toContain('قسم القائمة')
    expect(plain).not.toContain('حقوق النشر')
    expect(plain).not.toContain('الرئيسية')
    expect(plain.startsWith('هذه فقرة طويلة')).toBe(true)
  })

  it('takes the title from <title> when there is no heading, and the date from <time>', () => {
    const draft = htmlToDraft(
      '<html><head><title>  عنوان\n الصفحة </title></head><body><p>نص <time datetime="2020-01-02">اليوم</time></p></body></html>',
    )
    expect(draft.title).toBe('عنوان الصفحة')
    expect(draft.date).toBe('2020-01-02')
  })

  it('reads lang and dir from <body> when <html> has none, and handles fragments', () => {
    const draft = htmlToDraft('<html><body lang="fa" dir="rtl"><p>متن</p></body></html>')
    expect(draft.lang).toBe('fa')
    expect(draft.dir).toBe('rtl')
    expect(textBlocks(docOf(htmlToDraft('<p>one</p>two').blocks))).toEqual(['one', 'two'])
    const noHtml = htmlToDraft('<head><title>ت</title></head><body dir="rtl" lang="ar"><p>نص</p></body>')
    expect(noHtml).toMatchObject({ title: 'ت', lang: 'ar', dir: 'rtl' })
    expect(textBlocks(docOf(noHtml.blocks))).toEqual(['نص'])
  })

  it('decodes a Windows-1256 page and one that declares its charset', () => {
    const cp1256 = new Uint8Array([...utf8('<p>'), 0xc7, 0xe1, 0xda, 0xd1, 0xc8, 0xed, 0xc9, ...utf8('</p>')])
    expect(plainText(importHtml(cp1256, 'old.html').doc)).toBe('العربية')
    const latin = new Uint8Array([
      ...utf8('<meta charset="windows-1252"><p>'),
      0x63,
      0x61,
      0x66,
      0xe9,
      ...utf8('</p>'),
    ])
    expect(plainText(importHtml(latin, 'fr.html').doc)).toBe('café')
  })

  it('parses XHTML self-closing tags and HTML entities correctly', () => {
    const xhtml =
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar"><body>' +
      '<p>a<a id="x"/>b&nbsp;&eacute;</p><script src="x.js"/><p>c</p></body></html>'
    const draft = htmlToDraft(xhtml, { xml: true })
    expect(textBlocks(docOf(draft.blocks))).toEqual(['ab\u00A0é', 'c'])
    expect(draft.lang).toBe('ar')
  })
})
