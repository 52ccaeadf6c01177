import { describe, expect, it } from 'vitest'
import type { AnchoredAnnotation } from '../../../common/annotation'
import { toHtml, toMarkdown, toNotesMarkdown } from '../../../common/export'
import { annotate, article, input, parse, rangeOf, renderWithMarkdownIt } from '../export/helpers'

// Issue 15: md, notes-md and html (so pdf) exports carry article notes ("Notes on the article",
// before the highlights) and replies under what they answer, read back with markdown-it.

const art = article('lavrov-shaibani-moscow.ar.txt')
const [plain, noted] = annotate(art.doc, [
  { ...rangeOf(art.doc, 'أسعد الشيباني اليوم'), color: 'pink' },
  { ...rangeOf(art.doc, 'مرحلة جديدة'), color: 'green', note: 'highlight note' },
])

function note(
  id: string,
  about: AnchoredAnnotation['about'],
  text: string,
  created: string,
  name = 'Omar',
): AnchoredAnnotation {
  return {
    id,
    about,
    body: { color: 'yellow', note: text, tags: [] },
    creator: { id: `urn:uuid:${name}`, name },
    created,
    modified: created,
    deleted: false,
    anchor: null,
  }
}

const articleNote = note(
  'n-1',
  { kind: 'article' },
  'An *overview* of the article',
  '2026-03-01T00:00:00.000Z',
  'ليلى',
)
const reply = note(
  'r-1',
  { kind: 'reply', annotationId: plain!.id },
  'A first reply',
  '2026-03-02T00:00:00.000Z',
)
const nested = note(
  'r-2',
  { kind: 'reply', annotationId: 'r-1' },
  'A nested reply',
  '2026-03-03T00:00:00.000Z',
  'ليلى',
)
const onNote = note(
  'r-3',
  { kind: 'reply', annotationId: 'n-1' },
  'Agreed about the overview',
  '2026-03-04T00:00:00.000Z',
)
const lost = note(
  'r-4',
  { kind: 'reply', annotationId: 'gone' },
  'Answering a deleted note',
  '2026-03-05T00:00:00.000Z',
)
const all = [nested, plain!, lost, reply, noted!, onNote, articleNote]

/** Each element's tag and its own text (not its children's lists), in document order. */
function outline(html: string): string[] {
  const dom = parse(html)
  return Array.from(dom.querySelectorAll('h1, h2, p, li')).map(
    (e) => `${e.tagName.toLowerCase()}: ${(e.firstChild?.textContent ?? '').replace(/\s+/g, ' ').trim()}`,
  )
}

