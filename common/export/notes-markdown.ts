import { HIGHLIGHT_COLORS, type AnchoredAnnotation } from '../annotation'
import { plainText } from '../plain-text'
import { quotedTexts } from './annotation-parts'
import type { ExportInput } from './export-input'
import { exportLabels } from './labels'
import { escapeMarkdownText } from './markdown-escape'
import { annotationMarkdown, quoteMarkdown, unplacedMarkdown } from './markdown-parts'
import { segmentDocument } from './segments'

/** Options of the notes-only summary. */
export interface NotesMarkdownOptions {
  /** Group the annotations under a heading per colour (yellow, green, blue, pink, purple), each group in document order. */
  groupByColor?: boolean
}

/**
 * A notes-only summary in Markdown: the title, then each annotation in
 * document order as a blockquote of the text it highlights (as the article
 * reads now), its note (the user's Markdown, kept), and a line with colour,
 * tags and author; optionally grouped by colour. Annotations not found in
 * the text close the file under "Unplaced notes" with the quote they were
 * made on.
 */
export function toNotesMarkdown(input: ExportInput, options: NotesMarkdownOptions = {}): string {
  const { placed, unplaced } = segmentDocument(input.doc, input.annotations)
  const quotes = quotedTexts(plainText(input.doc), [...placed, ...unplaced])
  const labels = exportLabels(input.labelLang)
  const entry = (a: AnchoredAnnotation): string =>
    `${quoteMarkdown(quotes.get(a) ?? a.target.quote.exact)}\n\n${annotationMarkdown(a, labels)}`

  const { summary } = input
  const about = [`${labels.source}: ${escapeMarkdownText(summary.source, { before: ': ' })}`]
  if (summary.date) about.push(`${labels.date}: ${escapeMarkdownText(summary.date, { before: ': ' })}`)
  const sections = [`# ${escapeMarkdownText(summary.title, { before: '# ' })}`, about.join(' · ')]
  if (options.groupByColor) {
    for (const color of HIGHLIGHT_COLORS) {
      const group = placed.filter((a) => a.body.color === color)
      if (group.length > 0) sections.push(`## ${labels.colorNames[color]}`, ...group.map(entry))
    }
    // A colour the app does not know (a damaged file) still gets listed.
    const other = placed.filter((a) => !(HIGHLIGHT_COLORS as readonly string[]).includes(a.body.color))
    if (other.length > 0) sections.push(...other.map(entry))
  } else sections.push(...placed.map(entry))
  const rest = unplacedMarkdown(unplaced, quotes, labels)
  if (rest) sections.push(rest)
  return `${sections.join('\n\n')}\n`
}
