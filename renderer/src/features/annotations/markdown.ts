import MarkdownIt, { type Token } from 'markdown-it'

/** Link schemes a note may open (outside the app); anything else is shown as its text. */
const SAFE_HREF = /^(https?:|mailto:)/i

/** Elements a note may become, by markdown-it's tag name; headings are shown as emphasised paragraphs. */
const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td'])
const INLINE_TAGS = new Set(['strong', 'em', 's'])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

let parser: InstanceType<typeof MarkdownIt> | null = null

/** markdown-it with raw HTML off: `<img …>` in a note is text, never a tag. Made on first use. */
function markdown(): InstanceType<typeof MarkdownIt> {
  parser ??= new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true })
  return parser
}

/** What the rendered note does with a click on one of its links. */
export interface MarkdownOptions {
  /** Opens an http(s)/mailto link outside the app (or nothing, in the preview). */
  openLink?(href: string): void
}

function openTag(token: Token, options: MarkdownOptions): HTMLElement {
  if (token.type === 'link_open') {
    const href = String(token.attrGet('href') ?? '').trim()
    if (!SAFE_HREF.test(href)) return document.createElement('span')
    const a = document.createElement('a')
    a.setAttribute('href', href)
    a.setAttribute('rel', 'noopener noreferrer')
    a.setAttribute('target', '_blank')
    a.title = href
    // Never navigate the window: the link goes to the system browser, or nowhere.
    a.addEventListener('click', (event) => {
      event.preventDefault()
      event.stopPropagation()
      options.openLink?.(href)
    })
    return a
  }
  if (HEADINGS.has(token.tag)) {
    const p = document.createElement('p')
    p.className = 'note-heading'
    return p
  }
  if (token.tag === 'ol') {
    const ol = document.createElement('ol')
    const start = Number(token.attrGet('start'))
    if (Number.isInteger(start) && start !== 1) ol.setAttribute('start', String(start))
    return ol
  }
  if (BLOCK_TAGS.has(token.tag) || INLINE_TAGS.has(token.tag)) return document.createElement(token.tag)
  return document.createElement(token.block ? 'div' : 'span')
}

/**
 * Appends the DOM for a token list: block tokens at the top level, inline
 * tokens inside an `inline` token's children (the same walk, one level down).
 * Opening and closing tokens nest through a stack; every leaf is built from
 * the allow-list or shown as text.
 */
function appendTokens(parent: Node, tokens: Token[], options: MarkdownOptions, block: boolean): void {
  const stack: Node[] = [parent]
  const top = (): Node => stack[stack.length - 1]!
  for (const token of tokens) {
    if (token.nesting === 1) {
      const element = openTag(token, options)
      top().appendChild(element)
      stack.push(element)
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop()
    } else if (token.type === 'inline') {
      appendTokens(top(), token.children ?? [], options, false)
    } else if (token.type === 'fence' || token.type === 'code_block') {
      const pre = document.createElement('pre')
      const code = document.createElement('code')
      code.textContent = token.content
      pre.appendChild(code)
      top().appendChild(pre)
    } else if (token.type === 'code_inline') {
      const code = document.createElement('code')
      code.textContent = token.content
      top().appendChild(code)
    } else if (token.type === 'hr') {
      top().appendChild(document.createElement('hr'))
    } else if (token.type === 'hardbreak') {
      top().appendChild(document.createElement('br'))
    } else if (token.type === 'softbreak') {
      top().appendChild(document.createTextNode('\n'))
    } else if (!block) {
      // Text, and an image's description standing in for it (images are never loaded from a note).
      top().appendChild(document.createTextNode(token.content))
    } else if (token.content) {
      // html_block cannot occur with html: false; any other block leaf shows as text.
      const p = document.createElement('p')
      p.textContent = token.content
      top().appendChild(p)
    }
  }
}

/**
 * A note's Markdown as DOM nodes. markdown-it only tokenizes (with raw HTML
 * off); the nodes are built here with createElement and textContent from an
 * allow-list of elements, so no string from a note is ever parsed as HTML:
 * `<img src=x onerror=…>` stays visible text, `**bold**` becomes <strong>.
 * Links keep only http(s) and mailto targets, open outside the app and never
 * navigate the window; images show their description, never load.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): DocumentFragment {
  const fragment = document.createDocumentFragment()
  appendTokens(fragment, markdown().parse(source, {}), options, true)
  return fragment
}