describe('exports of article notes and replies', () => {
  it('notes-md: "Notes on the article" first, replies nested under what they answer, then the deleted note’s', () => {
    const md = toNotesMarkdown(input(art, all))
    const html = renderWithMarkdownIt(md, false)
    const dom = parse(html)
    const headings = Array.from(dom.querySelectorAll('h2')).map((h) => h.textContent)
    expect(headings).toEqual(['Notes on the article', 'Notes', 'Replies to a deleted note'])
    expect(dom.querySelector('em')!.textContent).toBe('overview')
    const text = dom.body.textContent!
    // Positions after the header (the title holds some of the quoted words).
    const at = (s: string) => {
      const i = text.indexOf(s, text.indexOf('Notes on the article'))
      expect(i, s).toBeGreaterThanOrEqual(0)
      return i
    }
    expect(at('overview')).toBeLessThan(at('أسعد الشيباني اليوم'))
    expect(at('Agreed about the overview')).toBeLessThan(at('أسعد الشيباني اليوم'))
    expect(at('A first reply')).toBeGreaterThan(at('أسعد الشيباني اليوم'))
    expect(at('A first reply')).toBeLessThan(at('مرحلة جديدة'))
    expect(at('Answering a deleted note')).toBeGreaterThan(at('مرحلة جديدة'))
    // The nested reply is a list inside the first reply's list item, with its author and date.
    const first = Array.from(dom.querySelectorAll('li')).find((li) =>
      li.textContent!.includes('A first reply'),
    )!
    const inner = first.querySelector('li')!
    expect(inner.textContent).toContain('Reply by ليلى, 2026-03-03')
    expect(inner.textContent).toContain('A nested reply')
    expect(first.textContent).toContain('Reply by Omar, 2026-03-02')
    // An article note has no colour line.
    expect(outline(html).find((l) => l.includes('Author: ليلى'))).not.toContain('Colour')
  })

  it('md: the notes on the article before the article, a highlight with replies only gets its footnote', () => {
    const md = toMarkdown(input(art, all), { flavor: 'md-gfm' })
    const body = md.replace(/^---\n[\s\S]*?\n---\n/, '')
    const dom = parse(renderWithMarkdownIt(body))
    const text = dom.body.textContent!
    expect(dom.querySelector('h2')!.textContent).toBe('Notes on the article')
    expect(text.indexOf('overview')).toBeLessThan(text.indexOf('التقى'))
    // The plain highlight has no note, but its replies give it a footnote.
    const footnotes = Array.from(dom.querySelectorAll('.footnotes li')).map((li) => li.textContent!)
    expect(footnotes.some((f) => f.includes('A first reply') && f.includes('A nested reply'))).toBe(true)
    expect(text).toContain('Answering a deleted note')
  })

  it('html (and so pdf): sections and nested reply lists, every text escaped', () => {
    const hostile = note(
      'r-5',
      { kind: 'reply', annotationId: 'n-1' },
      '<img src=x onerror=alert(1)>',
      '2026-03-06T00:00:00.000Z',
      '<b>x</b>',
    )
    const dom = parse(toHtml(input(art, [...all, hostile]), { fonts: [] }))
    const sections = Array.from(dom.querySelectorAll('main > section h2, main > article')).map((e) =>
      e.tagName === 'ARTICLE' ? 'article' : e.textContent,
    )
    expect(sections[0]).toBe('Notes on the article')
    expect(sections[1]).toBe('article')
    expect(sections.at(-1)).toBe('Replies to a deleted note')
    const firstReply = dom.querySelector('[data-annotation-id="r-1"]')!
    expect(firstReply.querySelector('ol.replies [data-annotation-id="r-2"]')).not.toBeNull()
    expect(dom.querySelectorAll('img, b').length).toBe(0)
    expect(dom.querySelector('[data-annotation-id="r-5"]')!.textContent).toContain(
      '<img src=x onerror=alert(1)>',
    )
  })

  it('a deleted middle reply keeps its place as "Deleted reply" in md, notes-md and html, its words never written', () => {
    const middle = { ...reply, deleted: true, body: { ...reply.body, note: 'DELETED WORDS' } }
    const withGap = [nested, plain!, middle, noted!]
    for (const [name, text] of [
      [
        'md',
        renderWithMarkdownIt(
          toMarkdown(input(art, withGap), { flavor: 'md-gfm' }).replace(/^---\n[\s\S]*?\n---\n/, ''),
        ),
      ],
      ['notes-md', renderWithMarkdownIt(toNotesMarkdown(input(art, withGap)), false)],
      ['html', toHtml(input(art, withGap), { fonts: [] })],
    ] as const) {
      const dom = parse(text)
      expect(dom.body.textContent, name).not.toContain('DELETED WORDS')
      expect(dom.body.textContent, name).not.toContain('Replies to a deleted note')
      const gap = Array.from(dom.querySelectorAll('li')).find(
        (li) =>
          li.firstChild?.textContent?.trim() === 'Deleted reply' ||
          li.querySelector(':scope > p')?.textContent === 'Deleted reply',
      )
      expect(gap, name).toBeDefined()
      expect(gap!.querySelector('li')!.textContent, name).toContain('A nested reply')
    }
  })

  it('md, notes-md and html: each article note links back to the app ("Open in Hamish"), as highlights do', () => {
    const data = input(art, all)
    const href = `hamish://read/${data.summary.id}?annotation=n-1`
    for (const [name, html] of [
      [
        'md',
        renderWithMarkdownIt(toMarkdown(data, { flavor: 'md-gfm' }).replace(/^---\n[\s\S]*?\n---\n/, '')),
      ],
      ['notes-md', renderWithMarkdownIt(toNotesMarkdown(data), false)],
      ['html', toHtml(data, { fonts: [] })],
    ] as const) {
      const links = Array.from(parse(html).querySelectorAll('a')).filter(
        (a) => a.getAttribute('href') === href,
      )
      expect(
        links.map((a) => a.textContent!.trim()),
        name,
      ).toEqual(['↗ Open in Hamish'])
    }
  })
})
