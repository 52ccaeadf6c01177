import type { AnchoredAnnotation } from '../annotation'
import { plainText } from '../plain-text'
import { quotedTexts, shortQuote } from './annotation-parts'
import type { ExportInput } from './export-input'
import { exportLabels, type ExportLabels } from './labels'
import { quoteLocations, type QuoteLocation } from './quote-location'
import { markdownInline, type MarkdownFlavor } from './markdown-inline'
import {
  annotationMarkdown,
  articleNotesMarkdown,
  blockquote,
  indentLines,
  quoteMarkdown,
  unplacedMarkdown,
} from './markdown-parts'
import { segmentDocument, type Piece, type SegmentedBlock } from './segments'
import { frontMatter } from './yaml'
import { exportNotes } from './note-threads'
import { citationLine } from '../citation/citation-line'

/** The Markdown flavour: where highlights must render decides their syntax. */
export interface MarkdownExportOptions {
  /**
   * `md` (Obsidian): highlights as `==text==`, which Pandoc's default
   * reader does not know (it prints the `==`). `md-gfm` (GitHub): as
   * `<mark>text</mark>`, which GitHub's sanitizer keeps (bare, with no
   * attribute for it to strip). `md-pandoc` (Pandoc): as `[text]{.mark}`,
   * a bracketed span its default reader makes a mark, inside a word too.
   */
  flavor: MarkdownFlavor
}

type Inline = (pieces: readonly Piece[], singleLine?: boolean) => string

/** Consecutive lists of one kind would merge into one; alternating the marker keeps them apart. */
const BULLETS = ['-', '+'] as const
const ORDERED = ['.', ')'] as const

function blocksMarkdown(blocks: readonly SegmentedBlock[], inline: Inline): string {
  const out: string[] = []
  let previous: SegmentedBlock['type'] | null = null
  let alternate = 0
  for (const block of blocks) {
    alternate = block.type === previous ? alternate ^ 1 : 0
    previous = block.type
    const md = blockMarkdown(block, inline, alternate)
    if (md) out.push(md)
  }
  return out.join('\n\n')
}

function listItem(blocks: readonly SegmentedBlock[], marker: string, inline: Inline): string {
  const inner = blocksMarkdown(blocks, inline)
  return inner ? indentLines(inner, marker, ' '.repeat(marker.length)) : marker.trimEnd()
}

function blockMarkdown(block: SegmentedBlock, inline: Inline, alternate: number): string {
  switch (block.type) {
    case 'paragraph':
      return inline(block.pieces)
    case 'heading': {
      const text = inline(block.pieces, true)
      return text ? `${'#'.repeat(block.level)} ${text}` : ''
    }
    case 'blockquote': {
      const inner = blocksMarkdown(block.content, inline)
      return inner ? blockquote(inner) : ''
    }
    case 'bullet_list':
    case 'ordered_list': {
      const tight = block.items.every((item) => item.length <= 1)
      const items = block.items.map((item, k) => {
        const marker =
          block.type === 'bullet_list' ? `${BULLETS[alternate]} ` : `${block.order + k}${ORDERED[alternate]} `
        return listItem(item, marker, inline)
      })
      return items.join(tight ? '\n' : '\n\n')
    }
  }
}

/**
 * A footnote definition: every annotation that ends in the highlight, each
 * as its note (the user's Markdown, kept) and a line with colour, tags and
 * author; when several overlapping highlights share the footnote, each one
 * starts with its quote. Continuation lines are indented four spaces, as
 * markdown-it-footnote and Pandoc both require.
 */
function footnoteMarkdown(
  n: number,
  annotations: readonly AnchoredAnnotation[],
  quotes: ReadonlyMap<AnchoredAnnotation, string>,
  labels: ExportLabels,
  locations: ReadonlyMap<AnchoredAnnotation, QuoteLocation>,
  articleId: string,
): string {
  const entries = annotations.map((a) =>
    annotations.length > 1
      ? `${quoteMarkdown(shortQuote(quotes.get(a) ?? a.target?.quote.exact ?? ''))}\n\n${annotationMarkdown(a, labels, locations.get(a), articleId)}`
      : annotationMarkdown(a, labels, locations.get(a), articleId),
  )
  return indentLines(entries.join('\n\n'), `[^${n}]: `, '    ')
}

/**
 * The annotated copy as Markdown: YAML front matter (title, source, the
 * one-line citation, date, lang, dir, tags, exported-at, generator), the article with its headings,
 * quotes, lists, emphasis and links, every highlight marked (overlapping
 * ones as one span), a footnote after each highlight with notes or tags,
 * "Unplaced notes" for annotations not found in the text, and the
 * footnotes. Article text is escaped so that markdown-it and Pandoc render
 * it back unchanged.
 */
export function toMarkdown(input: ExportInput, options: MarkdownExportOptions = { flavor: 'md' }): string {
  const { summary } = input
  const notes = exportNotes(input.annotations)
  const segmented = segmentDocument(input.doc, input.annotations)
  const footnotes: AnchoredAnnotation[][] = []
  const inline: Inline = (pieces, singleLine) =>
    markdownInline(pieces, { flavor: options.flavor, singleLine, footnote: (list) => footnotes.push(list) })
  const body = blocksMarkdown(segmented.blocks, inline)

  const needQuotes = [...segmented.unplaced, ...footnotes.filter((f) => f.length > 1).flat()]
  const quotes = quotedTexts(needQuotes.length > 0 ? plainText(input.doc) : '', needQuotes)
  const labels = exportLabels(input.labelLang)
  const { before, after } = articleNotesMarkdown(notes, labels, input.summary.id)
  const sections = before ? [before, body] : [body]
  const unplaced = unplacedMarkdown(segmented.unplaced, quotes, labels)
  if (unplaced) sections.push(unplaced)
  if (after) sections.push(after)
  if (footnotes.length > 0) {
    const locations = quoteLocations(input.doc, footnotes.flat(), input.pdfPages)
    sections.push(
      footnotes.map((f, i) => footnoteMarkdown(i + 1, f, quotes, labels, locations, summary.id)).join('\n\n'),
    )
  }

  const head = frontMatter([
    ['title', summary.title],
    ['source', summary.source],
    ['citation', citationLine(summary)],
    ['date', summary.date === null ? null : { date: summary.date }],
    ['lang', summary.lang],
    ['dir', summary.dir],
    ...(summary.tags.length > 0 ? ([['tags', summary.tags]] as const) : []),
    ['exported-at', input.exportedAt],
    ['generator', input.generator],
  ])
  return `${head}\n${sections.filter((s) => s !== '').join('\n\n')}\n`
}
