import MarkdownIt, { type Env, type StateBlock, type StateInline, type Token } from 'markdown-it'
import { escapeMarkdownText } from './markdown-escape'
import { isSafeNoteHref } from './note-html'
import { notePlainText } from './note-text'

/**
 * A note's links and images made as harmless in a Markdown export as they
 * are in the reader and the HTML export (note-html.ts): a note may come
 * from a colleague's shared annotation file, and the exported Markdown is
 * read by Pandoc, Obsidian or GitHub, which would make `[x](javascript:…)`
 * a live link and `![](http://…)` a request to someone's server.
 *
 * The note is parsed with markdown-it as the reader parses it, except that
 * every destination is accepted (markdown-it itself refuses `javascript:`
 * and leaves it as text, which Pandoc would not), and each link is judged
 * by markdown-it's own href: entities decoded, escapes removed, normalised.
 * A link to anything but http(s) or mailto becomes its label's words, every
 * image its description, a reference definition to anything else goes; the
 * rest of the note is kept as written.
 *
 * Other readers read some things differently, so what markdown-it leaves as
 * text is made text for them too, with escapes that change nothing for
 * markdown-it: a `]` before `(` or `:` (Pandoc lets a link hold a link, so
 * `[a [b](https://x) ](javascript:…)` is a link to `javascript:` there), a
 * `{` (Pandoc attributes: `[x]{onclick=…}`, `` `<img>`{=html} ``), a `![`
 * that is no image here, a run of backticks with no closing run. A kept
 * link whose destination or title is anything but plain is rewritten from
 * markdown-it's reading, so no reader can end it elsewhere; reference
 * definitions likewise. Code Pandoc may read as text (a fence not after a
 * blank line, in a list or quote, or with more than one word after it;
 * indented code) and text markdown-it skips (a table row's extra cells) get
 * character references (`&#93;`, `&lt;`): visible in such code, never a
 * link. A reader that makes bare URLs links takes a backslash right after
 * one as part of it; what becomes a link or image only that way gets a
 * character reference as well.
 */
export function withSafeLinks(note: string): string {
  // Most notes have no bracket, brace or bang: no link, image or attribute can start.
  if (!/[[\]{!<]/.test(note)) return note
  // markdown-it reads NUL as U+FFFD: the same offsets, and what the reader shows.
  let text = note.replace(/\0/g, '\uFFFD')
  // Each pass leaves escaped text only; a second one finds anything the first made.
  for (let pass = 0; pass < 4; pass++) {
    const edits = scan(text)
    if (!edits) break
    if (edits.length === 0) return pass === 0 ? text : text.trimEnd()
    text = applyEdits(text, edits)
  }
  return inertNote(note)
}

/** A change to the Markdown: `text` in place of [from, to), an insertion when they are equal. */
interface Edit {
  from: number
  to: number
  text: string
}

/** One inline token being parsed, and the edits found in its content (offsets into that content). */
interface InlineScan {
  token: Token
  /** The source line of a table cell (markdown-it gives cells no map of their own). */
  line: number | null
  edits: Edit[]
  /** Links to drop, made text once emphasis is resolved (until then a `*` is a text token). */
  dropped: { from: number; to: number; open: Token; close: Token }[]
}

interface ScanEnv {
  references?: Record<string, { href: string; title: string }>
  hamish?: {
    inlines: InlineScan[]
    current: InlineScan | null
    blockEdits: Edit[]
    /** Where the reference definitions are: markdown-it reads them as no text. */
    definitions: [from: number, to: number][]
  }
}

/** Destinations every reader takes as the same thing, kept as written: no space, quote, bracket, brace, escape or entity; balanced parentheses. */
const PLAIN_DESTINATION =
  /^(?:[^\s()<>[\]{}"'\\`&]|&(?![#A-Za-z0-9]+;)|\((?:[^\s()<>[\]{}"'\\`&]|&(?![#A-Za-z0-9]+;))*\))+$/
/** A reference definition kept as written: one line, a plain label and destination, no title. */
const PLAIN_DEFINITION = /^\[[^\n[\]\\]+\]:[ \t]*(\S+)[ \t]*$/

/** A destination (and title) as markdown-it reads it, written so that every reader reads the same. */
function destination(href: string, title: string | null): string {
  const url = href
    .replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '%26')
  if (!title) return url
  return `${url} "${title.replace(/\s+/g, ' ').replace(/[\\"[\](){}<>`]/g, '\\$&')}"`
}

