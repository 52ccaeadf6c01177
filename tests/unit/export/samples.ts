import type { AnchoredAnnotation } from '../../../common/annotation'
import { heading, paragraph, text, type DocNode, type InlineNode, type Mark } from '../../../common/document'
import { plainText } from '../../../common/plain-text'
import { annotate, article, mixedArticle, orphan, wordSpecs, type Spec } from './helpers'

/** The first block boundary of the text, for highlights that cross it. */
function acrossBlocks(doc: DocNode, before: number, after: number): Spec {
  const text = plainText(doc)
  const at = Array.from(text.slice(0, text.indexOf('\n\n'))).length
  return { start: at - before, end: at + 2 + after, note: 'تمتد عبر فقرتين', color: 'green' }
}

/** Real articles with word highlights, overlaps, mid-word and cross-paragraph ones, and an orphan. */
export function annotatedFixtures(): {
  name: string
  art: ReturnType<typeof article>
  annotations: AnchoredAnnotation[]
}[] {
  const make = (name: string, art: ReturnType<typeof article>): (typeof out)[number] => {
    const specs = wordSpecs(art.doc, 40, name.length)
    specs.push(acrossBlocks(art.doc, 7, 9))
    const a = specs[3]!
    specs.push({ start: a.start + 2, end: a.end + 6, note: 'تداخل مع تظليل آخر', color: 'blue' })
    specs.push({ start: a.start + 1, end: a.start + 3, color: 'purple' })
    return {
      name,
      art,
      annotations: [
        ...annotate(art.doc, specs),
        orphan('نص لم يعد في المقال', 'ملاحظة **يتيمة**\n\nبفقرتين'),
      ],
    }
  }
  const out: { name: string; art: ReturnType<typeof article>; annotations: AnchoredAnnotation[] }[] = []
  out.push(make('sample article', article('lavrov-shaibani-moscow.ar.txt')))
  out.push(make('mixed Arabic and Latin', mixedArticle()))
  out.push(make('UDHR (headings, ordered lists)', article('udhr-arb.html')))
  return out
}

/** Paragraphs that are all Markdown syntax, which must stay text. */
export function hostileMarkdownDoc(): DocNode {
  const lines = [
    '# ليس عنواناً',
    '1. ليس قائمة',
    '2) ولا هذه',
    '- ولا هذه',
    '+ ولا هذه',
    '* ولا هذه',
    '> ليس اقتباساً',
    '*ليس مائلاً* و _ولا هذا_ و **ولا هذا**',
    '`ليس شيفرة` و ```ولا هذه```',
    '[ليس رابطاً](https://example.org) و ![ولا صورة](x.png) و <https://example.org>',
    '<b>ليس HTML</b> <script>alert(1)</script> &amp; &copy;',
    '==ليس تظليلاً== و ~~ولا شطباً~~ و a | b | c',
    '---',
    '***',
    '===',
    '\\ شرطة مائلة \\* و\\',
    '"اقتباس" و \'علامة\' -- شرطتان ... ثلاث نقاط',
    '$x^2$ و @مرجع و ^علوي^ و H~2~O و [^1] و {#معرّف}',
    ': تعريف',
    '(1) قائمة بين قوسين',
    'a) قائمة بحرف',
    'iv. قائمة رومانية',
    '% عنوان باندوك',
    '| جدول | جدول |',
    '|---|---|',
    '    ليست شيفرة مزاحة',
    '<!-- ليس تعليقاً -->',
    'سطر ينتهي بمسافتين  ',
    '[^1]: ليس حاشية',
    '[مرجع]: https://example.org',
    '::: ليس قسماً',
  ]
  return {
    type: 'doc',
    content: [
      ...lines.map((line) => paragraph([text(line)])),
      // The same lines as hard-broken lines of one paragraph: each starts a line there too.
      paragraph(
        lines.flatMap((line, i): InlineNode[] => (i ? [{ type: 'hard_break' }, text(line)] : [text(line)])),
      ),
      heading(2, [text('عنوان # مع ## علامات #')]),
    ],
  }
}

const POOL = [
  'كتاب',
  'العربية',
  'Einstein',
  '1879',
  '"',
  "'",
  '(',
  ')',
  '*',
  '_',
  '=',
  '==',
  '-',
  '--',
  '.',
  '...',
  '!',
  '[',
  ']',
  '\\',
  '`',
  '<',
  '>',
  '&',
  '#',
  '|',
  '~',
  '^',
  ':',
  '1.',
  'a)',
  '+',
  ' ',
  ' ',
  ' ',
  '  ',
  '\u00a0',
  '«',
  '»',
  '،',
  '؟',
  '😀',
]

/** A small random document: paragraphs, headings, lists and quotes of punctuation-heavy text with random marks and breaks. */
export function randomDoc(next: () => number): DocNode {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const marks = (): Mark[] => {
    const out: Mark[] = []
    if (next() < 0.25) out.push({ type: 'em' })
    if (next() < 0.25) out.push({ type: 'strong' })
    if (next() < 0.15) out.push({ type: 'link', attrs: { href: pick(['https://a.org/x', 'mailto:a@b.c']) } })
    return out
  }
  const inlines = (): InlineNode[] => {
    const out: InlineNode[] = []
    const n = 1 + Math.floor(next() * 8)
    for (let i = 0; i < n; i++) {
      if (next() < 0.1) {
        out.push({ type: 'hard_break' })
        continue
      }
      let s = ''
      const words = 1 + Math.floor(next() * 5)
      for (let w = 0; w < words; w++) s += pick(POOL)
      out.push(text(s, marks()))
    }
    return out
  }
  const blocks: DocNode['content'] = []
  const n = 1 + Math.floor(next() * 3)
  for (let i = 0; i < n; i++) {
    const r = next()
    if (r < 0.6) blocks.push(paragraph(inlines()))
    else if (r < 0.75) blocks.push(heading(pick([1, 2, 3] as const), inlines()))
    else if (r < 0.9)
      blocks.push({
        type: 'bullet_list',
        content: [
          { type: 'list_item', content: [paragraph(inlines())] },
          { type: 'list_item', content: [paragraph(inlines()), paragraph(inlines())] },
        ],
      })
    else blocks.push({ type: 'blockquote', content: [paragraph(inlines())] })
  }
  return { type: 'doc', content: blocks }
}
