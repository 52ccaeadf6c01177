import type { BlockNode, InlineNode, ListItemNode, Mark } from '../../common/document'
import { heading, isSafeHref, paragraph } from '../../common/document'
import { InlineBuffer, withMark } from './inline-buffer'

/**
 * Elements dropped with everything inside them: code, styling, embedded
 * documents, forms, media and navigation. Nothing in them is article text,
 * and some of it (scripts, SVG, templates) must never reach the reader.
 */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed',
  'applet', 'param', 'svg', 'math', 'canvas', 'form', 'button', 'input', 'select', 'option', 'optgroup',
  'textarea', 'datalist', 'output', 'head', 'title', 'meta', 'link', 'base', 'nav', 'img', 'picture',
  'video', 'audio', 'source', 'track', 'map', 'area', 'dialog', 'portal', 'slot', 'noembed', 'xmp',
  'plaintext', 'rp', 'rt', 'search',
]) // prettier-ignore

/** Containers whose children are blocks: they end the text before them and after them. */
const TRANSPARENT_BLOCKS = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'address',
  'details', 'center', 'dl', 'hgroup', 'fieldset', 'table', 'thead', 'tbody', 'tfoot', 'colgroup', 'col',
  'li', 'menu', 'hr',
]) // prettier-ignore

/** Elements whose content is one paragraph of text. */
const TEXT_BLOCKS = new Set(['p', 'dt', 'dd', 'figcaption', 'caption', 'summary', 'legend'])

const HEADING_LEVEL: Record<string, 1 | 2 | 3> = { h1: 1, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 }

const EM = new Set(['em', 'i', 'cite', 'dfn'])
const STRONG = new Set(['strong', 'b'])

type TextType = { kind: 'paragraph' } | { kind: 'heading'; level: 1 | 2 | 3 }
const PARAGRAPH: TextType = { kind: 'paragraph' }

/** Where blocks go: the document, a blockquote or a list item. */
class Container {
  readonly blocks: BlockNode[] = []
  readonly inline = new InlineBuffer()
  textType: TextType = PARAGRAPH

  /** Ends the text collected so far as one block of the current type. */
  flush(): void {
    if (this.inline.isEmpty) {
      this.inline.take()
      return
    }
    const content = this.inline.take()
    this.blocks.push(
      this.textType.kind === 'heading' ? heading(this.textType.level, content) : paragraph(content),
    )
  }
}

interface ListState {
  items: ListItemNode[]
  /** Content found directly inside `<ul>`/`<ol>` rather than in an `<li>`: it becomes an item of its own. */
  loose: Container
}

interface RowState {
  cells: InlineNode[][]
}

interface Context {
  container: Container
  marks: readonly Mark[]
  preserve: boolean
  list: ListState | null
  row: RowState | null
}

type Frame = { node: Node; ctx: Context } | { exit: () => void }

/** Lower-case local name without a namespace prefix (`xhtml:p` → `p`). */
export function elementName(el: Element): string {
  const name = (el.localName || el.tagName || '').toLowerCase()
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

/**
 * A link's mark, its href made absolute against `base` (the address a page
 * was saved from) when it is relative — `/wiki/…`, `other.html`, `//host/…`
 * — so a saved page keeps the links most sites write; a fragment stays a
 * fragment (it points into the article itself). Without a base (a file on
 * disk) a relative link leads nowhere and only its text is kept.
 */
function linkMark(el: Element, base: URL | null): Mark | null {
  let href = el.getAttribute('href')?.trim()
  if (!href || href.length > 4096) return null
  if (base && !href.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(href)) {
    try {
      href = new URL(href, base).href
    } catch {
      return null
    }
  }
  if (href.length > 4096 || !isSafeHref(href)) return null
  return { type: 'link', attrs: { href } }
}

function addItem(list: ListState, container: Container): void {
  container.flush()
  if (container.blocks.length > 0) list.items.push({ type: 'list_item', content: container.blocks })
}

function flushLoose(list: ListState): void {
  if (list.loose.blocks.length === 0 && list.loose.inline.isEmpty) return
  addItem(list, list.loose)
  list.loose = new Container()
}

/** All inline content of a table cell's blocks, joined by line breaks. */
function cellContent(container: Container): InlineNode[] {
  container.flush()
  const out: InlineNode[] = []
  const visit = (blocks: BlockNode[]): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') {
        if (!block.content) continue
        if (out.length > 0) out.push({ type: 'hard_break' })
        out.push(...block.content)
      } else if (block.type === 'blockquote') visit(block.content)
      else for (const item of block.content) visit(item.content)
    }
  }
  visit(container.blocks)
  return out
}

/**
 * Reduces an HTML (or XHTML) element tree to Hamish's document blocks by a
 * whitelist: paragraphs, headings (h4–h6 become level 3), blockquotes,
 * lists, line breaks, emphasis, strong and links with safe hrefs. Layout
 * elements (div, section, span…) are transparent; scripts, styles, embeds,
 * forms, media and navigation are dropped with their content; no attribute
 * but a safe link href survives. Whitespace is collapsed as a browser would.
 * Used for imported pages and for every EPUB chapter; `base` is the address
 * a saved page came from, against which its relative links are resolved.
 * Walks with an explicit
 * stack, so a hostile page nested 100,000 levels deep cannot overflow it.
 */
export function reduceHtml(root: Node, base: URL | null = null): BlockNode[] {
  const top = new Container()
  const stack: Frame[] = [
    { node: root, ctx: { container: top, marks: [], preserve: false, list: null, row: null } },
  ]

  const enter = (el: Element, ctx: Context): { child: Context; exit?: () => void } | null => {
    const name = elementName(el)
    if (DROPPED.has(name) || el.hasAttribute('hidden')) return null
    const { container } = ctx

    if (name === 'br') {
      container.inline.addBreak()
      return null
    }
    if (EM.has(name)) return { child: { ...ctx, marks: withMark(ctx.marks, { type: 'em' }) } }
    if (STRONG.has(name)) return { child: { ...ctx, marks: withMark(ctx.marks, { type: 'strong' }) } }
    if (name === 'a') {
      const mark = linkMark(el, base)
      return { child: mark ? { ...ctx, marks: withMark(ctx.marks, mark) } : ctx }
    }

    const level = HEADING_LEVEL[name]
    if (level || TEXT_BLOCKS.has(name) || name === 'pre') {
      container.flush()
      const previous = container.textType
      container.textType = level ? { kind: 'heading', level } : PARAGRAPH
      return {
        child: { ...ctx, preserve: ctx.preserve || name === 'pre', list: null },
        exit: () => {
          container.flush()
          container.textType = previous
        },
      }
    }

    if (name === 'blockquote') {
      container.flush()
      const quote = new Container()
      return {
        child: { ...ctx, container: quote, list: null, row: null },
        exit: () => {
          quote.flush()
          if (quote.blocks.length > 0) container.blocks.push({ type: 'blockquote', content: quote.blocks })
        },
      }
    }

    if (name === 'ul' || name === 'ol') {
      container.flush()
      const list: ListState = { items: [], loose: new Container() }
      const start = Number.parseInt(el.getAttribute('start') ?? '', 10)
      const order = Number.isSafeInteger(start) && start >= 0 ? start : 1
      return {
        child: { ...ctx, container: list.loose, list, row: null },
        exit: () => {
          flushLoose(list)
          if (list.items.length === 0) return
          container.blocks.push(
            name === 'ol'
              ? { type: 'ordered_list', attrs: { order }, content: list.items }
              : { type: 'bullet_list', content: list.items },
          )
        },
      }
    }

    if (name === 'li' && ctx.list) {
      const list = ctx.list
      flushLoose(list)
      const item = new Container()
      return {
        child: { ...ctx, container: item, list: null, row: null },
        exit: () => addItem(list, item),
      }
    }

    if (name === 'tr') {
      container.flush()
      const row: RowState = { cells: [] }
      return {
        child: { ...ctx, row, list: null },
        exit: () => {
          const cells = row.cells.filter((c) => c.length > 0)
          cells.forEach((cell, i) => {
            if (i > 0) container.inline.addText(' | ', ctx.marks)
            for (const node of cell) {
              if (node.type === 'hard_break') container.inline.addBreak()
              else container.inline.addText(node.text, node.marks ?? [])
            }
          })
          container.flush()
        },
      }
    }

    if ((name === 'td' || name === 'th') && ctx.row) {
      const row = ctx.row
      const cell = new Container()
      return {
        child: { ...ctx, container: cell, row: null, list: null },
        exit: () => row.cells.push(cellContent(cell)),
      }
    }

    if (TRANSPARENT_BLOCKS.has(name) || name === 'td' || name === 'th' || name === 'tr') {
      container.flush()
      return { child: ctx, exit: () => container.flush() }
    }

    // Any other element (span, small, sub, code, custom elements…): its text flows on.
    return { child: ctx }
  }

  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    if ('exit' in frame) {
      frame.exit()
      continue
    }
    const { node, ctx } = frame
    if (node.nodeType === 3 || node.nodeType === 4) {
      ctx.container.inline.addText(node.nodeValue ?? '', ctx.marks, ctx.preserve)
      continue
    }
    let child = ctx
    if (node.nodeType === 1) {
      const entered = enter(node as Element, ctx)
      if (!entered) continue
      child = entered.child
      if (entered.exit) stack.push({ exit: entered.exit })
    } else if (node.nodeType !== 9 && node.nodeType !== 11) {
      continue // comments, processing instructions, doctypes
    }
    const kids = node.childNodes
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as Node, ctx: child })
  }
  top.flush()
  return top.blocks
}