/** The words of a link's label as the reader shows them. */
function labelText(tokens: readonly Token[]): string {
  let out = ''
  for (const t of tokens) {
    if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' '
    else if (t.type === 'image' || t.nesting === 0) out += t.content
  }
  return out
}

/** [from, to) of an inline source replaced by `words`, escaped for where they stand. */
function asText(src: string, from: number, to: number, words: string): Edit {
  const before = src.slice(src.lastIndexOf('\n', from - 1) + 1, from)
  const next = src[to] === '\n' ? '' : (src[to] ?? '')
  return { from, to, text: words ? escapeMarkdownText(words, { before, next }) : '' }
}

const BACKSLASH: Edit['text'] = '\\'

let scanner: InstanceType<typeof MarkdownIt> | null = null

/** The inline token being parsed, when `state` is its own parse (not an image description's). */
function collecting(state: StateInline): InlineScan | null {
  const current = (state.env as ScanEnv).hamish?.current
  return current && state.tokens === current.token.children ? current : null
}

type InlineRule = (state: StateInline, silent: boolean) => boolean
type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean

function original<T>(rules: { name: string; fn: T }[], name: string): T {
  const rule = rules.find((r) => r.name === name)
  if (!rule) throw new Error(`markdown-it has no ${name} rule`)
  return rule.fn
}

