import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportFile } from '../common/contract/article-import'
import { plainText } from '../common/plain-text'
import { toAnnotationCollection } from '../common/sharing'
import { Library } from '../main/library/library'
import { SAMPLE_ARTICLE } from '../tests/support/sample-library'
import { makeAnnotations } from './reader-highlights'

const FIXTURES = join(import.meta.dirname, '../tests/fixtures')
const BOOK = join(FIXTURES, 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')

/** A library built for the bench, the article its highlights go to, and that article's plain text. */
export interface BenchLibrary {
  library: Library
  articleId: string
  text: string
}

async function opened(library: Library, articleId: string): Promise<BenchLibrary> {
  return { library, articleId, text: plainText((await library.getArticle(articleId)).doc) }
}

async function imported(library: Library, file: ImportFile): Promise<string> {
  const outcome = await library.importFile(file)
  if (outcome.status !== 'added') throw new Error(`${outcome.name}: ${outcome.message}`)
  return outcome.article!.id
}

/** A new library as the app makes it: the sample article (4.8 KB) alone. */
export async function sampleLibrary(dir: string): Promise<BenchLibrary> {
  const library = await Library.open(dir, { sample: SAMPLE_ARTICLE })
  const sample = library.listArticles().find((a) => a.source === SAMPLE_ARTICLE.name)
  if (!sample) throw new Error('the sample article was not imported')
  return opened(library, sample.id)
}

/**
 * The 1.47 MB book carrying `count` annotations. They come in as a
 * colleague's annotation file (the W3C format's own writer, merged by
 * `importAnnotationFile`): one public call, as fast as building it gets, and
 * blind to how the library stores annotations, which is about to change.
 */
export async function bookLibrary(dir: string, count: number): Promise<BenchLibrary> {
  const library = await Library.open(dir, { noSample: true })
  const id = await imported(library, { name: 'adab.txt', bytes: new Uint8Array(await readFile(BOOK)) })
  const summary = library.listArticles().find((a) => a.id === id)!
  const { text } = await opened(library, id)
  const collection = toAnnotationCollection({
    article: summary,
    annotations: makeAnnotations(text, count),
    generator: 'Hamish bench',
    exportedAt: '2026-01-02T00:00:00.000Z',
  })
  const result = await library.importAnnotationFile({
    name: 'colleague.hamish.json',
    bytes: new TextEncoder().encode(JSON.stringify(collection)),
    articleId: id,
  })
  if (result.status !== 'imported' || result.report.added.length !== count)
    throw new Error(`the ${count} annotations were not imported: ${JSON.stringify(result).slice(0, 300)}`)
  return opened(library, id)
}

/** The small article number `n` of a generated library: a numbered title and 3,000 characters of the book. */
function smallArticle(book: string, n: number): ImportFile {
  const from = (n * 3_511) % (book.length - 3_000)
  const text = `مقالة رقم ${n + 1}: من أدب الدنيا والدين\n\n${book.slice(from, from + 3_000)}\n`
  return { name: `article-${n + 1}.txt`, bytes: new TextEncoder().encode(text) }
}

/** The article of a generated library its highlights go to: the same text whatever the library's size. */
const ANNOTATED = 5

/**
 * `count` small Arabic articles (about the sample's size), each imported
 * through `importFile`, four at a time (imports overlap their article and
 * index writes; library.json takes them in turn).
 */
export async function smallArticlesLibrary(dir: string, count: number): Promise<BenchLibrary> {
  const library = await Library.open(dir, { noSample: true })
  const book = await readFile(BOOK, 'utf8')
  const ids: string[] = []
  let next = 0
  const importer = async (): Promise<void> => {
    while (next < count) {
      const n = next++
      ids[n] = await imported(library, smallArticle(book, n))
    }
  }
  await Promise.all(Array.from({ length: 4 }, importer))
  return opened(library, ids[Math.min(ANNOTATED, count - 1)]!)
}
