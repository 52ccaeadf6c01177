import MarkdownIt, { type Token } from 'markdown-it'
import { escapeHtml } from './html-escape'

/** What markdown-it would turn into exactly one paragraph of the same text. */
const PLAIN_NOTE = /^ {0,3}[^\s!-/:-@[-`{-~][^\n\r\t!-/:-@[-`{-~]*$/

/** Link schemes a note may keep in an export; anything else shows as its text. */
const SAFE_HREF = /^(https?:|mailto:)/i

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
/** Elements that hold text and take its direction. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'list_item', 'th', 'td'])

let parser: InstanceType<typeof MarkdownIt> | null = null

/** markdown-it with raw HTML off (`<img …>` in a note is text, never a tag), as the reader renders notes. */
function markdown(): InstanceType<typeof MarkdownIt> {
  parser ??= new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true })
  return parser
}

/** The opening tag for a token, and the closing tag to push ('' for a hidden tight-list paragraph). */
function openTag(token: Token): [open: string, close: string] {
  const kind = token.type.slice(0, -'_open'.length)
  if (kind === 'link') {
    const href = String(token.attrGet('href') ?? '').trim()
    if (!SAFE_HREF.test(href)) return ['<span>', '</span>']
    return [`<a href="${escapeHtml(href)}" rel="noopener noreferrer">`, '</a>']
  }
  if (token.hidden) return ['', '']
  const inline = INLINE_TAGS[kind]
  if (inline) return [`<${inline}>`, `</${inline}>`]
  const tag = BLOCK_TAGS[kind] ?? (token.block ? 'div' : 'span')
  let attrs = TEXT_BLOCKS.has(kind) ? ' dir="auto"' : ''
  if (kind === 'heading') attrs += ' class="note-heading"'
  if (kind === 'ordered_list') {
    const start = Number(token.attrGet('start'))
    if (Number.isInteger(start) && start !== 1) attrs += ` start="${start}"`
  }
  return [`<${tag}${attrs}>`, `</${tag}>`]
}

function render(tokens: readonly Token[], stack: string[]): string {
  let out = ''
  for (const token of tokens) {
    if (token.nesting === 1) {
      const [open, close] = openTag(token)
      out += open
      stack.push(close)
    } else if (token.nesting === -1) {
      out += stack.pop() ?? ''
    } else if (token.type === 'inline') {
      out += render(token.children ?? [], stack)
    } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
      out += '<br>'
    } else if (token.type === 'code_inline') {
      out += `<code>${escapeHtml(token.content)}</code>`
    } else if (token.type === 'fence' || token.type === 'code_block') {
      out += `<pre dir="ltr"><code>${escapeHtml(token.content)}</code></pre>`
    } else if (token.type === 'hr') {
      out += '<hr>'
    } else if (token.type === 'image') {
      // Never loaded: the description stands in for it.
      out += escapeHtml(token.content)
    } else if (token.content) {
      // text; html_block/html_inline cannot occur with html off, and would be text anyway.
      out += token.block ? `<p dir="auto">${escapeHtml(token.content)}</p>` : escapeHtml(token.content)
    }
  }
  return out
}

/**
 * A note's Markdown as safe HTML. markdown-it only tokenises (raw HTML off);
 * this builds the HTML from an allow-list of elements (paragraphs, emphasis,
 * strong, strikethrough, code, lists, quotes, tables, links) with every
 * piece of text escaped: `<script>` or `"><img onerror=…>` stay visible
 * text. Links keep only http(s) and mailto targets; images show their
 * description and load nothing.
 */
export function noteHtml(note: string): string {
  // A note of plain words (no ASCII punctuation, one line, not indented) is one paragraph: no parser needed.
  if (PLAIN_NOTE.test(note)) return `<p dir="auto">${escapeHtml(note.replace(/^ +| +$/g, ''))}</p>`
  const stack: string[] = []
  const out = render(markdown().parse(note, {}), stack)
  return out + stack.reverse().join('')
}
