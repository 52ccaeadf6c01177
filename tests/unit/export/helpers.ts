import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'
import markdownItFootnote from 'markdown-it-footnote'
import markdownItMark from 'markdown-it-mark'
import { parseHTML } from 'linkedom'
import { load as loadYaml } from 'js-yaml'
import type { AnchoredAnnotation, HighlightColor } from '../../../common/annotation'
import { HIGHLIGHT_COLORS } from '../../../common/annotation'
import { anchorAll, describeSelection, prepareText } from '../../../common/anchoring'
import type { ArticleSummary } from '../../../common/article'
import type { DocNode } from '../../../common/document'
import type { ExportInput } from '../../../common/export'
import { codePointLength, plainText } from '../../../common/plain-text'
import { importFile } from '../../../main/import/import-file'

export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url))

/** An imported fixture as the library would hold it. */
export function article(name: string, bytes?: Uint8Array): { summary: ArticleSummary; doc: DocNode } {
  const imported = importFile(name, bytes ?? new Uint8Array(readFileSync(fixturePath(name))))
  const text = plainText(imported.doc)
  return {
    doc: imported.doc,
    summary: {
      id: 'a1b2c3d4e5f60718',
      title: imported.title,
      source: name,
      date: imported.date,
      added: '2026-11-29T23:00:00.000Z',
      lang: imported.lang,
      dir: imported.dir,
      tags: [],
      fingerprint: '0'.repeat(64),
      chars: codePointLength(text),
      annotationCount: 0,
      trashed: null,
    },
  }
}

/** Seven real mixed Arabic/Latin/digit paragraphs from the corpus, imported as a .txt article. */
export function mixedArticle(): { summary: ArticleSummary; doc: DocNode } {
  const lines = readFileSync(fixturePath('mixed-ar-latin-digits-paragraphs.jsonl'), 'utf8').trim().split('\n')
  const paragraphs = [0, 3, 5, 16, 35, 59, 67].map((i) => (JSON.parse(lines[i]!) as { text: string }).text)
  const text = `فقرات مختلطة\n\n${paragraphs.join('\n\n')}\n`
  return article('mixed.txt', new TextEncoder().encode(text))
}

export interface Spec {
  start: number
  end: number
  color?: HighlightColor
  note?: string
  tags?: string[]
  author?: string
}

let serial = 0

/** Annotations made as the reader makes them (describeSelection), then anchored by common/anchoring. */
export function annotate(doc: DocNode, specs: Spec[]): AnchoredAnnotation[] {
  const text = plainText(doc)
  const prepared = prepareText(text)
  const targets = specs.map((s) => describeSelection(prepared, s.start, s.end))
  const anchors = anchorAll(text, targets)
  return specs.map((s, i) => ({
    id: `ann-${++serial}`,
    target: targets[i]!,
    body: { color: s.color ?? HIGHLIGHT_COLORS[i % 5]!, note: s.note ?? '', tags: s.tags ?? [] },
    creator: { id: 'urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100', name: s.author ?? 'ليلى' },
    created: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
    modified: '2026-01-01T00:00:00.000Z',
    deleted: false,
    anchor: anchors[i]!,
  }))
}

/** An orphan: an annotation whose quote is no longer in the text. */
export function orphan(quote: string, note: string, color: HighlightColor = 'pink'): AnchoredAnnotation {
  return {
    id: `orphan-${++serial}`,
    target: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'قبل ', suffix: ' بعد' },
      position: { type: 'TextPositionSelector', start: 5, end: 5 + codePointLength(quote) },
    },
    body: { color, note, tags: ['مفقود'] },
    creator: { id: 'urn:uuid:x', name: 'Sam' },
    created: '2026-02-01T00:00:00.000Z',
    modified: '2026-02-01T00:00:00.000Z',
    deleted: false,
    anchor: null,
  }
}

/** Code-point range of the `nth` occurrence of `quote` in the plain text. */
export function rangeOf(doc: DocNode, quote: string, nth = 0): { start: number; end: number } {
  const text = plainText(doc)
  let at = text.indexOf(quote)
  for (let k = 0; k < nth && at >= 0; k++) at = text.indexOf(quote, at + 1)
  if (at < 0) throw new Error(`not in the text: ${quote}`)
  const start = codePointLength(text.slice(0, at))
  return { start, end: start + codePointLength(quote) }
}

/** A deterministic generator. */
export function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** `count` word-aligned selections of 1–8 words over the text, some overlapping, some across paragraphs. */
export function wordSpecs(doc: DocNode, count: number, seed: number, notes = true): Spec[] {
  const chars = Array.from(plainText(doc))
  const starts: number[] = []
  for (let i = 0; i < chars.length; i++)
    if (!/\s/.test(chars[i]!) && (i === 0 || /\s/.test(chars[i - 1]!))) starts.push(i)
  const next = random(seed)
  const specs: Spec[] = []
  for (let n = 0; n < count; n++) {
    const w = Math.floor(next() * (starts.length - 9))
    const start = starts[w]!
    let end = starts[w + 1 + Math.floor(next() * 8)]!
    while (/\s/.test(chars[end - 1]!)) end--
    specs.push({
      start,
      end,
      note: notes && n % 2 === 0 ? `ملاحظة رقم ${n}: **مهمة** جداً` : '',
      tags: n % 3 === 0 ? ['سياسة', `t${n}`] : [],
    })
  }
  return specs
}

export const input = (
  art: { summary: ArticleSummary; doc: DocNode },
  annotations: AnchoredAnnotation[],
): ExportInput => ({
  summary: art.summary,
  doc: art.doc,
  annotations,
  exportedAt: '2026-11-30T08:15:00.000Z',
  generator: 'Hamish 0.1.0',
})

/** Whitespace folded: what "the same text" means across Markdown and HTML renderers. */
export const fold = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** The YAML front matter block and the Markdown after it. */
export function splitFrontMatter(md: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md)
  if (!m) throw new Error('no front matter')
  return { meta: loadYaml(m[1]!) as Record<string, unknown>, body: md.slice(m[0].length) }
}

/** markdown-it as Obsidian-like readers configure it: mark and footnote plugins. */
export function renderWithMarkdownIt(markdown: string, html = true): string {
  return new MarkdownIt({ html }).use(markdownItMark).use(markdownItFootnote).render(markdown)
}

/** A DOM of an HTML page, or of a fragment (put in a page's body). */
export function parse(html: string): Document {
  const page = /^\s*(<!DOCTYPE|<html)/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`
  return parseHTML(page).document as unknown as Document
}

/** Removes the "Unplaced notes" heading and everything after it in its parent. */
function dropUnplaced(root: Element): void {
  const heading = Array.from(root.querySelectorAll('h2')).find(
    (h) => h.textContent?.trim() === 'Unplaced notes',
  )
  if (!heading) return
  let node: ChildNode | null = heading
  while (node) {
    const next: ChildNode | null = node.nextSibling
    node.remove()
    node = next
  }
}

/**
 * The article as a renderer shows it: each non-whitespace character with
 * whether it sits inside a <mark>, footnotes, footnote references and the
 * "Unplaced notes" section left out.
 */
export function renderedArticle(
  root: Element,
  skip: string,
): { text: string; marked: string; marks: string[] } {
  for (const el of Array.from(root.querySelectorAll(skip))) el.remove()
  dropUnplaced(root)
  let text = ''
  let marked = ''
  const walk = (node: Node, inMark: boolean): void => {
    if (node.nodeType === 3) {
      const s = node.textContent ?? ''
      text += s
      marked += (inMark ? '1' : '0').repeat(Array.from(s.replace(/\s+/g, '')).length)
      return
    }
    // Pandoc's `[text]{.mark}` reads as <span class="mark"> (2.x) or <mark> (3.x): both are highlights.
    const isMark =
      node.nodeType === 1 &&
      ((node as Element).tagName.toLowerCase() === 'mark' ||
        ((node as Element).tagName.toLowerCase() === 'span' && (node as Element).classList.contains('mark')))
    for (const child of Array.from(node.childNodes)) walk(child, inMark || isMark)
  }
  walk(root, false)
  const marks = Array.from(root.querySelectorAll('mark, span.mark')).map((m) => fold(m.textContent ?? ''))
  return { text, marked, marks }
}

/** The expected mark flags: each non-whitespace character of the plain text, '1' where an annotation covers it. */
export function expectedMarked(doc: DocNode, annotations: AnchoredAnnotation[]): string {
  const chars = Array.from(plainText(doc))
  const covered = new Uint8Array(chars.length + 1)
  for (const a of annotations) {
    if (!a.anchor) continue
    for (let i = a.anchor.start; i < a.anchor.end; i++) covered[i] = 1
  }
  let out = ''
  chars.forEach((ch, i) => {
    if (!/\s/.test(ch)) out += covered[i] ? '1' : '0'
  })
  return out
}

/** Runs pandoc, or returns null (with the reason logged) when it is not installed; under CI a missing pandoc fails. */
export function pandoc(args: string[], stdin: string): string | null {
  const result = spawnSync('pandoc', args, { input: stdin, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) {
    if (process.env.CI === 'true') throw new Error(`pandoc is required under CI: ${result.error.message}`)
    return null
  }
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`)
  return result.stdout
}

export const hasPandoc = (): boolean => {
  const r = spawnSync('pandoc', ['--version'], { encoding: 'utf8' })
  if (r.error && process.env.CI === 'true')
    throw new Error('pandoc is required under CI (apt-get install pandoc)')
  return !r.error
}
