import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { convertInWorker } from '../../../main/import/import-converter'
import { Library } from '../../../main/library/library'
import { snapshotDir } from '../../support/library-dir'

const ROOT = resolve(__dirname, '../../..')
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
const book = new Uint8Array(readFileSync(BOOK))
const sampleBytes = new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt')))
const utf8 = (s: string) => new TextEncoder().encode(s)

/** The book four times over (5.9 MB): long enough to convert that a cancel arrives while the worker works. */
function bigBook(): Uint8Array {
  const out = new Uint8Array(book.length * 4)
  for (let i = 0; i < 4; i++) out.set(book, i * book.length)
  return out
}

let workerFile: string
let buildDir: string
let dir: string

beforeAll(async () => {
  // The worker as the build bundles it (electron.vite.config.ts's import-worker entry), run by real worker threads.
  buildDir = await mkdtemp(join(tmpdir(), 'hamish-import-worker-'))
  workerFile = join(buildDir, 'import-worker.cjs')
  await build({
    entryPoints: [join(ROOT, 'main/import/import-worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As electron-vite's CommonJS build does: the worker finds its page threads beside itself by import.meta.url.
    banner: { js: "const __hamishModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__hamishModuleUrl' },
    logLevel: 'silent',
  })
})
afterAll(async () => {
  await rm(buildDir, { recursive: true, force: true })
})
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-imports-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = () => Library.open(dir, { noSample: true, convert: convertInWorker(workerFile) })

describe('an import converted in a worker thread', () => {
  it('lands as the same article, searchable, as one converted in process', async () => {
    const library = await open()
    const outcome = await library.importFile({ name: 'book.txt', bytes: book })
    expect(outcome.status).toBe('added')
    const inProcessDir = await mkdtemp(join(tmpdir(), 'hamish-imports-in-process-'))
    try {
      const inProcess = await Library.open(inProcessDir, { noSample: true })
      const expected = await inProcess.importFile({ name: 'book.txt', bytes: book })
      const { id: _a, added: _b, ...got } = outcome.article!
      const { id: _c, added: _d, ...want } = expected.article!
      expect(got).toEqual(want)
      const article = await library.getArticle(outcome.article!.id)
      const reference = await inProcess.getArticle(expected.article!.id)
      expect(article.doc).toEqual(reference.doc)
      const [hits] = await library.search('الدنيا', {})
      const [referenceHits] = await inProcess.search('الدنيا', {})
      expect(hits!.matches.length).toBeGreaterThan(0)
      expect(hits!.matches.length).toBe(referenceHits!.matches.length)
    } finally {
      await rm(inProcessDir, { recursive: true, force: true })
    }
  })

  it('refuses a bad file with the importer’s reason and writes nothing', async () => {
    const library = await open()
    const before = await snapshotDir(dir)
    const outcome = await library.importFile({
      name: 'photo.txt',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    })
    expect(outcome.status).toBe('rejected')
    expect(outcome.message).toMatch(/^photo\.txt: /)
    expect(await snapshotDir(dir)).toEqual(before)
  })
})

describe('a worker that runs out of memory', () => {
  it('refuses the file by name as too large or complex, not as an internal error, and writes nothing', async () => {
    // The real worker with a heap far too small for the real book: V8 stops it with ERR_WORKER_OUT_OF_MEMORY.
    const tiny = convertInWorker(workerFile, { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 })
    const library = await Library.open(dir, { noSample: true, convert: tiny })
    const before = await snapshotDir(dir)
    const outcome = await library.importFile({ name: 'big.txt', bytes: bigBook() })
    expect(outcome.status).toBe('rejected')
    expect(outcome.text).toEqual({ key: 'messages.importOutOfMemory', values: { name: 'big.txt' } })
    expect(outcome.message).toMatch(/^big\.txt: too large or too complex for Hamish to import/)
    expect(await snapshotDir(dir)).toEqual(before)
    expect(library.listArticles()).toEqual([])
  })
})

describe('cancelling an import', () => {
  it('while the worker converts leaves every library file byte-identical', async () => {
    const library = await open()
    await library.importFile({ name: 'sample.txt', bytes: sampleBytes })
    const before = await snapshotDir(dir)
    const [ticket] = await library.planImports([{ name: 'big.txt', size: 4 * book.length }])
    const importing = library.importFile({ name: 'big.txt', bytes: bigBook(), ticket })
    await new Promise((r) => setTimeout(r, 50))
    await library.cancelImports([ticket!])
    const outcome = await importing
    expect(outcome.status).toBe('cancelled')
    expect(outcome.article).toBeNull()
    expect(outcome.text?.key).toBe('messages.importCancelled')
    expect(library.listArticles()).toHaveLength(1)
    expect(await snapshotDir(dir)).toEqual(before)
  })

  it('before the file arrives refuses it when it does, writing nothing', async () => {
    const library = await open()
    const before = await snapshotDir(dir)
    const tickets = await library.planImports([
      { name: 'a.txt', size: 10 },
      { name: 'b.txt', size: 10 },
    ])
    await library.cancelImports(tickets)
    const outcome = await library.importFile({
      name: 'a.txt',
      bytes: utf8('A short article.'),
      ticket: tickets[0],
    })
    expect(outcome.status).toBe('cancelled')
    expect(await snapshotDir(dir)).toEqual(before)
    expect(library.listArticles()).toEqual([])
  })
})

describe('imports left unfinished when the window closed', () => {
  it('are listed at the next open, and only those', async () => {
    const library = await open()
    const tickets = await library.planImports([
      { name: 'first.txt', size: 16 },
      { name: 'الثاني.md', size: 20 },
      { name: 'third.epub', size: 30 },
    ])
    // The list is on disk before the first file is sent.
    const listed = JSON.parse(await readFile(join(dir, 'unfinished-imports.json'), 'utf8'))
    expect(listed.files.map((f: { name: string }) => f.name)).toEqual([
      'first.txt',
      'الثاني.md',
      'third.epub',
    ])
    const first = await library.importFile({
      name: 'first.txt',
      bytes: utf8('The first article.'),
      ticket: tickets[0],
    })
    expect(first.status).toBe('added')
    // The window closes here: the library is never told about the other two.
    const reopened = await open()
    expect(reopened.listUnfinishedImports()).toEqual([
      { name: 'الثاني.md', size: 20 },
      { name: 'third.epub', size: 30 },
    ])
    await reopened.dismissUnfinishedImports()
    expect(reopened.listUnfinishedImports()).toEqual([])
    expect((await open()).listUnfinishedImports()).toEqual([])
  })

  it('leave no file behind once every file of the batch landed, whatever its outcome', async () => {
    const library = await open()
    const tickets = await library.planImports([
      { name: 'ok.txt', size: 10 },
      { name: 'bad.xyz', size: 10 },
    ])
    await library.importFile({ name: 'ok.txt', bytes: utf8('An article.'), ticket: tickets[0] })
    // A type Hamish does not read (this was .pdf before PDF import; this file's worker bundle is CommonJS, where pdf.js cannot load).
    await library.importFile({ name: 'bad.xyz', bytes: utf8('%PDF'), ticket: tickets[1] })
    expect(Object.keys(await snapshotDir(dir))).not.toContain('unfinished-imports.json')
    expect((await open()).listUnfinishedImports()).toEqual([])
  })

  it('a damaged list opens as nothing left over', async () => {
    await open()
    await writeFile(join(dir, 'unfinished-imports.json'), '{"version":1,"files":[{"name":')
    const library = await open()
    expect(library.listUnfinishedImports()).toEqual([])
    expect(
      plainText(
        (
          await library.getArticle(
            (await library.importFile({ name: 'x.txt', bytes: utf8('Text.') })).article!.id,
          )
        ).doc,
      ),
    ).toBe('Text.')
  })
})
