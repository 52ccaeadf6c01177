import type { AnchoredAnnotation } from '../annotation'
import { needsFootnote } from './annotation-parts'
import { hasMark, highlighted, linkKey, linkOf, runsOf, unmarked, type LinkMark } from './inline-runs'
import { escapeMarkdownText, markdownTitle, markdownUrl } from './markdown-escape'
import type { Piece } from './segments'

/** The delimited spans: a highlight (`==`, `<mark>` or `[…]{.mark}`), strong (`**`), emphasis (`*`). */
type Delim = 'mark' | 'strong' | 'em'

type Token =
  | { k: 'text'; s: string }
  | { k: 'br' }
  | { k: 'open' | 'close'; d: Delim; id: number }
  | { k: 'link'; mark: LinkMark; id: number }
  | { k: 'endlink'; mark: LinkMark; id: number }
  | { k: 'ref'; n: number }

/** How one block's inline content is written, and where its footnotes are numbered. */
export interface MarkdownInlineOptions {
  /** `md`: highlights as `==text==`; `md-gfm`: as `<mark>text</mark>`; `md-pandoc`: as `[text]{.mark}`. */
  flavor: MarkdownFlavor
  /** Numbers the next footnote, which lists these annotations, and returns its number. */
  footnote(annotations: AnchoredAnnotation[]): number
  /** Headings are one line: hard breaks become spaces. */
  singleLine?: boolean
}

/** Where highlights must render decides their syntax (see MarkdownExportOptions). */
export type MarkdownFlavor = 'md' | 'md-gfm' | 'md-pandoc'

const DELIMITER: Record<Delim, string> = { mark: '==', strong: '**', em: '*' }

/**
 * Pandoc's bracketed span, which its default reader turns into
 * `<span class="mark">` (a `<mark>` from Pandoc 3): brackets pair anywhere,
 * inside a word too, so unlike `==` it needs no flanking check.
 */
const PANDOC_MARK = { open: '[', close: ']{.mark}' } as const

function delimiter(d: Delim, open: boolean, flavor: MarkdownFlavor): string {
  if (d === 'mark' && flavor === 'md-pandoc') return open ? PANDOC_MARK.open : PANDOC_MARK.close
  return DELIMITER[d]
}

/** Builds the nested token stream: highlight clusters outermost, then links, strong, em. */
class TokenBuilder {
  readonly out: Token[] = []
  private ids = 0

  constructor(private readonly options: MarkdownInlineOptions) {}

  private leaves(items: readonly Piece[]): void {
    for (const p of items) {
      if (p.kind === 'text') this.out.push({ k: 'text', s: p.text })
      else this.out.push(this.options.singleLine ? { k: 'text', s: ' ' } : { k: 'br' })
    }
  }

  private open(d: Delim): number {
    const id = this.ids++
    this.out.push({ k: 'open', d, id })
    return id
  }

  private ems(items: Piece[]): void {
    for (const run of runsOf(items, (p) => hasMark(p, 'em'))) {
      if (!hasMark(run[0]!, 'em')) {
        this.leaves(run)
        continue
      }
      const id = this.open('em')
      this.leaves(run)
      this.out.push({ k: 'close', d: 'em', id })
    }
  }

  private strongs(items: Piece[]): void {
    for (const run of runsOf(items, (p) => hasMark(p, 'strong'))) {
      if (!hasMark(run[0]!, 'strong')) {
        this.ems(run)
        continue
      }
      const id = this.open('strong')
      this.ems(run)
      this.out.push({ k: 'close', d: 'strong', id })
    }
  }

  private links(items: Piece[]): void {
    // Most text has no marks at all: no grouping to do.
    if (unmarked(items)) return this.leaves(items)
    for (const run of runsOf(items, linkKey)) {
      const mark = linkOf(run[0]!)
      if (!mark) {
        this.strongs(run)
        continue
      }
      const id = this.ids++
      this.out.push({ k: 'link', mark, id })
      this.strongs(run)
      this.out.push({ k: 'endlink', mark, id })
    }
  }

  block(pieces: readonly Piece[]): Token[] {
    for (const cluster of runsOf(pieces, highlighted)) {
      if (!highlighted(cluster[0]!)) {
        this.links(cluster)
        continue
      }
      const id = this.open('mark')
      this.links(cluster)
      this.out.push({ k: 'close', d: 'mark', id })
      // One footnote per highlighted span, listing every annotation that ends in it and has a note or tags.
      const noted: AnchoredAnnotation[] = []
      for (const p of cluster) if (p.endings) for (const a of p.endings) if (needsFootnote(a)) noted.push(a)
      if (noted.length > 0) this.out.push({ k: 'ref', n: this.options.footnote(noted) })
    }
    return this.out
  }
}

type Paired = Extract<Token, { id: number }>
const opens = (t: Token): t is Paired => t.k === 'open' || t.k === 'link'
const closes = (t: Token): t is Paired => t.k === 'close' || t.k === 'endlink'

