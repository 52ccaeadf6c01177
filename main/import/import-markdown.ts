import MarkdownIt, { type Token } from 'markdown-it'
import type { ImportedArticle } from '../../common/article'
import type { BlockNode, InlineNode, ListItemNode, Mark } from '../../common/document'
import { heading, isSafeHref, paragraph } from '../../common/document'
import { decodeText } from './decode-text'
import type { ArticleDraft } from './finish-article'
import { finishArticle } from './finish-article'
import { InlineBuffer, withMark } from './inline-buffer'
import { isoDate } from './iso-date'
import { NestingTooDeep } from './markup-depth'
import { dropTitleHeading, inlinePlain, isTitleLine } from './title'

/**
 * How deep quotes and lists may nest, in markdown-it's levels (a quote is
 * one, a list and its item two, the paragraph inside one more): far beyond
 * what an article needs.
 */
export const MAX_MARKDOWN_DEPTH = 128

/**
 * CommonMark plus tables and strikethrough, with raw HTML off (a `<script>`
 * in Markdown stays visible text, never markup) and no autolinking of bare URLs.
 */
const markdown = new MarkdownIt({
  html: false,
  linkify: false,
  typographer: false,
  maxNesting: MAX_MARKDOWN_DEPTH,
})
// markdown-it stops at maxNesting and silently drops everything below that
// level (and, in a list, the rest of the file): a file that reaches it is
// refused instead, with a reason naming the limit.
const tokenizeBlocks = markdown.block.tokenize.bind(markdown.block)
markdown.block.tokenize = (state, startLine, endLine) => {
  if (state.level >= MAX_MARKDOWN_DEPTH && state.skipEmptyLines(startLine) < endLine) {
    throw new NestingTooDeep(MAX_MARKDOWN_DEPTH, 'markdown')
  }
  tokenizeBlocks(state, startLine, endLine)
}
// Parse every link, so that an unsafe one (javascript:, data:, relative)
// loses only its URL: `isSafeHref` below decides, and the link text stays
// text instead of showing the raw `[text](javascript:…)` source.
markdown.validateLink = () => true