/** markdown-it as the reader configures it, every destination accepted, recording what must change. */
function linkScanner(): InstanceType<typeof MarkdownIt> {
  if (scanner) return scanner
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: true })
  md.validateLink = () => true

  const link = original<InlineRule>(md.inline.ruler.__rules__, 'link')
  md.inline.ruler.at('link', (state, silent) => {
    const start = state.pos
    const count = state.tokens.length
    if (!link(state, silent)) return false
    const inline = collecting(state)
    if (silent || !inline) return true
    const end = state.pos
    const added = state.tokens.slice(count)
    const open = added.find((t) => t.type === 'link_open')!
    const href = String(open.attrGet('href') ?? '')
    if (!isSafeNoteHref(href)) {
      inline.dropped.push({ from: start, to: end, open, close: added[added.length - 1]! })
      return true
    }
    const labelEnd = state.md.helpers.parseLinkLabel(state, start, true)
    if (labelEnd >= 0 && state.src[labelEnd + 1] === '(') {
      const tail = state.src.slice(labelEnd + 1, end)
      const title = open.attrGet('title')
      const written = `(${destination(href, title === null ? null : String(title))})`
      if (tail !== written && !PLAIN_DESTINATION.test(tail.slice(1, -1)))
        inline.edits.push({ from: labelEnd + 1, to: end, text: written })
    }
    return true
  })

  const image = original<InlineRule>(md.inline.ruler.__rules__, 'image')
  md.inline.ruler.at('image', (state, silent) => {
    const start = state.pos
    const count = state.tokens.length
    const found = image(state, silent)
    const inline = collecting(state)
    if (silent || !inline) return found
    if (!found) {
      // `![` that is no image here may be one where another note defines its label.
      if (state.src[start] === '!' && state.src[start + 1] === '[')
        inline.edits.push({ from: start, to: start, text: BACKSLASH })
      return false
    }
    const img = state.tokens.slice(count).find((t) => t.type === 'image')!
    inline.edits.push(asText(state.src, start, state.pos, img.content))
    return true
  })

  // A run of backticks with no closing run is text here, but Pandoc takes its last backtick as
  // opening a code span (``' `x` `` is code there), and what follows changes sides: escaped, no reader
  // sees code in it.
  const backticks = original<InlineRule>(md.inline.ruler.__rules__, 'backticks')
  md.inline.ruler.at('backticks', (state, silent) => {
    const start = state.pos
    const count = state.tokens.length
    if (!backticks(state, silent)) return false
    const inline = collecting(state)
    if (silent || !inline || state.tokens.slice(count).some((t) => t.type === 'code_inline')) return true
    for (let at = start; at < state.pos; at++) inline.edits.push({ from: at, to: at, text: BACKSLASH })
    return true
  })

  // Every character that is text here is visited by this rule first.
  md.inline.ruler.before('text', 'hamish_text_watch', (state, silent) => {
    const inline = silent ? null : collecting(state)
    if (!inline) return false
    const c = state.src[state.pos]
    const next = state.src[state.pos + 1]
    // `]\(` rather than `\](`: a bare URL just before keeps to itself (it would take the backslash).
    if (c === ']' && (next === '(' || next === ':'))
      inline.edits.push({ from: state.pos + 1, to: state.pos + 1, text: BACKSLASH })
    else if (c === '{') inline.edits.push({ from: state.pos, to: state.pos, text: BACKSLASH })
    return false
  })

  const reference = original<BlockRule>(md.block.ruler.__rules__, 'reference')
  md.block.ruler.at('reference', (state, startLine, endLine, silent) => {
    const env = state.env as ScanEnv
    if (silent || !env.hamish) return reference(state, startLine, endLine, silent)
    // This definition's own target, even when an earlier one has its label.
    const earlier = env.references ?? {}
    env.references = {}
    let found = false
    let mine: ScanEnv['references'] = {}
    try {
      found = reference(state, startLine, endLine, silent)
    } finally {
      mine = env.references
      env.references = earlier
      for (const [label, def] of Object.entries(mine)) earlier[label] ??= def
    }
    const [label, def] = Object.entries(mine)[0] ?? []
    if (!found || !label || !def) return found
    const from = state.bMarks[startLine]! + state.tShift[startLine]!
    const to = state.eMarks[state.line - 1]!
    env.hamish.definitions.push([from, to])
    if (!isSafeNoteHref(def.href)) {
      env.hamish.blockEdits.push({ from, to, text: '' })
      return found
    }
    const source = state.src.slice(from, to)
    const raw = /^\[((?:[^\\\]]|\\.)*)\]/s.exec(source)?.[1] ?? label
    const written = `[${raw.includes('\n') ? label : raw}]: ${destination(def.href, def.title)}`
    const plain = PLAIN_DEFINITION.exec(source)
    if (source !== written && !(plain && PLAIN_DESTINATION.test(plain[1]!)))
      env.hamish.blockEdits.push({ from, to, text: written })
    return found
  })

  collectInline(md)
  scanner = md
  return md
}

/** Inline content parsed one token at a time, so each one's edits are known to be its own. */
function collectInline(md: InstanceType<typeof MarkdownIt>): void {
  md.core.ruler.at('inline', (state) => {
    const scan = (state.env as ScanEnv).hamish!
    let row: number | null = null
    for (const token of state.tokens) {
      if (token.type === 'tr_open') row = token.map?.[0] ?? null
      if (token.type !== 'inline') continue
      const inline: InlineScan = { token, line: token.map ? null : row, edits: [], dropped: [] }
      scan.inlines.push(inline)
      scan.current = inline
      const children = (token.children ??= [])
      state.md.inline.parse(token.content, state.md, state.env, children)
      for (const { from, to, open, close } of inline.dropped) {
        const words = labelText(children.slice(children.indexOf(open) + 1, children.indexOf(close)))
        inline.edits.push(asText(token.content, from, to, words))
      }
    }
    scan.current = null
  })
}

let autolinkScanner: InstanceType<typeof MarkdownIt> | null = null

/** Columns [from, start + 1) to replace for the character at `start`, with the backslash meant to escape it (an odd run before it). */
function withItsBackslash(src: string, start: number): number {
  let slashes = 0
  while (src[start - 1 - slashes] === '\\') slashes++
  return slashes % 2 === 1 ? start - 1 : start
}

