import type { ArticleMeta } from '../article-meta'
import { literalPerson, metaText } from './meta-values'

/** How far into a text its header may be: Shamela's comes in its first lines. */
const HEADER_LINES = 15

/**
 * What the header of a book exported by al-Maktaba al-Shamela says: the
 * lines `الكتاب : …`, `المؤلف : …`, `الناشر : …`, `الطبعة : …` near its start
 * (after «تم إعداد هذا الملف آليا بواسطة المكتبة الشاملة»). Only a text that
 * carries that line or at least the book's and author's lines is read, so an
 * ordinary text that happens to start «الناشر :» is not taken for a book.
 * The author is kept as written (its death date too, as Shamela gives it).
 */
export function shamelaMeta(text: string): ArticleMeta {
  const header = shamelaHeader(text)
  if (!header) return {}
  const { field, author } = header
  const edition = field('الطبعة')
  const person = literalPerson(author)
  return {
    ...(person && { authors: [person] }),
    publisher: field('الناشر'),
    // The edition line often holds the year: «الأولى، 1420 هـ - 1999 م» gives 1999 (the Gregorian one).
    published: edition ? gregorianYear(edition) : undefined,
    kind: 'book',
  }
}

/**
 * The book's title from a Shamela header's `الكتاب :` line, or undefined for
 * any other text. The importer prefers it to the file's first line, which in
 * a Shamela book is the boilerplate «تم إعداد هذا الملف آليا…», not a title.
 */
export function shamelaTitle(text: string): string | undefined {
  return shamelaHeader(text)?.book
}

/** The header's fields, once it is known to be a Shamela book's (see shamelaMeta); null otherwise. */
function shamelaHeader(
  text: string,
): { book: string; author: string | undefined; field: (label: string) => string | undefined } | null {
  const lines = text.slice(0, 8000).split(/\r?\n/).slice(0, HEADER_LINES)
  const field = (label: string): string | undefined => {
    const re = new RegExp(`^\\s*${label}\\s*:\\s*(.+)$`)
    for (const line of lines) {
      const m = re.exec(line)
      if (m) return metaText(m[1])
    }
    return undefined
  }
  const book = field('الكتاب')
  const author = field('المؤلف')
  const fromShamela = lines.some((l) => l.includes('المكتبة الشاملة'))
  if (!book || (!author && !fromShamela)) return null
  return { book, author, field }
}

/** The Gregorian year an edition line names («… 1999 م»), or nothing. */
function gregorianYear(edition: string): [number] | undefined {
  const m = /(\d{4})\s*م/.exec(edition.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)))
  return m ? [Number(m[1])] : undefined
}
