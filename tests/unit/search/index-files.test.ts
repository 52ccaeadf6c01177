import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { prepareDoc } from '../../../common/search/prepared-doc'
import { SearchEngine } from '../../../common/search/engine'
import { Library } from '../../../main/library/library'
import {
  decodeIndexFile,
  encodeIndexFile,
  isIndexFile,
  type IndexFileV3,
  type IndexFileV4,
} from '../../../main/library/search-index-codec'

const FIXTURES = join(__dirname, '../../fixtures')
const SAMPLE = 'lavrov-shaibani-moscow.ar.txt'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-index-files-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function withSample() {
  const lib = await Library.open(dir, { noSample: true })
  const bytes = new Uint8Array(await readFile(join(FIXTURES, SAMPLE)))
  const article = (await lib.importFile({ name: SAMPLE, bytes })).article!
  const file = join(dir, 'search-index', `${article.id}.json`)
  return { lib, id: article.id, file }
}

describe('search-index files', () => {
  it('are version 4, hold no copy of the text, and decode to what the engine holds', async () => {
    const { lib, id, file } = await withSample()
    const bytes = await readFile(file)
    expect(bytes.every((b) => b >= 0x20 && b < 0x80)).toBe(true)
    const data = JSON.parse(bytes.toString('utf8')) as IndexFileV4
    expect(data.version).toBe(4)
    expect(isIndexFile(id)(data)).toBe(true)
    // Postings only, no stretch of its text (sizes on a real library: bench/search.ts).
    const article = await readFile(join(dir, 'articles', `${id}.json`))
    expect(bytes.length).toBeLessThan(article.length)
    const text = plainText((await lib.getArticle(id)).doc)
    expect(bytes.toString('utf8')).not.toContain(text.slice(100, 110))
    expect(decodeIndexFile(data).text).toBeNull()
    await lib.search('الشيباني', {})
    const held = lib.searchIndex().engine.prepared(id)!
    const engine = new SearchEngine()
    engine.load(decodeIndexFile(data))
    expect(engine.prepared(id)).toBeNull()
    // The text read from the article file later is taken only if it is the one indexed.
    expect(engine.setText(id, `${text} `)).toBe(false)
    expect(engine.setText(id, text)).toBe(true)
    expect(engine.prepared(id)).toEqual(held)
  })

  it('converts a version 1 file from its own text, without reading the article', async () => {
    const { lib, id, file } = await withSample()
    const before = await lib.search('الشيباني', {})
    const text = plainText((await lib.getArticle(id)).doc)
    await writeFile(file, JSON.stringify({ version: 1, id, text, annotations: [] }))
    await rm(join(dir, 'articles'), { recursive: true })
    const reopened = await Library.open(dir, { noSample: true })
    expect(await reopened.search('الشيباني', {})).toEqual(before)
    expect(reopened.searchIndex().rebuilt).toBe(0)
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(5)
    expect(reopened.listNotices()).toEqual([])
  })

  it('rebuilds from the article a file whose parts do not fit together', async () => {
    const { lib, file } = await withSample()
    const before = await lib.search('الشيباني', {})
    const data = JSON.parse(await readFile(file, 'utf8')) as IndexFileV4
    await writeFile(file, JSON.stringify({ ...data, index: data.index.slice(0, 40) }))
    const reopened = await Library.open(dir, { noSample: true })
    expect(await reopened.search('الشيباني', {})).toEqual(before)
    expect(reopened.searchIndex().rebuilt).toBe(1)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(data)
  })

  it('indexes an article again when its file holds another text than the index file says', async () => {
    const { lib, file } = await withSample()
    const before = await lib.search('الشيباني', {})
    const data = JSON.parse(await readFile(file, 'utf8')) as IndexFileV4
    await writeFile(file, JSON.stringify({ ...data, textHash: (data.textHash + 1) >>> 0 }))
    const reopened = await Library.open(dir, { noSample: true })
    expect(await reopened.search('الشيباني', {})).toEqual(before)
    expect(reopened.searchIndex().rebuilt).toBe(1)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(data)
  })

  it('keeps a version 4 file that points past its own text from reaching past it', () => {
    // Its offsets are not checked one by one at load (its checksum stands for them): a query keeps them in range.
    const text = 'كتب قلم كتب'
    const file = encodeIndexFile(prepareDoc({ id: 'a', text, annotations: [] }))
    const engine = new SearchEngine()
    engine.load(decodeIndexFile({ ...file, foldedLength: 8 }), false)
    expect(engine.setText('a', text)).toBe(true)
    const info = [{ id: 'a', title: '', tags: [], trashed: null }]
    expect(engine.search('كتب', info, { wholeWord: true })[0]!.matches.map((m) => m.start)).toEqual([0])
    expect(engine.search('كتب', info)[0]!.matches.map((m) => m.start)).toEqual([0])
  })

  it('refuses a code character outside the code, and bad checkpoints', () => {
    const file: IndexFileV3 = {
      version: 2,
      id: 'a',
      annotations: [],
      units: [0x627, 0x628],
      text: ' !',
      foldedLength: 2,
      checkpoints: '',
      words: ' !',
      postings: Buffer.from([1, 1, 0, 1, 1, 1]).toString('base64'),
    }
    expect(decodeIndexFile(file).text).toBe(' !')
    expect(() => decodeIndexFile({ ...file, text: ' !#' })).toThrow(RangeError)
    expect(() => decodeIndexFile({ ...file, checkpoints: Buffer.from([5, 0]).toString('base64') })).toThrow(
      RangeError,
    )
    expect(() => decodeIndexFile({ ...file, units: [0x627, 0x627] })).toThrow(RangeError)
  })

  it('refuses a file that fits together but points past its own text (it would hang a search)', () => {
    const file: IndexFileV3 = {
      version: 2,
      id: 'a',
      annotations: [],
      units: [0x627, 0x628],
      text: ' !',
      foldedLength: 2,
      checkpoints: '',
      words: ' !',
      postings: Buffer.from([1, 1, 0, 1, 1, 1]).toString('base64'),
    }
    const load = (f: IndexFileV3) => new SearchEngine().load(decodeIndexFile(f))
    expect(() => load(file)).not.toThrow()
    expect(() => load({ ...file, foldedLength: 2 ** 40 })).toThrow(RangeError)
    expect(() => load({ ...file, postings: Buffer.from([1, 1, 0, 1, 1, 5]).toString('base64') })).toThrow(
      RangeError,
    )
    expect(() => load({ ...file, postings: Buffer.from([1, 2, 0, 0, 1, 1, 1]).toString('base64') })).toThrow(
      RangeError,
    )
  })

  it('treats an annotation entry without its note or tags as damaged', async () => {
    const { id, file } = await withSample()
    const data = JSON.parse(await readFile(file, 'utf8')) as IndexFileV3
    const broken = { ...data, annotations: [{ id: 'x', quote: 'الشيباني' }] }
    expect(isIndexFile(id)(broken)).toBe(false)
    expect(isIndexFile(id)({ ...data, annotations: [{ id: 'x', quote: 'q', note: '', tags: [1] }] })).toBe(
      false,
    )
    await writeFile(file, JSON.stringify(broken))
    const reopened = await Library.open(dir, { noSample: true })
    expect((await reopened.search('الشيباني', {})).length).toBe(1)
  })

  it('searches a note as its words, not its Markdown, and reads a version 2 file for its text alone', async () => {
    const { lib, id, file } = await withSample()
    const text = plainText((await lib.getArticle(id)).doc)
    const quote = 'الشيباني'
    const start = [...text.slice(0, text.indexOf(quote))].length
    const note = 'ملاحظة **مهمة** عن [المؤسس](https://example.com/مهمة)'
    const made = await lib.addAnnotation({
      articleId: id,
      start,
      end: start + 8,
      quote,
      color: 'green',
      note,
    })
    const noteHits = async (l: Library, q: string) =>
      (await l.search(q, {})).flatMap((r) => r.matches).filter((m) => m.field === 'note')
    // The snippet shows the words; the syntax and the link's target are not searched.
    const [hit] = await noteHits(lib, 'مهمة عن المؤسس')
    expect(hit).toMatchObject({ annotationId: made.id, text: 'مهمة عن المؤسس' })
    expect(hit!.snippet.before).toBe('ملاحظة ')
    expect(await noteHits(lib, 'example')).toEqual([])
    expect(await noteHits(lib, '**')).toEqual([])

    // The index file holds the text's postings only: annotations are searched from their logs.
    const current = JSON.parse(await readFile(file, 'utf8')) as IndexFileV3
    expect(current.annotations).toEqual([])
    // A version 2 file from before (notes in it, in Markdown) is read for its text; what it
    // says of annotations is not searched — the log's note is, as its words.
    await writeFile(
      file,
      JSON.stringify({
        ...current,
        version: 2,
        annotations: [{ id: made.id, quote, note: 'قديمةمنسية', tags: [] }],
      }),
    )
    await rm(join(dir, 'articles'), { recursive: true })
    const reopened = await Library.open(dir, { noSample: true })
    expect((await noteHits(reopened, 'مهمة عن المؤسس')).map((m) => m.text)).toEqual(['مهمة عن المؤسس'])
    expect(await noteHits(reopened, 'قديمةمنسية')).toEqual([])
    expect(reopened.searchIndex().rebuilt).toBe(0)
  })
})

describe('texts read when a query needs them', () => {
  it('reads every text for a query without a term (a lone high surrogate)', async () => {
    const lib = await Library.open(dir, { noSample: true })
    const outcome = await lib.importFile({
      name: 'astral.txt',
      bytes: new TextEncoder().encode('عنوان\n\nحرف 𝔸 هنا.\n'),
    })
    const id = outcome.article!.id
    const reopened = await Library.open(dir, { noSample: true })
    const [result] = await reopened.search('\ud835', { limitPerArticle: 10 })
    expect(result?.articleId).toBe(id)
    expect(result?.matches.map((m) => m.field)).toEqual(['text'])
  })
})