export interface FrontMatter {
  title?: string
  date?: string
  lang?: string
  dir?: string
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/

function unquote(raw: string): string {
  const value = raw.trim()
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'"))
    return value.slice(1, -1).replace(/''/g, "'")
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
    return value.slice(1, -1).replace(/\\(["\\])/g, '$1')
  return value.replace(/\s+#.*$/, '')
}

/**
 * Splits YAML front matter (`---` … `---`) from the Markdown body and reads
 * its top-level `title`, `date`, `lang`/`language` and `dir` scalars. Only
 * a block with at least one `key: value` line counts, so a thematic break
 * followed by a setext heading is not mistaken for front matter.
 */
export function splitFrontMatter(source: string): { meta: FrontMatter; body: string } {
  const match = FRONT_MATTER.exec(source)
  if (!match) return { meta: {}, body: source }
  const meta: FrontMatter = {}
  let keys = 0
  for (const line of (match[1] as string).split('\n')) {
    const field = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/.exec(line)
    if (!field) continue
    keys++
    const key = (field[1] as string).toLowerCase()
    const value = unquote(field[2] ?? '')
    if (!value) continue
    if (key === 'title') meta.title = value
    else if (key === 'date') meta.date = value
    else if (key === 'lang' || key === 'language') meta.lang = value
    else if (key === 'dir') meta.dir = value
  }
  return keys > 0 ? { meta, body: source.slice(match[0].length) } : { meta: {}, body: source }
}

type Frame =
  | { kind: 'blocks'; blocks: BlockNode[] }
  | { kind: 'list'; ordered: boolean; order: number; items: ListItemNode[] }

/** Inline tokens to inline nodes: emphasis, strong and safe links as marks; code and image alt text as text. */
function inlineNodes(tokens: Token[], buffer: InlineBuffer): void {
  // The marks in force at each level, each built from the one below: text
  // nested thousands of emphases deep costs one step per token, not one per level.
  const stack: Mark[][] = [[]]
  const marks = (): Mark[] => stack[stack.length - 1]!
  const open = (mark: Mark | null): void => {
    stack.push(mark ? withMark(marks(), mark) : marks())
  }
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        buffer.addText(token.content, marks())
        break
      case 'softbreak':
        buffer.addText(' ', marks())
        break
      case 'hardbreak':
        buffer.addBreak()
        break
      case 'em_open':
        open({ type: 'em' })
        break
      case 'strong_open':
        open({ type: 'strong' })
        break
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '').trim()
        open(href && href.length <= 4096 && isSafeHref(href) ? { type: 'link', attrs: { href } } : null)
        break
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        if (stack.length > 1) stack.pop()
        break
      case 'image': {
        const alt = token.children?.length ? token.children.map((c) => c.content).join('') : token.content
        buffer.addText(alt, marks())
        break
      }
      default:
        break // strikethrough and anything else: the text inside still arrives as text tokens
    }
  }
}

function inlineContent(token: Token | undefined): InlineNode[] {
  const buffer = new InlineBuffer()
  if (token?.children) inlineNodes(token.children, buffer)
  return buffer.take()
}

/** Markdown source to our blocks: headings (h4–h6 as level 3), paragraphs, quotes, lists, code and tables as text. */
export function markdownToBlocks(source: string): BlockNode[] {
  const tokens = markdown.parse(source, {})
  const root: BlockNode[] = []
  const stack: Frame[] = [{ kind: 'blocks', blocks: root }]
  const target = (): BlockNode[] => {
    const top = stack[stack.length - 1] as Frame
    return top.kind === 'blocks' ? top.blocks : root
  }
  let row: InlineNode[][] | null = null

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    switch (token.type) {
      case 'heading_open': {
        const level = Math.min(3, Number(token.tag.slice(1)) || 1) as 1 | 2 | 3
        const content = inlineContent(tokens[++i])
        if (content.length > 0) target().push(heading(level, content))
        break
      }
      case 'paragraph_open': {
        const content = inlineContent(tokens[++i])
        if (content.length > 0) target().push(paragraph(content))
        break
      }
      case 'fence':
      case 'code_block': {
        const buffer = new InlineBuffer()
        buffer.addText(token.content.replace(/\n$/, ''), [], true)
        if (!buffer.isEmpty) target().push(paragraph(buffer.take()))
        break
      }
      case 'blockquote_open':
      case 'list_item_open':
        stack.push({ kind: 'blocks', blocks: [] })
        break
      case 'blockquote_close': {
        const frame = stack.pop() as Frame
        if (frame.kind === 'blocks' && frame.blocks.length > 0)
          target().push({ type: 'blockquote', content: frame.blocks })
        break
      }
      case 'list_item_close': {
        const frame = stack.pop() as Frame
        const list = stack[stack.length - 1]
        if (frame.kind === 'blocks' && frame.blocks.length > 0 && list?.kind === 'list') {
          list.items.push({ type: 'list_item', content: frame.blocks })
        }
        break
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const start = Number(token.attrGet('start') ?? 1)
        stack.push({
          kind: 'list',
          ordered: token.type === 'ordered_list_open',
          order: Number.isSafeInteger(start) && start >= 0 ? start : 1,
          items: [],
        })
        break
      }
      case 'bullet_list_close':
      case 'ordered_list_close': {
        const frame = stack.pop() as Frame
        if (frame.kind !== 'list' || frame.items.length === 0) break
        target().push(
          frame.ordered
            ? { type: 'ordered_list', attrs: { order: frame.order }, content: frame.items }
            : { type: 'bullet_list', content: frame.items },
        )
        break
      }
      case 'tr_open':
        row = []
        break
      case 'th_open':
      case 'td_open':
        row?.push(inlineContent(tokens[++i]))
        break
      case 'tr_close': {
        const buffer = new InlineBuffer()
        ;(row ?? [])
          .filter((cell) => cell.length > 0)
          .forEach((cell, n) => {
            if (n > 0) buffer.addText(' | ')
            for (const node of cell) {
              if (node.type === 'hard_break') buffer.addBreak()
              else buffer.addText(node.text, node.marks ?? [])
            }
          })
        if (!buffer.isEmpty) target().push(paragraph(buffer.take()))
        row = null
        break
      }
      default:
        break // hr, table wrappers: nothing to keep
    }
  }
  return root
}

/**
 * The title rule for Markdown: front matter `title`; else a level-1 heading
 * that opens the document (taken out of the body); else the first level-1
 * heading anywhere (kept in the body); else a short first line followed by
 * more text, as in .txt files (taken out); else none, and one is made from
 * the first sentence.
 */
function markdownTitle(
  blocks: BlockNode[],
  declared: string | undefined,
): { title: string | null; blocks: BlockNode[] } {
  if (declared) return { title: declared, blocks: dropTitleHeading(blocks, declared) }
  const first = blocks[0]
  if (first?.type === 'heading' && first.attrs.level === 1)
    return { title: inlinePlain(first.content), blocks: blocks.slice(1) }
  const h1 = blocks.find((b) => b.type === 'heading' && b.attrs.level === 1)
  if (h1 && h1.type === 'heading') return { title: inlinePlain(h1.content), blocks }
  if (
    first?.type === 'paragraph' &&
    blocks.length > 1 &&
    !first.content?.some((n) => n.type === 'hard_break') &&
    isTitleLine(inlinePlain(first.content))
  ) {
    return { title: inlinePlain(first.content), blocks: blocks.slice(1) }
  }
  return { title: null, blocks }
}

/** Markdown text (already decoded) to a draft article: front matter, blocks, title, date. */
export function markdownToDraft(source: string): ArticleDraft {
  const { meta, body } = splitFrontMatter(source.replace(/\r\n?/g, '\n'))
  const { title, blocks } = markdownTitle(markdownToBlocks(body), meta.title)
  return { blocks, title, date: isoDate(meta.date), lang: meta.lang ?? null, dir: meta.dir ?? null }
}

/** Imports a .md or .markdown file. */
export function importMarkdown(bytes: Uint8Array, name: string): ImportedArticle {
  return finishArticle(markdownToDraft(decodeText(bytes, name)), name)
}
