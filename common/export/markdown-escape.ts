/**
 * Escaping article text for Markdown so that CommonMark readers
 * (markdown-it, Obsidian, GitHub) and Pandoc's own Markdown give back
 * exactly the article's text: every character that starts a construct in
 * either dialect is backslash-escaped (both accept a backslash before any
 * ASCII punctuation). Characters that only matter in some positions are
 * escaped there only, so Arabic prose with the odd full stop or hyphen stays
 * readable in the source.
 */

/**
 * Escaped wherever they appear: emphasis, code, links, footnotes, HTML and
 * entities, headings, quotes, tables, strikeout/subscript, superscript,
 * math, citations, attributes, `==` highlights and setext underlines, and
 * Pandoc's smart quotes.
 */
const ALWAYS = new Set([
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '<',
  '>',
  '#',
  '&',
  '|',
  '~',
  '^',
  '$',
  '@',
  '{',
  '}',
  '=',
  '"',
  "'",
])

/** Any ASCII punctuation: text without it needs no escaping (most Arabic text). */
const ASCII_PUNCT = /[!-/:-@[-`{-~]/
/** The same, to visit only those characters in a long text. */
const EVERY_ASCII_PUNCT = /[!-/:-@[-`{-~]/g

/** An ordered-list marker at the start of a line (CommonMark digits; Pandoc letters and roman numerals). */
const LIST_MARKER = /^(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)]/

/** Where a text is written: escaping depends on its neighbours on the line. */
export interface EscapeContext {
  /**
   * What the line holds before this text, as written (default: nothing —
   * the text starts a line, where list markers, `+`, `-`, `:`, `%`, `(` and
   * indentation matter). Its last character decides `--` and `...` across
   * the boundary; a final `]` (a footnote reference) makes a `(` or `:`
   * right after it special.
   */
  before?: string
  /** The first character written after this text on the line ('' at the end): `-`, `.`, or `[` after a `!`. */
  next?: string
}

/**
 * One line of article text as Markdown that renders back to the same text.
 * Line breaks inside the text become spaces (the writer emits hard breaks
 * itself); spaces and tabs at the start of a line are dropped, since they
 * would make indented code (rendering drops them anyway).
 */
export function escapeMarkdownText(raw: string, context: EscapeContext = {}): string {
  const before = context.before ?? ''
  const next = context.next ?? ''
  const lineStart = before === ''
  let s = raw.includes('\n') || raw.includes('\r') ? raw.replace(/[\r\n]/g, ' ') : raw
  if (lineStart) s = s.replace(/^[ \t]+/, '')
  if (!ASCII_PUNCT.test(s)) return s
  // A list marker may start in the text before (`1` written, then `.` here).
  const marker = before.length <= 9 && /^[0-9A-Za-z]*$/.test(before) ? LIST_MARKER.exec(before + s) : null
  const markerAt = marker ? marker[0].length - 1 - before.length : -1
  const prev = before[before.length - 1] ?? ''
  const afterRef = prev === ']'
  const n = s.length
  let out = ''
  let from = 0
  EVERY_ASCII_PUNCT.lastIndex = 0
  for (let m = EVERY_ASCII_PUNCT.exec(s); m; m = EVERY_ASCII_PUNCT.exec(s)) {
    const i = m.index
    const c = m[0]
    let escape: boolean
    if (ALWAYS.has(c)) escape = true
    else {
      const left = i === 0 ? prev : s[i - 1]
      const right = i === n - 1 ? next : s[i + 1]
      switch (c) {
        case '-':
          // List items, thematic breaks, setext underlines, YAML fences; Pandoc's -- and --- dashes.
          escape = (i === 0 && lineStart) || left === '-' || right === '-'
          break
        case '.':
          // Pandoc's ... ellipsis; `1.` list markers.
          escape = left === '.' || right === '.' || i === markerAt
          break
        case ')':
          escape = i === markerAt
          break
        case '+':
        case '%':
          escape = i === 0 && lineStart
          break
        case ':':
        case '(':
          escape = i === 0 && (lineStart || afterRef)
          break
        case '!':
          escape = right === '['
          break
        default:
          escape = false
      }
    }
    if (escape) {
      out += `${s.slice(from, i)}\\`
      from = i
    }
  }
  return out ? out + s.slice(from) : s
}

/**
 * A link destination usable in `[text](…)` by every reader: characters that
 * end or break the destination are percent-encoded.
 */
export function markdownUrl(href: string): string {
  return href
    .trim()
    .replace(/[\s()<>\\`]/g, (c) =>
      encodeURIComponent(c).replace(/[()]/g, (p) => (p === '(' ? '%28' : '%29')),
    )
}

/** A link title as a double-quoted Markdown title. */
export function markdownTitle(title: string): string {
  return `"${title.replace(/\s+/g, ' ').replace(/["\\]/g, '\\$&')}"`
}
