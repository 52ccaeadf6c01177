import type { AnchoredAnnotation } from '../annotation'
import { hasNote } from './annotation-parts'
import { repliesOf, type ExportNotes, type ThreadEntry } from './note-threads'
import type { ExportLabels } from './labels'
import { locationParts, type QuoteLocation } from './quote-location'
import { escapeMarkdownText } from './markdown-escape'
import { withSafeLinks } from './note-links'
import { hamishLink } from '../hamish-link'

/** Prefixes every line: `first` on the first, `rest` on the others (blank lines stay blank). */
export function indentLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? rest + line : ''))
    .join('\n')
}

/** Block-quotes Markdown: `> ` before every line, `>` alone on blank ones. */
export function blockquote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n')
}

/**
 * Quoted article text (it may span blocks: '\n\n', or hard breaks: '\n') as
 * an escaped Markdown blockquote: one quote paragraph per block, hard breaks
 * kept.
 */
export function quoteMarkdown(quote: string): string {
  const paragraphs = quote
    .split(/\n{2,}/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => escapeMarkdownText(line).trimEnd())
        .filter((line) => line !== '')
        .join('\\\n'),
    )
    .filter((p) => p !== '')
  return blockquote(paragraphs.join('\n\n') || '…')
}

/**
 * An opening code fence at the start of a line (``` with no backtick after
 * it, or ~~~): a top-level fence for CommonMark, never one inside a list or
 * quote. Its content is left unescaped only after a blank line (or at the
 * note's start), where Pandoc sees code too; elsewhere `<` is escaped like
 * text (a stray backslash in code, never raw HTML). Left open, it is closed.
 */
const FENCE = /^(`{3,}(?!.*`)|~{3,})/

/**
 * A `<` outside code as `\<`: raw HTML in a note stays text in Markdown
 * readers that pass HTML through (Pandoc, Obsidian), as it does in the app
 * (notes are Markdown, never HTML), even for a note from a shared file.
 * Code spans (backtick runs, CommonMark's pairing) are copied unchanged;
 * an escaped `\<` stays as it is.
 */
function escapeTagsInLine(line: string): string {
  let out = ''
  let i = 0
  while (i < line.length) {
    const c = line[i]!
    if (c === '\\') {
      out += line.slice(i, i + 2)
      i += 2
    } else if (c === '`') {
      let j = i
      while (line[j] === '`') j++
      const run = line.slice(i, j)
      // The span closes at the next run of exactly the same length.
      let k = line.indexOf(run, j)
      while (k >= 0 && (line[k - 1] === '`' || line[k + run.length] === '`')) {
        while (line[k] === '`') k++
        k = line.indexOf(run, k)
      }
      const end = k >= 0 ? k + run.length : j
      out += line.slice(i, end)
      i = end
    } else {
      out += c === '<' ? '\\<' : c
      i++
    }
  }
  return out
}

/**
 * A note's own Markdown, kept as written but made safe to embed: line
 * endings normalised, outer blank lines gone, a code fence the note leaves
 * open closed (so the rest of the file does not become code), raw HTML
 * outside code escaped, and links other than http(s) and mailto, images and
 * Pandoc attributes made text (note-links.ts).
 */
export function noteMarkdown(note: string): string {
  const lines = note
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd()
    .split('\n')
  const tags = lines.some((line) => line.includes('<'))
  let open: { closes: RegExp; closer: string; code: boolean } | null = null
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (open) {
      const closing = open.closes.test(line)
      out.push(closing || open.code || !tags ? line : escapeTagsInLine(line))
      if (closing) open = null
      continue
    }
    const m = FENCE.exec(line)
    if (m) {
      const closer = m[1]!
      const closes = new RegExp(`^ {0,3}${closer[0] === '`' ? '`' : '~'}{${closer.length},}[ \\t]*$`)
      open = { closes, closer, code: i === 0 || !lines[i - 1]!.trim() }
      out.push(line)
    } else out.push(tags ? escapeTagsInLine(line) : line)
  }
  if (open) out.push(open.closer)
  return withSafeLinks(out.join('\n'))
}

/** Tags an Obsidian user can click: letters, digits, `_`, `/`, single `-`, not only digits. */
const OBSIDIAN_TAG = /^(?!\d+$)(?!.*--)[\p{L}\p{M}\p{N}_/-]+$/u

/** Tags as `#tag #tag` when every one is a valid hashtag, else as an escaped comma-separated list. */
export function tagsMarkdown(tags: readonly string[]): string {
  if (tags.every((t) => OBSIDIAN_TAG.test(t))) return tags.map((t) => `#${t}`).join(' ')
  return tags.map((t) => escapeMarkdownText(t, { before: ', ' })).join(', ')
}