/**
 * markdown-it with bare URLs made links, as the reader has them: such a URL
 * takes a backslash right after it as its own, so the escape no longer
 * escapes: the `\<` markdown-parts.ts writes for `<` (`http://a/\<javascript:x>`
 * is an autolink), or a `\]` or `\!` written above. What is a link or an
 * image only in this reading gets a character reference instead, which no
 * reader takes as syntax: `&lt;` for an autolink's `<`, `&#93;` for the `]`
 * closing a link's label, `&#33;` for an image's `!`.
 */
function linkifyScanner(): InstanceType<typeof MarkdownIt> {
  if (autolinkScanner) return autolinkScanner
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true })
  md.validateLink = () => true
  const watch = (
    name: string,
    edit: (state: StateInline, start: number, added: Token[]) => Edit | null,
  ): void => {
    const rule = original<InlineRule>(md.inline.ruler.__rules__, name)
    md.inline.ruler.at(name, (state, silent) => {
      const start = state.pos
      const count = state.tokens.length
      if (!rule(state, silent)) return false
      const inline = collecting(state)
      const e = silent || !inline ? null : edit(state, start, state.tokens.slice(count))
      if (e) inline!.edits.push(e)
      return true
    })
  }
  const unsafe = (added: Token[]): boolean => {
    const open = added.find((t) => t.type === 'link_open')
    return !!open && !isSafeNoteHref(String(open.attrGet('href') ?? ''))
  }
  watch('autolink', (state, start, added) =>
    unsafe(added) ? { from: withItsBackslash(state.src, start), to: start + 1, text: '&lt;' } : null,
  )
  watch('link', (state, start, added) => {
    if (!unsafe(added)) return null
    const labelEnd = state.md.helpers.parseLinkLabel(state, start, true)
    return labelEnd < 0
      ? null
      : { from: withItsBackslash(state.src, labelEnd), to: labelEnd + 1, text: '&#93;' }
  })
  watch('image', (state, start) => ({
    from: withItsBackslash(state.src, start),
    to: start + 1,
    text: '&#33;',
  }))
  collectInline(md)
  autolinkScanner = md
  return md
}

/** How a character that another reader might take as syntax is written in code or unread text. */
const AS_TEXT: Record<string, string> = { ']': '&#93;', '!': '&#33;', '<': '&lt;', '[': '&#91;' }

/**
 * In columns [from, end) of `line`, what `pattern` finds made text for any
 * reader: `{` gets a backslash (only Pandoc reads attributes); `]`, `!`,
 * `<` and `[` become character references, since a bare URL just before
 * would take a backslash as its own (see linkifyScanner). One already
 * escaped by a backslash keeps it, except that `\<` (markdown-parts.ts)
 * becomes `&lt;` too.
 */
function escapeForPandoc(
  line: string,
  offset: number,
  from: number,
  edits: Edit[],
  pattern: RegExp,
  end = line.length,
): void {
  pattern.lastIndex = from
  for (let m = pattern.exec(line); m && m.index < end; m = pattern.exec(line)) {
    const at = m.index
    const start = withItsBackslash(line, at)
    const entity = AS_TEXT[m[0]]
    if (entity && (start === at || m[0] === '<'))
      edits.push({ from: offset + start, to: offset + at + 1, text: entity })
    else if (!entity && start === at) edits.push({ from: offset + at, to: offset + at, text: BACKSLASH })
  }
}

