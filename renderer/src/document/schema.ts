import { Schema, type DOMOutputSpec, type Node as PMNode } from 'prosemirror-model'
import { firstStrongOfNode } from './text-direction'

/** `dir` for a container block: its first letter's direction, or inherited (see text-direction.ts). */
const containerDir = (node: PMNode): { dir?: string } => {
  const dir = firstStrongOfNode(node)
  return dir ? { dir } : {}
}

/**
 * `dir` for a paragraph or heading: `auto`, so it takes its first letter's
 * direction, when it has a letter; none otherwise, so a line of digits and
 * punctuation (a date, "2024-03-05") follows the article's direction
 * instead of the left-to-right `auto` falls back to.
 */
const textDir = (node: PMNode): { dir?: string } => (firstStrongOfNode(node) ? { dir: 'auto' } : {})

/**
 * The reader's ProseMirror schema: exactly the nodes and marks of
 * common/document.ts, so `Node.fromJSON(schema, article.doc)` accepts every
 * stored article and nothing else. Text blocks with a letter render with
 * `dir="auto"` so a Latin paragraph in an Arabic article (or the reverse)
 * lays out in its own direction; those without inherit the article's. `parseDOM` rules exist for copy and paste between views only.
 */
export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }],
      toDOM: (node): DOMOutputSpec => ['p', textDir(node), 0],
    },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 1, validate: (v: unknown) => v === 1 || v === 2 || v === 3 } },
      defining: true,
      parseDOM: [
        { tag: 'h1', attrs: { level: 1 } },
        { tag: 'h2', attrs: { level: 2 } },
        { tag: 'h3', attrs: { level: 3 } },
      ],
      toDOM: (node): DOMOutputSpec => [`h${node.attrs.level as number}`, textDir(node), 0],
    },
    blockquote: {
      group: 'block',
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: (node): DOMOutputSpec => ['blockquote', containerDir(node), 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: (node): DOMOutputSpec => ['ul', containerDir(node), 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { order: { default: 1, validate: 'number' } },
      parseDOM: [
        {
          tag: 'ol',
          getAttrs: (dom: HTMLElement) => ({
            order: dom.hasAttribute('start') ? Number(dom.getAttribute('start')) : 1,
          }),
        },
      ],
      toDOM: (node): DOMOutputSpec => {
        const order = node.attrs.order as number
        return ['ol', { ...containerDir(node), ...(order === 1 ? {} : { start: String(order) }) }, 0]
      },
    },
    list_item: {
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (node): DOMOutputSpec => ['li', containerDir(node), 0],
    },
    text: { group: 'inline' },
    hard_break: {
      group: 'inline',
      inline: true,
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: (): DOMOutputSpec => ['br'],
      leafText: () => '\n',
    },
  },
  marks: {
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
    },
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
      toDOM: (): DOMOutputSpec => ['strong', 0],
    },
    link: {
      attrs: { href: { validate: 'string' }, title: { default: null } },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom: HTMLElement) => ({
            href: dom.getAttribute('href'),
            title: dom.getAttribute('title'),
          }),
        },
      ],
      // Clicks are intercepted by the reader (reader/link-clicks.ts); rel keeps any escape route inert.
      toDOM: (mark): DOMOutputSpec => [
        'a',
        {
          href: mark.attrs.href as string,
          title: (mark.attrs.title as string | null) ?? undefined,
          rel: 'noopener noreferrer',
          target: '_blank',
        },
        0,
      ],
    },
  },
})