/** "Colour: Yellow · Tags: #a #b · Author: name" (only the parts that exist). */
export function metaMarkdown(a: AnchoredAnnotation, labels: ExportLabels): string {
  // An article note or a reply has no colour to name.
  const parts = a.target
    ? [
        `${labels.colour}: ${labels.colorNames[a.body.color] ?? escapeMarkdownText(a.body.color, { before: ': ' })}`,
      ]
    : []
  if (a.body.tags.length > 0) parts.push(`${labels.tags}: ${tagsMarkdown(a.body.tags)}`)
  const author = a.creator.name.trim()
  if (author) parts.push(`${labels.author}: ${escapeMarkdownText(author, { before: ': ' })}`)
  return parts.join(' · ')
}

/**
 * The `hamish://` link that opens the article at this annotation, as a
 * Markdown link labelled in the labels' language: a reader of the export
 * gets back to the quote in the app with one click (the address holds only
 * the two checked ids, so it needs no escaping; `<…>` keeps it one
 * destination for every reader).
 */
export function appLinkMarkdown(articleId: string, a: AnchoredAnnotation, labels: ExportLabels): string {
  const label = escapeMarkdownText(`↗ ${labels.openInApp}`, { before: '[' })
  return `[${label}](<${hamishLink({ articleId, annotationId: a.id })}>)`
}

/**
 * One annotation's note, meta line and where its quote stands, as Markdown
 * blocks (the quote is the caller's); with `articleId`, the place line ends
 * with the link back to the annotation in the app.
 */
export function annotationMarkdown(
  a: AnchoredAnnotation,
  labels: ExportLabels,
  location?: QuoteLocation,
  articleId?: string,
): string {
  // A note of nothing but a dropped link definition leaves nothing to write.
  const note = hasNote(a) ? noteMarkdown(a.body.note) : ''
  const whereParts = location
    ? locationParts(location, labels).map((part) => escapeMarkdownText(part, { before: ' · ' }))
    : []
  if (articleId !== undefined) whereParts.push(appLinkMarkdown(articleId, a, labels))
  const where = whereParts.join(' · ')
  // The place last, under the colour line: the note and its meta stay together as before; its replies after.
  return [note, metaMarkdown(a, labels), where, repliesMarkdown(repliesOf(a), labels)]
    .filter((s) => s !== '')
    .join('\n\n')
}

/**
 * A thread of replies as nested list items, each "Reply by <author>, <date>"
 * with its tags, then its note (the author's Markdown, kept as notes are),
 * indented under the reply it answers.
 */
export function repliesMarkdown(thread: readonly ThreadEntry[], labels: ExportLabels): string {
  return thread
    .map(({ reply, depth }) => {
      // A deleted reply keeps its place for the replies under it; its words are never written.
      if (reply.deleted)
        return indentLines(
          escapeMarkdownText(labels.deletedReply, { before: '- ' }),
          `${'  '.repeat(depth - 1)}- `,
          '  '.repeat(depth),
        )
      const head = [
        escapeMarkdownText(labels.replyBy(reply.creator.name.trim(), reply.created.slice(0, 10)), {
          before: '- ',
        }),
      ]
      if (reply.body.tags.length > 0) head.push(`${labels.tags}: ${tagsMarkdown(reply.body.tags)}`)
      const note = hasNote(reply) ? noteMarkdown(reply.body.note) : ''
      const text = [head.join(' · '), note].filter((s) => s !== '').join('\n\n')
      return indentLines(text, `${'  '.repeat(depth - 1)}- `, '  '.repeat(depth))
    })
    .join('\n\n')
}

/**
 * "Notes on the article" (notes about the whole article, each with its
 * replies) and, last, "Replies to a deleted note": what the Markdown
 * exports write besides the highlights; '' for each when there is none.
 */
export function articleNotesMarkdown(
  notes: ExportNotes,
  labels: ExportLabels,
  /** With it, each note ends with its "Open in Hamish" link (the app opens it in the notes panel). */
  articleId?: string,
): { before: string; after: string } {
  const section = (heading: string, list: ExportNotes['articleNotes']): string =>
    list.length === 0
      ? ''
      : [
          `## ${escapeMarkdownText(heading, { before: '## ' })}`,
          ...list.map(({ note, thread }) =>
            [annotationMarkdown(note, labels, undefined, articleId), repliesMarkdown(thread, labels)]
              .filter((s) => s !== '')
              .join('\n\n'),
          ),
        ].join('\n\n')
  return {
    before: section(labels.articleNotes, notes.articleNotes),
    after: section(labels.repliesToDeleted, notes.orphanReplies),
  }
}

/** The "Unplaced notes" section: each annotation as its stored or current quote, note and meta. */
export function unplacedMarkdown(
  unplaced: readonly AnchoredAnnotation[],
  quotes: ReadonlyMap<AnchoredAnnotation, string>,
  labels: ExportLabels,
): string {
  if (unplaced.length === 0) return ''
  const entries = unplaced.map(
    (a) =>
      `${quoteMarkdown(quotes.get(a) ?? a.target?.quote.exact ?? '')}\n\n${annotationMarkdown(a, labels)}`,
  )
  return [`## ${labels.unplaced}`, labels.unplacedHint, ...entries].join('\n\n')
}
