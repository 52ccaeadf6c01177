import type { AnchoredAnnotation } from '../annotation'
import { plainText } from '../plain-text'
import { quotedTexts } from './annotation-parts'
import type { ExportInput } from './export-input'
import { exportLabels } from './labels'
import { notesGroups, orderNotes, type NotesGroup, type NotesOrder } from './notes-order'
import { escapeMarkdownText } from './markdown-escape'
import { annotationMarkdown, articleNotesMarkdown, quoteMarkdown, unplacedMarkdown } from './markdown-parts'
import { exportNotes } from './note-threads'
import { segmentDocument } from './segments'
import { citationLine } from '../citation/citation-line'
import { quoteLocations } from './quote-location'

/** Options of the notes-only summary. */
export interface NotesMarkdownOptions {
  /** The old spelling of `group: 'colour'` (kept for callers and the CLI's `--group-by-color`). */
  groupByColor?: boolean
  /** The order of the notes, in each group: where they are in the text (default) or when they were made. */
  order?: NotesOrder
  /** Headings per colour (toolbar order) or per tag (alphabetical, "No tags" last); none by default. */
  group?: NotesGroup
}

/**
 * A notes-only summary in Markdown: the title and the article's one-line
 * citation, then each annotation in
 * document order as a blockquote of the text it highlights (as the article
 * reads now), its note (the user's Markdown, kept), and a line with colour,
 * tags and author; in text or date order, optionally grouped by colour or
 * by tag (an annotation with several tags under each). Annotations not found in
 * the text close the file under "Unplaced notes" with the quote they were
 * made on.
 */
export function toNotesMarkdown(input: ExportInput, options: NotesMarkdownOptions = {}): string {
  const notes = exportNotes(input.annotations)
  const { placed, unplaced } = segmentDocument(input.doc, input.annotations)
  const quotes = quotedTexts(plainText(input.doc), [...placed, ...unplaced])
  const labels = exportLabels(input.labelLang)
  const locations = quoteLocations(input.doc, placed, input.pdfPages)
  const entry = (a: AnchoredAnnotation): string =>
    `${quoteMarkdown(quotes.get(a) ?? a.target?.quote.exact ?? '')}\n\n${annotationMarkdown(a, labels, locations.get(a), input.summary.id)}`

  const { summary } = input
  const about = [`${labels.source}: ${escapeMarkdownText(summary.source, { before: ': ' })}`]
  if (summary.date) about.push(`${labels.date}: ${escapeMarkdownText(summary.date, { before: ': ' })}`)
  const sections = [
    `# ${escapeMarkdownText(summary.title, { before: '# ' })}`,
    // What the notes are notes on, citable as it stands (common/citation/citation-line.ts).
    escapeMarkdownText(citationLine(summary)),
    about.join(' · '),
  ]
  const { before, after } = articleNotesMarkdown(notes, labels, input.summary.id)
  const ordered = orderNotes(placed, options.order ?? 'position')
  const group = options.group ?? (options.groupByColor ? 'colour' : 'none')
  // After "Notes on the article", the highlights need a heading of their own (groups bring theirs).
  if (before) sections.push(before)
  if (before && group === 'none' && placed.length > 0)
    sections.push(`## ${escapeMarkdownText(labels.notes, { before: '## ' })}`)
  for (const { heading, notes } of notesGroups(ordered, group, labels)) {
    if (heading !== null) sections.push(`## ${escapeMarkdownText(heading, { before: '## ' })}`)
    sections.push(...notes.map(entry))
  }
  const rest = unplacedMarkdown(unplaced, quotes, labels)
  if (rest) sections.push(rest)
  if (after) sections.push(after)
  return `${sections.join('\n\n')}\n`
}