/** In code Pandoc may read as text: a `]` before `(` or `:`, `![`, `{`, and `<` (as markdown-parts.ts escapes it in text). */
const CODE_AS_TEXT = /\](?=[(:])|!(?=\[)|[{<]/g
/** In a fence's info string: anything that could start a link, image, autolink, HTML or attributes. */
const INFO_STRING = /[[\]{!<]/g
/** An info string Pandoc takes as a fence's: one word of letters, digits and a little punctuation, or none. */
const PANDOC_FENCE_INFO = /^[\p{L}\p{N}._+#:$-]*$/u

/**
 * Every edit the note needs, at offsets into `text`; none when it is safe as
 * it is, null when an inline token could not be found in the text (then the
 * caller falls back to plain words).
 */
function scan(text: string): Edit[] | null {
  const md = linkScanner()
  const env: ScanEnv = { hamish: { inlines: [], current: null, blockEdits: [], definitions: [] } }
  const tokens = md.parse(text, env as Env)
  const lines = text.split('\n')
  const starts: number[] = []
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at)
  const edits = [...env.hamish!.blockEdits]
  // What markdown-it read of each line (as inline text, code or a definition); the rest is checked below.
  const read: [from: number, to: number][][] = lines.map(() => [])
  const readLines = (first: number, last: number): void => {
    for (let i = first; i < last; i++) read[i]!.push([0, lines[i]!.length])
  }
  const lineOf = (offset: number): number => {
    let i = 0
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++
    return i
  }
  for (const [from, to] of env.hamish!.definitions) readLines(lineOf(from), lineOf(to) + 1)

  for (const token of tokens) {
    if ((token.type !== 'fence' && token.type !== 'code_block') || !token.map) continue
    const [first, last] = token.map
    readLines(first, last)
    const opening = lines[first] ?? ''
    // A top-level fence at the line's start after a blank line (or first), with at most one plain
    // word after it, is code for Pandoc too; with more (`~~~js x`), Pandoc reads no fence at all.
    const code =
      token.type === 'fence' &&
      token.level === 0 &&
      opening.startsWith(token.markup) &&
      PANDOC_FENCE_INFO.test(opening.slice(token.markup.length).trim()) &&
      (first === 0 || !lines[first - 1]!.trim())
    if (token.type === 'fence') {
      const at = opening.indexOf(token.markup)
      if (at >= 0) escapeForPandoc(opening, starts[first]!, at + token.markup.length, edits, INFO_STRING)
    }
    if (code) continue
    for (let i = token.type === 'fence' ? first + 1 : first; i < last; i++)
      escapeForPandoc(lines[i]!, starts[i]!, 0, edits, CODE_AS_TEXT)
  }

  if (!placeEdits(env.hamish!.inlines, lines, starts, edits, read)) return null

  // Text markdown-it does not read (a table row's cells beyond the header's) another reader may.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (!/[[\]{!<]/.test(line)) continue
    const spans = read[i]!.sort((a, b) => a[0] - b[0])
    let at = 0
    for (const [from, to] of [...spans, [line.length, line.length] as const]) {
      if (from > at) escapeForPandoc(line, starts[i]!, at, edits, CODE_AS_TEXT, from)
      at = Math.max(at, to)
    }
  }
  if (edits.length > 0) return edits
  // Safe as markdown-it reads it: now as a reader that makes bare URLs links reads it.
  const linkified: ScanEnv = { hamish: { inlines: [], current: null, blockEdits: [], definitions: [] } }
  linkifyScanner().parse(text, linkified as Env)
  return placeEdits(linkified.hamish!.inlines, lines, starts, edits, null) ? edits : null
}

/** Each inline token's edits at offsets into the text, and (with `read`) the columns it covers; false when one with edits cannot be found. */
function placeEdits(
  inlines: readonly InlineScan[],
  lines: readonly string[],
  starts: readonly number[],
  edits: Edit[],
  read: [from: number, to: number][][] | null,
): boolean {
  let cursor = { line: -1, col: 0 }
  for (const inline of inlines) {
    const line = inline.token.map?.[0] ?? inline.line
    const place = line === null || line === undefined ? null : locate(inline, line, lines, cursor)
    if (!place) {
      if (inline.edits.length > 0) return false
      continue
    }
    cursor = place.cursor
    if (read) for (const span of place.spans) read[span.line]!.push([span.from, span.to])
    for (const e of inline.edits) {
      const from = place.at(e.from)
      const to = place.at(e.to)
      edits.push({ from: starts[from.line]! + from.col, to: starts[to.line]! + to.col, text: e.text })
    }
  }
  return true
}

interface Located {
  at(offset: number): { line: number; col: number }
  cursor: { line: number; col: number }
  /** The columns each content line takes in its source line. */
  spans: { line: number; from: number; to: number }[]
}

/**
 * Where an inline token's content sits in the text: each content line is the
 * rest of a source line (after quote markers and indentation), a heading's
 * words, or a table cell (where markdown-it reads `\|` as `|`).
 */
function locate(
  inline: InlineScan,
  first: number,
  lines: readonly string[],
  cursor: { line: number; col: number },
): Located | null {
  const content = inline.token.content.split('\n')
  const cell = inline.line !== null
  const offsets: { line: number; lead: number; cols: number[] }[] = []
  let last = cursor
  for (let k = 0; k < content.length; k++) {
    const lineNo = first + k
    const source = lines[lineNo]
    if (source === undefined) return null
    const body = content[k]!.replace(/^[ \t]+/, '')
    const lead = content[k]!.length - body.length
    const from = cursor.line === lineNo ? cursor.col : 0
    const cols = cell ? alignCell(body, source, from) : alignRest(body, source, from)
    if (!cols) return null
    offsets.push({ line: lineNo, lead, cols })
    last = { line: lineNo, col: cols[cols.length - 1]! }
  }
  const lineStarts: number[] = []
  for (let k = 0, at = 0; k < content.length; at += content[k]!.length + 1, k++) lineStarts.push(at)
  return {
    cursor: last,
    spans: offsets.map((o) => ({ line: o.line, from: o.cols[0]!, to: o.cols[o.cols.length - 1]! })),
    at(offset) {
      let k = content.length - 1
      while (k > 0 && lineStarts[k]! > offset) k--
      const o = offsets[k]!
      const i = Math.min(Math.max(offset - lineStarts[k]! - o.lead, 0), o.cols.length - 1)
      return { line: o.line, col: o.cols[i]! }
    },
  }
}

/** Columns of each character of `body` (and one past its end) in `source`: its last occurrence that ends the line, else the first after `from`. */
function alignRest(body: string, source: string, from: number): number[] | null {
  let at: number
  if (source.endsWith(body)) at = source.length - body.length
  else if (source.trimEnd().endsWith(body)) at = source.trimEnd().length - body.length
  else at = source.indexOf(body, from)
  if (at < 0 || at < from) return null
  return Array.from({ length: body.length + 1 }, (_, i) => at + i)
}

/** The same for a table cell, whose `|` may be written `\|`. */
function alignCell(body: string, source: string, from: number): number[] | null {
  for (let start = from; start < source.length; start++) {
    const cols: number[] = []
    let j = start
    let i = 0
    for (; i < body.length; i++) {
      if (source[j] === body[i]) cols.push(j++)
      else if (body[i] === '|' && source[j] === '\\' && source[j + 1] === '|') {
        cols.push(j)
        j += 2
      } else break
    }
    if (i === body.length) return [...cols, j]
  }
  return body === '' ? [from] : null
}

/** The edits applied from the end; an edit inside a replaced span goes with it. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || b.to - a.to)
  const kept: Edit[] = []
  let reach = -1
  for (const e of sorted) {
    if (e.from < reach) continue
    const previous = kept[kept.length - 1]
    if (previous && previous.from === e.from && previous.to === e.to && previous.text === e.text) continue
    kept.push(e)
    if (e.to > e.from) reach = e.to
  }
  let out = text
  for (const e of kept.reverse()) out = out.slice(0, e.from) + e.text + out.slice(e.to)
  return out
}

/** The last resort: the note's words, each line a paragraph of escaped text (brackets, `!` and `<` as character references). */
function inertNote(note: string): string {
  return notePlainText(note)
    .split('\n')
    .map((line) =>
      escapeMarkdownText(line)
        .replace(/\\([[\]!<])/g, (_, c: string) => AS_TEXT[c]!)
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n\n')
}
