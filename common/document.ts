import * as v from 'valibot'

/**
 * The article document, as JSON that prosemirror-model's `Node.fromJSON`
 * accepts with the reader's schema (renderer/src/document/schema.ts). Importers build
 * it, the store keeps it, the reader shows it. Only these node and mark types
 * exist, so nothing an imported page carried (scripts, styles, handlers) can
 * survive into it.
 */
export type Mark =
  { type: 'em' } | { type: 'strong' } | { type: 'link'; attrs: { href: string; title?: string | null } }

export interface TextNode {
  type: 'text'
  text: string
  marks?: Mark[]
}

export interface HardBreakNode {
  type: 'hard_break'
}

export type InlineNode = TextNode | HardBreakNode

export interface ParagraphNode {
  type: 'paragraph'
  content?: InlineNode[]
}

export interface HeadingNode {
  type: 'heading'
  attrs: { level: 1 | 2 | 3 }
  content?: InlineNode[]
}

export interface BlockquoteNode {
  type: 'blockquote'
  content: BlockNode[]
}

export interface ListItemNode {
  type: 'list_item'
  content: BlockNode[]
}

export interface BulletListNode {
  type: 'bullet_list'
  content: ListItemNode[]
}

export interface OrderedListNode {
  type: 'ordered_list'
  attrs?: { order: number }
  content: ListItemNode[]
}

export type TextBlockNode = ParagraphNode | HeadingNode
export type BlockNode = ParagraphNode | HeadingNode | BlockquoteNode | BulletListNode | OrderedListNode

export interface DocNode {
  type: 'doc'
  content: BlockNode[]
}

/** Largest document we accept anywhere (import, bundles): 50 MB of text. */
export const MAX_DOCUMENT_CHARS = 50 * 1024 * 1024

/**
 * Links are kept only when they cannot run code or reach into the app:
 * http(s), mailto and in-document fragments.
 */
export function isSafeHref(href: string): boolean {
  const trimmed = href.trim()
  if (trimmed.startsWith('#')) return true
  return /^(https?:|mailto:)/i.test(trimmed)
}

const markSchema = v.variant('type', [
  v.strictObject({ type: v.literal('em') }),
  v.strictObject({ type: v.literal('strong') }),
  v.strictObject({
    type: v.literal('link'),
    attrs: v.strictObject({
      href: v.pipe(v.string(), v.maxLength(4096), v.check(isSafeHref, 'unsafe link')),
      title: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(1024)))),
    }),
  }),
])

const inlineSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('text'),
    text: v.pipe(v.string(), v.minLength(1)),
    marks: v.optional(v.array(markSchema)),
  }),
  v.strictObject({ type: v.literal('hard_break') }),
])

const inlineContent = v.optional(v.array(inlineSchema))

// Recursive block schema: lazy references break the cycle.
const blockSchema: v.GenericSchema<BlockNode> = v.lazy(() =>
  v.variant('type', [
    v.strictObject({ type: v.literal('paragraph'), content: inlineContent }),
    v.strictObject({
      type: v.literal('heading'),
      attrs: v.strictObject({ level: v.picklist([1, 2, 3]) }),
      content: inlineContent,
    }),
    v.strictObject({ type: v.literal('blockquote'), content: v.pipe(v.array(blockSchema), v.minLength(1)) }),
    v.strictObject({
      type: v.literal('bullet_list'),
      content: v.pipe(v.array(listItemSchema), v.minLength(1)),
    }),
    v.strictObject({
      type: v.literal('ordered_list'),
      attrs: v.optional(v.strictObject({ order: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
      content: v.pipe(v.array(listItemSchema), v.minLength(1)),
    }),
  ]),
) as v.GenericSchema<BlockNode>

const listItemSchema: v.GenericSchema<ListItemNode> = v.lazy(() =>
  v.strictObject({ type: v.literal('list_item'), content: v.pipe(v.array(blockSchema), v.minLength(1)) }),
) as v.GenericSchema<ListItemNode>

/** Runtime schema for a whole document: used on every document that crosses a trust boundary. */
export const docSchema: v.GenericSchema<DocNode> = v.strictObject({
  type: v.literal('doc'),
  content: v.pipe(v.array(blockSchema), v.minLength(1)),
}) as v.GenericSchema<DocNode>

/** Small constructors so importers read as what they build. */
export const text = (value: string, marks?: Mark[]): TextNode =>
  marks && marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }

export const paragraph = (content: InlineNode[]): ParagraphNode =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }

export const heading = (level: 1 | 2 | 3, content: InlineNode[]): HeadingNode =>
  content.length > 0 ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } }
