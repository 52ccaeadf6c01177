import { describe, expect, it } from 'vitest'
import type { AnchoredAnnotation } from '../../../common/annotation'
import { needsFootnote } from '../../../common/export/annotation-parts'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { toHtml, toMarkdown, toNotesMarkdown, type EmbeddedFont } from '../../../common/export'
import { hamishLink, parseHamishLink } from '../../../common/hamish-link'
import {
  annotate,
  article,
  hasPandoc,
  input,
  orphan,
  pandoc,
  parse,
  renderWithMarkdownIt,
  wordSpecs,
} from './helpers'

const AMIRI = fileURLToPath(
  new URL('../../../node_modules/@fontsource/amiri/files/amiri-arabic-400-normal.woff2', import.meta.url),
)
const fonts: EmbeddedFont[] = [
  { family: 'Amiri', weight: 400, woff2Base64: readFileSync(AMIRI).toString('base64') },
]

const art = article('lavrov-shaibani-moscow.ar.txt')
const placed = annotate(art.doc, wordSpecs(art.doc, 4, 15))
// A Hypothesis id: the colon stays as it is in the link.
placed[1] = { ...placed[1]!, id: 'hypothesis:Ab_9.z' }
const lost = orphan('ليس في النص', 'ملاحظة ضائعة')
const exportInput = { ...input(art, [...placed, lost]), labelLang: 'ar' as const }

const linkOf = (a: AnchoredAnnotation): string =>
  hamishLink({ articleId: art.summary.id, annotationId: a.id })
/** Each placed annotation's own link: every entry of the notes summary… */
const everyLink = placed.map(linkOf)
/** …and every footnote of the annotated copy (a highlight with no note or tags has none). */
const expected = placed.filter(needsFootnote).map(linkOf)

/** The hrefs of the links that lead back to the app, in the order the page has them. */
function appLinks(dom: Document): { href: string; text: string }[] {
  return Array.from(dom.querySelectorAll('a[href]'))
    .filter((a) => a.getAttribute('href')!.startsWith('hamish:'))
    .map((a) => ({ href: a.getAttribute('href')!, text: a.textContent ?? '' }))
}

describe('exports link each note back to its annotation in the app (hamish://)', () => {
  it('every Markdown variant: a real link per placed annotation, labelled in the export language', () => {
    expect(expected.length).toBeGreaterThan(1)
    expect(everyLink.length).toBeGreaterThan(expected.length)
    const variants: [string, string, string[]][] = [
      ['md', toMarkdown(exportInput, { flavor: 'md' }), expected],
      ['md-gfm', toMarkdown(exportInput, { flavor: 'md-gfm' }), expected],
      ['md-pandoc', toMarkdown(exportInput, { flavor: 'md-pandoc' }), expected],
      ['notes-md', toNotesMarkdown(exportInput), everyLink],
    ]
    for (const [name, md, want] of variants) {
      const links = appLinks(parse(renderWithMarkdownIt(md.replace(/^---\n[\s\S]*?\n---\n/, ''))))
      expect(links.map((l) => l.href).sort(), name).toEqual([...want].sort())
      for (const l of links) {
        expect(l.text, name).toBe('↗ افتح في هامش')
        expect(parseHamishLink(l.href), name).toEqual({
          articleId: art.summary.id,
          annotationId: expect.any(String),
        })
      }
      // An unplaced note has no place to open at: no link for it.
      expect(md).not.toContain(lost.id)
    }
  })

  it.runIf(hasPandoc())('Pandoc’s default reader takes the link as a link too', () => {
    const html = pandoc(['-f', 'markdown', '-t', 'html'], toMarkdown(exportInput, { flavor: 'md-pandoc' }))!
    expect(
      appLinks(parse(html))
        .map((l) => l.href)
        .sort(),
    ).toEqual([...expected].sort())
  })

  it('HTML: one escaped link per placed annotation, in the labels’ language; English labels say so in English', () => {
    const html = toHtml(exportInput, { fonts })
    const dom = parse(html)
    expect(
      appLinks(dom)
        .map((l) => l.href)
        .sort(),
    ).toEqual([...expected].sort())
    for (const a of Array.from(dom.querySelectorAll('a.app-link'))) {
      expect(a.textContent).toBe('↗ افتح في هامش')
      expect(a.getAttribute('lang')).toBe('ar')
    }
    // Written as an escaped attribute value, nothing else.
    for (const href of expected) expect(html).toContain(`href="${href}"`)
    const english = parse(toHtml({ ...exportInput, labelLang: 'en' }, { fonts }))
    expect(appLinks(english).map((l) => l.text)).toEqual(expected.map(() => '↗ Open in Hamish'))
  })
})
