import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DocNode } from '../../../common/document'

/** Absolute path of a file in tests/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url))
}

/** A fixture's bytes, as the importers receive them. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)))
}

/** A fixture as UTF-8 text. */
export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8')
}

/** UTF-8 bytes of a string: inline test files. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Every block of a document, nested ones included, in order. */
export function allBlocks(doc: DocNode): DocNode['content'] {
  const out: DocNode['content'] = []
  const visit = (blocks: DocNode['content']): void => {
    for (const block of blocks) {
      out.push(block)
      if (block.type === 'blockquote') visit(block.content)
      if (block.type === 'bullet_list' || block.type === 'ordered_list') {
        for (const item of block.content) visit(item.content)
      }
    }
  }
  visit(doc.content)
  return out
}

/** Catches what `fn` throws, for asserting on HamishError code and message. */
export function thrown(fn: () => unknown): { code?: string; message: string } {
  try {
    fn()
  } catch (err) {
    return err as { code?: string; message: string }
  }
  throw new Error('expected an error')
}
