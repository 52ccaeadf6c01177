import MarkdownIt, { type Token } from 'markdown-it'
import { escapeHtml } from './html-escape'
import { firstStrongDirection } from './text-direction'

/** What markdown-it would turn into exactly one paragraph of the same text. */
export const PLAIN_NOTE = /^ {0,3}[^\s!-/:-@[-`{-~][^\n\r\t!-/:-@[-`{-~]*$/

/** Link schemes a note may keep in an export; anything else shows as its text. */
const SAFE_HREF = /^(https?:|mailto:)/i

/**
 * Whether a note's link stays a link (in the HTML and Markdown exports):
 * `href` as markdown-it gives it (entities decoded, normalised), http(s)
 * or mailto only.
 */
export function isSafeNoteHref(href: string): boolean {
  return SAFE_HREF.test(href.trim())
}

/** The element each block token of a note becomes; headings are shown as emphasised paragraphs. */
const BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  heading: 'p',
  bullet_list: 'ul',
  ordered_list: 'ol',
  list_item: 'li',
  blockquote: 'blockquote',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
}
const INLINE_TAGS: Record<string, string> = { em: 'em', strong: 'strong', s: 's' }

let parser: InstanceType<typeof MarkdownIt> | null = null

/** markdown-it with raw HTML off (`<img …>` in a note is text, never a tag), as the reader renders notes. */
export function markdown(): InstanceType<typeof MarkdownIt> {
  parser ??= new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true })
  return parser
}

/** The opening tag for a token, and the closing tag to push ('' for a hidden tight-list paragraph). */
function openTag(token: Token): [open: string, close: string] {
  const kind = token.type.slice(0, -'_open'.length)
  if (kind === 'link') {
    const href = String(token.attrGet('href') ?? '').trim()
    if (!isSafeNoteHref(href)) return ['<span>', '</span>']
    return [`<a href="${escapeHtml(href)}" rel="noopener noreferrer">`, '</a>']
  }
  if (token.hidden) return ['', '']
  const inline = INLINE_TAGS[kind]
  if (inline) return [`<${inline}>`, `</${inline}>`]
  const tag = BLOCK_TAGS[kind] ?? (token.block ? 'div' : 'span')
  let attrs = kind === 'heading' ? ' class="note-heading"' : ''
  if (kind === 'ordered_list') {
    // markdown-it sets `start` only for a list that does not start at 1.
    const start = Number(token.attrGet('start') ?? 1)
    if (Number.isInteger(start) && start !== 1) attrs += ` start="${start}"`
  }
  return [`<${tag}${attrs}>`, `</${tag}>`]
}

/** Builds a note's HTML, noting the direction of the first letter it shows. */
class NoteWriter {
  dir: 'rtl' | 'ltr' | null = null

  /** Text as it will show: escaped, and its first letter decides the note's direction. */
  text(content: string): string {
    this.dir ??= firstStrongDirection(content)
    return escapeHtml(content)
  }

  /** A text block's words, isolated: a Latin item in a right-to-left list keeps its own order. */
  private isolated(tokens: readonly Token[], stack: string[]): string {
    const inner = this.render(tokens, stack)
    return inner ? `<bdi>${inner}</bdi>` : ''
  }

  render(tokens: readonly Token[], stack: string[]): string {
    let out = ''
    for (const token of tokens) {
      if (token.nesting === 1) {
        const [open, close] = openTag(token)
        out += open
        stack.push(close)
      } else if (token.nesting === -1) {
        out += stack.pop() ?? ''
      } else if (token.type === 'inline') {
        out += this.isolated(token.children ?? [], stack)
      } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
        out += '<br>'
      } else if (token.type === 'code_inline') {
        out += `<code>${this.text(token.content)}</code>`
      } else if (token.type === 'fence' || token.type === 'code_block') {
        out += `<pre dir="ltr"><code>${this.text(token.content)}</code></pre>`
      } else if (token.type === 'hr') {
        out += '<hr>'
      } else if (token.type === 'image') {
        // Never loaded: the description stands in for it.
        out += this.text(token.content)
      } else if (token.content) {
        // text; html_block/html_inline cannot occur with html off, and would be text anyway.
        out += token.block ? `<p><bdi>${this.text(token.content)}</bdi></p>` : this.text(token.content)
      }
    }
    return out
  }
}

/** A note as HTML, and the direction of its first letter (null when it has none). */
export interface RenderedNote {
  html: string
  dir: 'rtl' | 'ltr' | null
}

/**
 * A note's Markdown as safe HTML. markdown-it only tokenises (raw HTML off);
 * this builds the HTML from an allow-list of elements (paragraphs, emphasis,
 * strong, strikethrough, code, lists, quotes, tables, links) with every
 * piece of text escaped: `<script>` or `"><img onerror=…>` stay visible
 * text. Links keep only http(s) and mailto targets; images show their
 * description and load nothing.
 *
 * Direction as in the reader's notes panel, whose note is one `dir="auto"`
 * block: the whole note takes the direction of its first letter (`dir`, for
 * the caller's container), so an Arabic note's list is one right-to-left
 * block, bullets and items on the right. Blocks carry no `dir` of their
 * own; each one's words are a `<bdi>` instead, so a Latin item or paragraph
 * still reads left to right ("second item, ok." keeps its full stop at the
 * end) where it sits.
 */
export function noteHtml(note: string): RenderedNote {
  const writer = new NoteWriter()
  // A note of plain words (no ASCII punctuation, one line, not indented) is one paragraph: no parser needed.
  if (PLAIN_NOTE.test(note)) {
    const html = `<p><bdi>${writer.text(note.replace(/^ +| +$/g, ''))}</bdi></p>`
    return { html, dir: writer.dir }
  }
  const stack: string[] = []
  const html = writer.render(markdown().parse(note, {}), stack)
  return { html: html + stack.reverse().join(''), dir: writer.dir }
}