/**
 * Moves whitespace and hard breaks from just inside a delimiter or link to
 * just outside it (`* foo *` is no emphasis in any Markdown, and Pandoc
 * trims spaces inside link text, joining words), and drops pairs left
 * empty. `inner` says which tokens face their content: openers in a
 * forward pass, closers in a pass over the reversed stream.
 */
function shiftWhitespace(stream: Token[], inner: (t: Token) => boolean, forward: boolean): Token[] {
  const out: Token[] = []
  for (const t of stream) {
    if (t.k === 'text' || t.k === 'br') {
      let k = out.length
      while (k > 0 && inner(out[k - 1]!)) k--
      if (k < out.length) {
        const pending = out.splice(k)
        if (t.k === 'br') {
          out.push(t, ...pending)
          continue
        }
        const ws = forward ? /^\s+/.exec(t.s) : /\s+$/.exec(t.s)
        if (ws) {
          const rest = forward ? t.s.slice(ws[0].length) : t.s.slice(0, t.s.length - ws[0].length)
          out.push({ k: 'text', s: ws[0] }, ...pending)
          if (rest) out.push({ k: 'text', s: rest })
          continue
        }
        out.push(...pending)
      }
      out.push(t)
    } else if ('id' in t && !inner(t)) {
      // A closer (an opener, backwards) right after its own opener: the pair is empty.
      const top = out[out.length - 1]
      if (top && 'id' in top && top.id === t.id) out.pop()
      else out.push(t)
    } else out.push(t)
  }
  return out
}

function normalise(stream: Token[]): Token[] {
  const forward = shiftWhitespace(stream, opens, true)
  const shifted = shiftWhitespace(forward.reverse(), closes, false).reverse()
  // Adjacent texts (pieces under different highlights inside one span) are escaped as one: `-` + `-` is a dash.
  const out: Token[] = []
  for (const t of shifted) {
    const last = out[out.length - 1]
    if (t.k === 'text' && last?.k === 'text') out[out.length - 1] = { k: 'text', s: last.s + t.s }
    else out.push(t)
  }
  return out
}

/** markdown-it's whitespace for delimiter runs (CommonMark's Unicode whitespace). */
function isSpace(c: number): boolean {
  return (
    (c >= 0x2000 && c <= 0x200a) || [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000].includes(c)
  )
}

/** CommonMark punctuation: ASCII punctuation, Unicode punctuation and symbols. */
const PUNCT = /[\p{P}\p{S}]/u
const isPunct = (c: number): boolean =>
  (c >= 0x21 && c <= 0x2f) ||
  (c >= 0x3a && c <= 0x40) ||
  (c >= 0x5b && c <= 0x60) ||
  (c >= 0x7b && c <= 0x7e) ||
  (c > 0x7f && PUNCT.test(String.fromCodePoint(c)))

const leftFlanking = (prev: number, next: number): boolean =>
  !isSpace(next) && (!isPunct(next) || isSpace(prev) || isPunct(prev))
const rightFlanking = (prev: number, next: number): boolean =>
  !isSpace(prev) && (!isPunct(prev) || isSpace(next) || isPunct(next))

const isWordChar = (c: number): boolean => !isSpace(c) && !isPunct(c)

/**
 * Whether a delimiter between `prev` and `next` reads as the opener or
 * closer it is. `==` only needs to be able to (it has no "rule of 3").
 * A `*` run that could both open and close is safe only inside a word
 * (`و*هذا*`, letters on both sides, so no other star run can touch it);
 * between punctuation, CommonMark's rule of 3 and Pandoc pair such runs in
 * ways that leave stars in the text.
 */
function reads(delim: Delim, open: boolean, prev: number, next: number): boolean {
  const left = leftFlanking(prev, next)
  const right = rightFlanking(prev, next)
  if (delim === 'mark') return open ? left : right
  if (left && right) return isWordChar(prev) && isWordChar(next)
  return open ? left : right
}

/** One piece of the output line: text (raw until the last step), a delimiter, or fixed Markdown. */
interface Part {
  s: string
  text?: true
  /** A hard break: the line ends here. */
  br?: true
  delim?: { d: Delim; open: boolean; id: number }
}

/** The code point before part i in the output (a space at the start, as markdown-it counts). */
function charBefore(parts: Part[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const s = parts[j]!.s
    if (s)
      return s.codePointAt(s.length - 1 - (s.length > 1 && /[\udc00-\udfff]/.test(s[s.length - 1]!) ? 1 : 0))!
  }
  return 32
}

function charAfter(parts: Part[], i: number): number {
  for (let j = i + 1; j < parts.length; j++) {
    const s = parts[j]!.s
    if (s) return s.codePointAt(0)!
  }
  return 32
}

/** The delimiter of the next non-empty part after i, if that part is one. */
function nextDelimiter(parts: Part[], i: number): Part['delim'] {
  for (let j = i + 1; j < parts.length; j++) if (parts[j]!.s) return parts[j]!.delim
  return undefined
}

