import type { BlockNode, DocNode, InlineNode } from './document'

/**
 * Separator between two text blocks in an article's plain text. Annotation
 * positions (TextPositionSelector) count in this text, so it must never
 * change once files exist.
 */
export const BLOCK_SEPARATOR = '\n\n'

function inlineText(content: InlineNode[] | undefined): string {
  if (!content) return ''
  let out = ''
  for (const node of content) out += node.type === 'text' ? node.text : '\n'
  return out
}

function collectBlocks(blocks: BlockNode[], out: string[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        out.push(inlineText(block.content))
        break
      case 'blockquote':
        collectBlocks(block.content, out)
        break
      case 'bullet_list':
      case 'ordered_list':
        for (const item of block.content) collectBlocks(item.content, out)
        break
    }
  }
}

/** The text blocks of a document in reading order, each as its plain text. */
export function textBlocks(doc: DocNode): string[] {
  const out: string[] = []
  collectBlocks(doc.content, out)
  return out
}

/**
 * The article's plain text: what search, fingerprints and annotation
 * positions are measured in. Same definition in every process.
 */
export function plainText(doc: DocNode): string {
  return textBlocks(doc).join(BLOCK_SEPARATOR)
}

/** Length in Unicode code points, the unit of TextPositionSelector (not UTF-16 units). */
export function codePointLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}
