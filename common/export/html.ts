import { HIGHLIGHT_COLORS, type AnchoredAnnotation, type HighlightColor } from '../annotation'
import { isSafeHref } from '../document'
import { plainText } from '../plain-text'
import { hasNote, needsFootnote, quotedTexts, shortQuote } from './annotation-parts'
import type { ExportInput } from './export-input'
import { escapeHtml } from './html-escape'
import { stylesheet, type EmbeddedFont, type Paper } from './html-style'
import { hasMark, highlighted, linkKey, linkOf, runsOf, unmarked } from './inline-runs'
import { exportLabels, type ExportLabels } from './labels'
import { locationParts, quoteLocations, type QuoteLocation } from './quote-location'
import { noteHtml } from './note-html'
import { exportNotes, repliesOf, type ExportNotes, type ThreadEntry } from './note-threads'
import { segmentDocument, type Cover, type Piece, type SegmentedBlock } from './segments'
import { blockDirection } from './text-direction'
import { citationParts, joinCitation } from '../citation/citation-line'
import { hamishLink } from '../hamish-link'

/** What the caller supplies for HTML: the fonts to embed (the file loads nothing) and the paper. */
export interface HtmlExportOptions {
  /** Fonts embedded as data: URLs; the first family is the text's font. */
  fonts: EmbeddedFont[]
  /** Page size when printed (default A4). */
  paper?: Paper
}

/**
 * The page's only policy: nothing runs, nothing is fetched; styles and
 * fonts are inline. Kept even when the file is opened from disk.
 */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"

/** A colour known to the stylesheet (anything else, from a damaged file, shows as yellow). */
const colourOf = (a: AnchoredAnnotation): HighlightColor =>
  (HIGHLIGHT_COLORS as readonly string[]).includes(a.body.color) ? a.body.color : 'yellow'

/** How many overlapping highlights beyond the first get their own underline stripe. */
const MAX_STRIPES = 3

/**
 * One <mark> for a run of text under one set of highlights: the outermost
 * one's colour as the fill, each further one as an underline stripe in its
 * own colour (so two overlapping colours both show, on screen and on
 * paper), all their ids in data-annotation-id (space-separated).
 */
function markOpen(cover: Cover): string {
  const ids = escapeHtml(cover.map((a) => a.id).join(' '))
  let classes = `hl hl-${colourOf(cover[0]!)}`
  let style = ''
  if (cover.length > 1) {
    classes += ' hl-overlap'
    const stripes = cover
      .slice(1, 1 + MAX_STRIPES)
      .map((a, k) => `inset 0 -${(0.14 * (k + 1)).toFixed(2)}em 0 var(--hl-${colourOf(a)}-line)`)
    style = ` style="box-shadow:${stripes.join(',')}"`
  }
  return `<mark class="${classes}" data-annotation-id="${ids}"${style}>`
}

class HtmlWriter {
  /** Footnotes in order: footnote n lists footnotes[n - 1]. */
  readonly footnotes: AnchoredAnnotation[][] = []

  private leaves(items: readonly Piece[]): string {
    let out = ''
    for (const p of items) out += p.kind === 'text' ? escapeHtml(p.text) : '<br>'
    return out
  }

  private ems(items: Piece[]): string {
    let out = ''
    for (const run of runsOf(items, (p) => hasMark(p, 'em'))) {
      out += hasMark(run[0]!, 'em') ? `<em>${this.leaves(run)}</em>` : this.leaves(run)
    }
    return out
  }

  private strongs(items: Piece[]): string {
    let out = ''
    for (const run of runsOf(items, (p) => hasMark(p, 'strong'))) {
      out += hasMark(run[0]!, 'strong') ? `<strong>${this.ems(run)}</strong>` : this.ems(run)
    }
    return out
  }

  private links(items: Piece[]): string {
    if (unmarked(items)) return this.leaves(items)
    let out = ''
    for (const run of runsOf(items, linkKey)) {
      const link = linkOf(run[0]!)
      // Fragment links pointed at ids the document model does not keep: they stay text.
      if (!link || !isSafeHref(link.attrs.href) || link.attrs.href.trim().startsWith('#')) {
        out += this.strongs(run)
        continue
      }
      const title = link.attrs.title ? ` title="${escapeHtml(link.attrs.title)}"` : ''
      out += `<a href="${escapeHtml(link.attrs.href.trim())}"${title} rel="noopener noreferrer">${this.strongs(run)}</a>`
    }
    return out
  }

  inline(pieces: readonly Piece[]): string {
    let out = ''
    for (const cluster of runsOf(pieces, highlighted)) {
      if (!highlighted(cluster[0]!)) {
        out += this.links(cluster)
        continue
      }
      for (const run of runsOf(cluster, (p) => p.cover))
        out += `${markOpen(run[0]!.cover!)}${this.links(run)}</mark>`
      const noted: AnchoredAnnotation[] = []
      for (const p of cluster) if (p.endings) for (const a of p.endings) if (needsFootnote(a)) noted.push(a)
      if (noted.length > 0) {
        const n = this.footnotes.push(noted)
        out += `<sup class="fn-ref"><a href="#note-${n}" id="ref-${n}">${n}</a></sup>`
      }
    }
    return out
  }

  blocks(blocks: readonly SegmentedBlock[]): string {
    let out = ''
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          out += `<p dir="auto">${this.inline(block.pieces)}</p>\n`
          break
        case 'heading': {
          // The title is the page's h1, so the article's headings start at h2.
          const tag = `h${block.level + 1}`
          out += `<${tag} dir="auto">${this.inline(block.pieces)}</${tag}>\n`
          break
        }
        case 'blockquote':
          out += `<blockquote${dirAttr([block])}>\n${this.blocks(block.content)}</blockquote>\n`
          break
        case 'bullet_list':
        case 'ordered_list': {
          const tag = block.type === 'bullet_list' ? 'ul' : 'ol'
          const start = block.type === 'ordered_list' && block.order !== 1 ? ` start="${block.order}"` : ''
          out += `<${tag}${start}${dirAttr([block])}>\n`
          for (const item of block.items) out += `<li>${this.blocks(item)}</li>\n`
          out += `</${tag}>\n`
          break
        }
      }
    }
    return out
  }
}

function dirAttr(blocks: readonly SegmentedBlock[]): string {
  const dir = blockDirection(blocks)
  return dir ? ` dir="${dir}"` : ''
}