/**
 * Checks every delimiter against CommonMark's flanking rules as the reader
 * will see it, next to the characters actually around it. One that cannot
 * open or close (a highlight starting at `"` right after a letter, say)
 * would print its `==` or `*` into the text; instead a highlight becomes
 * raw `<mark>…</mark>` (Obsidian, Pandoc and markdown-it with HTML on
 * render it) and emphasis is left out (the text matters more than its
 * style): emphasis inside a word, or whose `*` would run into another
 * pair's `*`. Repeats until nothing changes, since each change alters
 * the neighbours of others.
 */
function settleDelimiters(parts: Part[], flavor: MarkdownFlavor): void {
  const byId = new Map<number, Part[]>()
  for (const p of parts) if (p.delim) byId.set(p.delim.id, [...(byId.get(p.delim.id) ?? []), p])
  const settled = new Set<number>()
  const give = (id: number): void => {
    settled.add(id)
    for (const p of byId.get(id)!) {
      p.s = p.delim!.d === 'mark' ? (p.delim!.open ? '<mark>' : '</mark>') : ''
    }
  }
  if (flavor === 'md-gfm') for (const [id, pair] of byId) if (pair[0]!.delim!.d === 'mark') give(id)
  // Pandoc's brackets always pair: they stay as written (and are the neighbours emphasis is checked against).
  if (flavor === 'md-pandoc') for (const [id, pair] of byId) if (pair[0]!.delim!.d === 'mark') settled.add(id)
  for (let changed = true; changed;) {
    changed = false
    for (let i = 0; i < parts.length; i++) {
      const delim = parts[i]!.delim
      if (!delim || settled.has(delim.id)) continue
      if (!reads(delim.d, delim.open, charBefore(parts, i), charAfter(parts, i))) {
        give(delim.id)
        changed = true
        continue
      }
      // A closing `*` run touching an opening one reads as one run: the later pair goes.
      if (delim.open || delim.d === 'mark') continue
      const next = nextDelimiter(parts, i)
      if (next && next.open && next.d !== 'mark' && !settled.has(next.id)) {
        give(next.id)
        changed = true
      }
    }
  }
}

/** The first character written after part i on its line ('' at the line's end). */
function nextOnLine(parts: Part[], i: number): string {
  for (let j = i + 1; j < parts.length; j++) {
    const p = parts[j]!
    if (p.br) return ''
    if (p.s) return p.s[0]!
  }
  return ''
}

/**
 * One block's inline content as Markdown: text escaped, marks as `*`/`**`
 * and links, each highlight cluster (overlapping highlights together) as
 * one `==…==`, `<mark>…</mark>` or `[…]{.mark}` followed by its footnote reference, hard
 * breaks as backslash-newline. Returns lines joined by '\n', not indented.
 *
 * Three steps, in this order because each needs the previous one's
 * result: lay out the parts with raw text; settle every delimiter against
 * its real neighbours (escaping never changes whether the character next
 * to a delimiter is punctuation); then escape each text knowing exactly
 * what is written around it on its line, dropped delimiters included.
 */
export function markdownInline(pieces: readonly Piece[], options: MarkdownInlineOptions): string {
  const stream = normalise(new TokenBuilder(options).block(pieces))
  const parts: Part[] = []
  let lineHasText = false
  let pendingBreak = false
  const breakLine = (): void => {
    if (!pendingBreak) return
    parts.push({ s: '\\\n', br: true })
    pendingBreak = false
    lineHasText = false
  }
  for (const t of stream) {
    switch (t.k) {
      case 'br':
        // Breaks at a line's start or end, or in a row, are dropped: a backslash there would print.
        if (lineHasText) pendingBreak = true
        break
      case 'text': {
        if (pendingBreak && !t.s.trim()) break
        breakLine()
        let raw = t.s.replace(/[\r\n]/g, ' ')
        if (!lineHasText) raw = raw.replace(/^[ \t]+/, '')
        if (raw) {
          parts.push({ s: raw, text: true })
          lineHasText = true
        }
        break
      }
      case 'open':
      case 'close':
        breakLine()
        parts.push({
          s: delimiter(t.d, t.k === 'open', options.flavor),
          delim: { d: t.d, open: t.k === 'open', id: t.id },
        })
        break
      case 'link':
        breakLine()
        parts.push({ s: '[' })
        break
      case 'endlink': {
        const { href, title } = t.mark.attrs
        parts.push({ s: `](${markdownUrl(href)}${title ? ` ${markdownTitle(title)}` : ''})` })
        lineHasText = true
        break
      }
      case 'ref':
        breakLine()
        parts.push({ s: `[^${t.n}]` })
        lineHasText = true
        break
    }
  }
  settleDelimiters(parts, options.flavor)
  let out = ''
  let line = ''
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!
    const s = p.text ? escapeMarkdownText(p.s, { before: line, next: nextOnLine(parts, i) }) : p.s
    out += s
    line = p.br ? '' : line + s
  }
  return out
}
