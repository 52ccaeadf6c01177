import type { ImportedArticle } from '../../common/article'
import type { BlockNode } from '../../common/document'
import { paragraph } from '../../common/document'
import { decodeText } from './decode-text'
import type { ArticleDraft } from './finish-article'
import { finishArticle } from './finish-article'
import { shamelaMeta, shamelaTitle } from '../../common/meta/shamela-meta'
import { InlineBuffer } from './inline-buffer'
import { isoDate } from './iso-date'
import { isTitleLine } from './title'
import { mayBeTitle } from '../../common/title-candidates'

/** `date 2025-12-24` (or `date: 2025-12-24`) at the very start of a file, possibly followed by text on the same line. */
const DATE_HEADER = /^\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)/i

const isBlankLine = (line: string): boolean => line.trim() === ''

function paragraphOf(lines: string[]): BlockNode | null {
  const buffer = new InlineBuffer()
  lines.forEach((line, i) => {
    if (i > 0) buffer.addBreak()
    buffer.addText(line)
  })
  return buffer.isEmpty ? null : paragraph(buffer.take())
}

/**
 * Reads plain text as an article.
 * - A leading `date YYYY-MM-DD` becomes the date and leaves the body.
 * - A short first line (≤ 120 characters, not ending in . : ، , ; ؛ …)
 *   followed by more text becomes the title and leaves the body; the reader
 *   shows the title on its own. Otherwise the title is made from the first
 *   sentence later (`deriveTitle`) and all text stays. A first line that is
 *   a data row (Tanzil's `1|1|بسم الله…`) or a generator's line (Shamela's
 *   «تم إعداد هذا الملف آليا…») is never the title and stays in the body
 *   (`mayBeTitle`). A Shamela book's `الكتاب :` header line gives the title.
 * - Paragraphs: when the body has blank lines, each blank-line-separated
 *   block is a paragraph and single newlines in it are hard breaks; when it
 *   has none (one paragraph per line, as in the Tashkeela books), each line
 *   is a paragraph.
 * - Spaces and tabs inside a line collapse to one space, as in HTML, so a
 *   .txt and an .html copy of one article give the same plain text.
 */
export function textToDraft(text: string): ArticleDraft {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  let start = 0
  const skipBlank = (): void => {
    while (start < lines.length && isBlankLine(lines[start] as string)) start++
  }
  skipBlank()

  let date: string | null = null
  const dateMatch = DATE_HEADER.exec(lines[start] ?? '')
  if (dateMatch) {
    date = isoDate(dateMatch[1])
    if (date) {
      const rest = (lines[start] as string).slice(dateMatch[0].length)
      if (isBlankLine(rest)) start++
      else lines[start] = rest
      skipBlank()
    }
  }

  let title: string | null = null
  const first = lines[start] ?? ''
  const next = lines.slice(start + 1).find((l) => !isBlankLine(l))
  if (next !== undefined && isTitleLine(first) && mayBeTitle(first, next)) {
    title = first.trim()
    start++
    skipBlank()
  }

  const body = lines.slice(start)
  let end = body.length
  while (end > 0 && isBlankLine(body[end - 1] as string)) end--
  const bodyLines = body.slice(0, end)
  const blocks: BlockNode[] = []
  if (bodyLines.some(isBlankLine)) {
    let group: string[] = []
    for (const line of [...bodyLines, '']) {
      if (!isBlankLine(line)) {
        group.push(line)
        continue
      }
      const block = group.length > 0 ? paragraphOf(group) : null
      if (block) blocks.push(block)
      group = []
    }
  } else {
    for (const line of bodyLines) {
      const block = paragraphOf([line])
      if (block) blocks.push(block)
    }
  }
  // A Shamela book names itself in its header; its first line is the library's boilerplate, kept in the body.
  return { blocks, title: shamelaTitle(text) ?? title, date, meta: shamelaMeta(text) }
}

/** Imports a .txt file: decodes it (UTF-8, UTF-16 with BOM, Windows-1256), then `textToDraft`. */
export function importText(bytes: Uint8Array, name: string): ImportedArticle {
  return finishArticle(textToDraft(decodeText(bytes, name)), name)
}