/** Quoted text as paragraphs (one per block it spans) with its hard breaks. */
function quoteHtml(quote: string): string {
  return quote
    .split(/\n{2,}/)
    .map((p) => `<p dir="auto">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

function tagList(tags: readonly string[]): string {
  return tags.map((t) => `<bdi>${escapeHtml(t)}</bdi>`).join(', ')
}

/** The `lang`/`dir` attributes of the words an export adds, which need not be the article's language. */
const labelAttrs = (labels: ExportLabels): string => `lang="${labels.lang}" dir="${labels.dir}"`

/**
 * Labelled parts ("Tags: a, b", "الوسوم: أ، ب"), each an isolated run in
 * the labels' language and direction, in a line that follows the page's
 * direction: in an Arabic page English parts still read left to right.
 */
function labelledParts(parts: readonly string[], labels: ExportLabels): string {
  return parts.map((part) => `<span ${labelAttrs(labels)}>${part}</span>`).join(' · ')
}

/** "● Yellow · Tags: a, b · Author: name", with the colour's swatch; `extra` is appended (the back-link). */
function metaHtml(a: AnchoredAnnotation, labels: ExportLabels, extra = ''): string {
  const colour = colourOf(a)
  // An article note or a reply has no colour to show.
  const parts = a.target
    ? [
        `<span class="swatch hl-${colour}" aria-hidden="true"></span> ${escapeHtml(labels.colorNames[colour])}`,
      ]
    : []
  if (a.body.tags.length > 0) parts.push(`${escapeHtml(labels.tags)}: ${tagList(a.body.tags)}`)
  const author = a.creator.name.trim()
  if (author) parts.push(`${escapeHtml(labels.author)}: <bdi>${escapeHtml(author)}</bdi>`)
  return `<p class="note-meta">${labelledParts(parts, labels)}${extra}</p>`
}

/** "Under “Heading” · paragraph 12 · PDF page 5 · ص 12": where the quote stands (quote-location.ts). */
function locationHtml(location: QuoteLocation | undefined, labels: ExportLabels): string {
  const parts = location ? locationParts(location, labels) : []
  if (parts.length === 0) return ''
  return `<p class="note-location">${labelledParts(
    parts.map((p) => `<bdi>${escapeHtml(p)}</bdi>`),
    labels,
  )}</p>`
}

/**
 * "↗ Open in Hamish": the `hamish://` link that opens the article at this
 * annotation in the app (common/hamish-link.ts), on its own line, its words
 * in the labels' language, escaped like every attribute. A PDF keeps it as a link
 * its viewer hands to the system, which opens Hamish; elsewhere it does nothing.
 */
function appLinkHtml(articleId: string, a: AnchoredAnnotation, labels: ExportLabels): string {
  const href = hamishLink({ articleId, annotationId: a.id })
  // The line sits where the note's other lines do; only the words take the labels' language.
  return `<p class="note-app-link"><a class="app-link" ${labelAttrs(labels)} href="${escapeHtml(href)}">↗ ${escapeHtml(labels.openInApp)}</a></p>`
}

/** A note in one direction, its first letter's (as the reader's notes panel shows it); see noteHtml. */
function noteBody(a: AnchoredAnnotation): string {
  if (!hasNote(a)) return ''
  const { html, dir } = noteHtml(a.body.note)
  return `<div class="note-body" dir="${dir ?? 'auto'}">${html}</div>`
}

function footnoteHtml(
  n: number,
  annotations: readonly AnchoredAnnotation[],
  quotes: ReadonlyMap<AnchoredAnnotation, string>,
  labels: ExportLabels,
  locations: ReadonlyMap<AnchoredAnnotation, QuoteLocation>,
  articleId: string,
): string {
  const back = ` <a class="back" href="#ref-${n}" aria-label="${escapeHtml(labels.backToText)}">↩</a>`
  const entries = annotations.map((a, k) => {
    const quote =
      annotations.length > 1
        ? `<blockquote class="note-quote hl-${colourOf(a)}">${quoteHtml(shortQuote(quotes.get(a) ?? a.target?.quote.exact ?? ''))}</blockquote>`
        : ''
    return (
      quote +
      noteBody(a) +
      locationHtml(locations.get(a), labels) +
      appLinkHtml(articleId, a, labels) +
      metaHtml(a, labels, k === annotations.length - 1 ? back : '') +
      repliesHtml(repliesOf(a), labels)
    )
  })
  return `<li id="note-${n}">${entries.join('')}</li>\n`
}

/**
 * A thread of replies as nested lists ("Reply by <author>, <date>", tags,
 * the note rendered as notes are), each list under the reply it answers.
 */
function repliesHtml(thread: readonly ThreadEntry[], labels: ExportLabels): string {
  return repliesFrom(thread, 0, 1, labels)[0]
}

/** The replies at `depth` from entry `i` on (thread entries come depth first), and the entry after them. */
function repliesFrom(
  thread: readonly ThreadEntry[],
  i: number,
  depth: number,
  labels: ExportLabels,
): [string, number] {
  let items = ''
  while (i < thread.length && thread[i]!.depth === depth) {
    const { reply } = thread[i]!
    if (reply.deleted) {
      // Its place only: a deleted reply's words are never written.
      const [children, next] = repliesFrom(thread, i + 1, depth + 1, labels)
      items +=
        `<li class="reply deleted-reply"><p class="note-meta"><bdi>${escapeHtml(labels.deletedReply)}</bdi></p>` +
        `${children}</li>`
      i = next
      continue
    }
    const head = [
      `<bdi>${escapeHtml(labels.replyBy(reply.creator.name.trim(), reply.created.slice(0, 10)))}</bdi>`,
    ]
    if (reply.body.tags.length > 0) head.push(`${escapeHtml(labels.tags)}: ${tagList(reply.body.tags)}`)
    const [children, next] = repliesFrom(thread, i + 1, depth + 1, labels)
    items +=
      `<li class="reply" data-annotation-id="${escapeHtml(reply.id)}">` +
      `<p class="note-meta">${labelledParts(head, labels)}</p>${noteBody(reply)}${children}</li>`
    i = next
  }
  return [items ? `<ol class="replies">${items}</ol>` : '', i]
}

/** "Notes on the article" or "Replies to a deleted note": each note with its meta and its replies. */
function notesSectionHtml(
  id: string,
  heading: string,
  list: ExportNotes['articleNotes'],
  labels: ExportLabels,
  articleId: string,
): string {
  if (list.length === 0) return ''
  const entries = list.map(
    ({ note, thread }) =>
      `<div class="article-note" data-annotation-id="${escapeHtml(note.id)}">` +
      `${noteBody(note)}${metaHtml(note, labels)}${appLinkHtml(articleId, note, labels)}` +
      `${repliesHtml(thread, labels)}</div>\n`,
  )
  return (
    `<section class="article-notes" aria-labelledby="${id}">\n` +
    `<h2 id="${id}" ${labelAttrs(labels)}>${escapeHtml(heading)}</h2>\n${entries.join('')}</section>\n`
  )
}

function unplacedHtml(
  unplaced: readonly AnchoredAnnotation[],
  quotes: ReadonlyMap<AnchoredAnnotation, string>,
  labels: ExportLabels,
): string {
  if (unplaced.length === 0) return ''
  const entries = unplaced.map(
    (a) =>
      `<div class="unplaced-entry" data-annotation-id="${escapeHtml(a.id)}">` +
      `<blockquote class="note-quote hl-${colourOf(a)}">${quoteHtml(quotes.get(a) ?? a.target?.quote.exact ?? '')}</blockquote>` +
      `${noteBody(a)}${metaHtml(a, labels)}</div>\n`,
  )
  return (
    `<section class="unplaced" aria-labelledby="unplaced-heading">\n` +
    `<h2 id="unplaced-heading" ${labelAttrs(labels)}>${escapeHtml(labels.unplaced)}</h2>\n` +
    `<p class="unplaced-hint" ${labelAttrs(labels)}>${escapeHtml(labels.unplacedHint)}</p>\n${entries.join('')}</section>\n`
  )
}

/** `2026-11-30T08:15:00.000Z` as `2026-11-30 08:15 UTC`; any other form as it is. */
function displayTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso)
  return m ? `${m[1]} ${m[2]} UTC` : iso
}

function headerHtml(input: ExportInput, labels: ExportLabels): string {
  const { summary } = input
  const meta = [`${escapeHtml(labels.source)}: <bdi>${escapeHtml(summary.source)}</bdi>`]
  // Dates and times read left to right in an Arabic line too (a bare `<bdi>` of digits can take the line's direction).
  if (summary.date) meta.push(`${escapeHtml(labels.date)}: <bdi dir="ltr">${escapeHtml(summary.date)}</bdi>`)
  meta.push(
    `${escapeHtml(labels.exported)}: <time dir="ltr" datetime="${escapeHtml(input.exportedAt)}">${escapeHtml(displayTime(input.exportedAt))}</time>`,
  )
  meta.push(escapeHtml(input.generator))
  // The citation reads in the article's direction; each part is isolated, so a Latin URL or
  // name keeps its place in an Arabic line (and an Arabic title in an English one).
  // A part with no letter (a date) is isolated left to right: alone, its digits took an Arabic line's direction.
  const citation = joinCitation(citationParts(summary), (text) =>
    /\p{L}/u.test(text) ? `<bdi>${escapeHtml(text)}</bdi>` : `<bdi dir="ltr">${escapeHtml(text)}</bdi>`,
  )
  return (
    `<header class="doc-header">\n<h1 dir="auto">${escapeHtml(summary.title)}</h1>\n` +
    `<p class="doc-citation" dir="${summary.dir === 'rtl' ? 'rtl' : 'ltr'}">${citation}</p>\n` +
    `<p class="doc-meta">${labelledParts(meta, labels)}</p>\n</header>\n`
  )
}

/**
 * The annotated copy as one self-contained HTML5 file: the article with
 * `lang`/`dir`, text blocks `dir="auto"`, highlights as
 * `<mark class="hl hl-COLOUR" data-annotation-id>` (overlaps as underline
 * stripes), a numbered footnote after each highlight with notes or tags and
 * the notes at the end with back-links, then "Unplaced notes". Fonts are
 * embedded, a CSP forbids everything else, there is no script; every piece
 * of article, note, tag and name text is HTML-escaped and notes' Markdown
 * is rendered from an allow-list. A print stylesheet sets the paper.
 */
export function toHtml(input: ExportInput, options: HtmlExportOptions): string {
  const { summary } = input
  const extra = exportNotes(input.annotations)
  const segmented = segmentDocument(input.doc, input.annotations)
  const writer = new HtmlWriter()
  const article = writer.blocks(segmented.blocks)
  const { footnotes } = writer
  const needQuotes = [...segmented.unplaced, ...footnotes.filter((f) => f.length > 1).flat()]
  const quotes = quotedTexts(needQuotes.length > 0 ? plainText(input.doc) : '', needQuotes)
  const dir = summary.dir === 'rtl' ? 'rtl' : 'ltr'
  const labels = exportLabels(input.labelLang)
  const locations = quoteLocations(input.doc, footnotes.flat(), input.pdfPages)
  const notes =
    footnotes.length === 0
      ? ''
      : `<section class="notes" aria-labelledby="notes-heading">\n` +
        `<h2 id="notes-heading" ${labelAttrs(labels)}>${escapeHtml(labels.notes)}</h2>\n<ol class="notes-list">\n` +
        `${footnotes.map((f, i) => footnoteHtml(i + 1, f, quotes, labels, locations, summary.id)).join('')}</ol>\n</section>\n`
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(summary.lang)}" dir="${dir}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="${escapeHtml(input.generator)}">\n` +
    `<title>${escapeHtml(summary.title)}</title>\n<style>\n${stylesheet(options.fonts, options.paper ?? 'A4')}\n</style>\n` +
    `</head>\n<body>\n${headerHtml(input, labels)}<main>\n` +
    notesSectionHtml('article-notes-heading', labels.articleNotes, extra.articleNotes, labels, summary.id) +
    `<article>\n${article}</article>\n${notes}${unplacedHtml(segmented.unplaced, quotes, labels)}` +
    notesSectionHtml(
      'orphan-replies-heading',
      labels.repliesToDeleted,
      extra.orphanReplies,
      labels,
      summary.id,
    ) +
    `</main>\n</body>\n</html>\n`
  )
}
