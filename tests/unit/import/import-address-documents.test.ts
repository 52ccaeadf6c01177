import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { plainText } from '../../../common/plain-text'
import { importFileWithNotes } from '../../../main/import/import-file'
import { Library } from '../../../main/library/library'
import { servePages, type PageServer } from '../../support/page-server'

const FIXTURES = join(__dirname, '../../fixtures')
const PDF_TYPE = 'application/pdf'
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
let server: PageServer
let pdf: Buffer
let epub: Buffer
let docx: Buffer
const dirs: string[] = []

async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

async function emptyLibrary(): Promise<{ library: Library; dir: string }> {
  const dir = await temporaryDir('hamish-address-doc-')
  return { library: await Library.open(dir, { noSample: true }), dir }
}

/** A right-to-left DOCX made by Pandoc from Markdown, as a colleague's draft would come. */
async function pandocDocx(): Promise<Buffer> {
  const work = await temporaryDir('hamish-address-docx-')
  await writeFile(
    join(work, 'draft.md'),
    '---\ntitle: مسودة البحث\nlang: ar\ndir: rtl\n---\n\n# المقدمة\n\nهذه فقرة أولى من مسودة أرسلها زميل.\n\nوهذه فقرة ثانية فيها **نص غامق** وتمتد قليلًا.\n',
  )
  execFileSync('pandoc', ['draft.md', '-o', 'draft.docx'], { cwd: work })
  return readFile(join(work, 'draft.docx'))
}

beforeAll(async () => {
  pdf = await readFile(join(FIXTURES, 'pdf/Documentation-Arabic.pdf'))
  epub = await readFile(join(FIXTURES, 'regime-anticancer-arabic.epub'))
  docx = await pandocDocx()
  server = await servePages({
    '/x.pdf': (_q, res) => res.writeHead(200, { 'content-type': PDF_TYPE }).end(pdf),
    // A server that calls the PDF something else: its signature tells.
    '/as-octets': (_q, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(pdf),
    '/as-html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(pdf),
    '/untyped': (_q, res) => res.writeHead(200).end(pdf),
    '/download': (_q, res) =>
      res
        .writeHead(200, {
          'content-type': PDF_TYPE,
          'content-disposition': `attachment; filename="fallback.pdf"; filename*=UTF-8''%D8%AF%D9%84%D9%8A%D9%84%20%D8%A3%D9%85%D9%8A%D8%B1%D9%8A.pdf`,
        })
        .end(pdf),
    // A name that climbs out of folders and hides its real extension behind a right-to-left override.
    '/sneaky': (_q, res) =>
      res
        .writeHead(200, {
          'content-type': PDF_TYPE,
          'content-disposition': `attachment; filename*=UTF-8''..%2F..%2Fevil%E2%80%AEfdp.exe`,
        })
        .end(pdf),
    '/to-pdf': (_q, res) => res.writeHead(302, { location: '/x.pdf' }).end(),
    '/draft': (_q, res) => res.writeHead(200, { 'content-type': DOCX_TYPE }).end(docx),
    '/book.epub': (_q, res) => res.writeHead(200, { 'content-type': 'application/epub+zip' }).end(epub),
    '/broken.pdf': (_q, res) => res.writeHead(200, { 'content-type': PDF_TYPE }).end('%PDF-1.7\n'),
    '/image': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'image/png' })
        .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
  })
})
afterAll(async () => {
  await server.close()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

describe('a document at a web address', () => {
  it('reads a PDF through the PDF importer, with its address, fetch time and redirects, and says so', async () => {
    const { library, dir } = await emptyLibrary()
    const now = new Date('2026-12-07T21:00:00Z')
    const address = `${server.origin}/to-pdf`
    const outcome = await library.importAddress(address, { allowPrivate: true, now: () => now })
    expect(outcome.status).toBe('added')
    expect(outcome.redirects).toEqual([`${server.origin}/x.pdf`])
    expect(outcome.article?.source).toBe(`${server.origin}/x.pdf`)
    expect(outcome.article?.fetched).toBe(now.toISOString())
    const article = await library.getArticle(outcome.article!.id)
    const fromFile = await importFileWithNotes('Documentation-Arabic.pdf', new Uint8Array(pdf))
    expect(plainText(article.doc)).toBe(plainText(fromFile.article.doc))
    // The PDF's page starts are kept, as for a PDF imported from a file.
    const stored = JSON.parse(
      await readFile(join(dir, 'articles', `${outcome.article!.id}.json`), 'utf8'),
    ) as { pdfPages?: unknown[] }
    expect(stored.pdfPages?.length).toBeGreaterThan(1)
    expect(outcome.notes?.[0]?.text.key).toBe('messages.pageHeldPdf')
    expect(outcome.notes?.[0]?.message).toBe(
      `${address}: the address holds a PDF document (x.pdf), so Hamish read it as a PDF.`,
    )
    expect(wordText(createTranslator('ar'), outcome.notes![0]!.text)).toContain('مستند PDF')
  })

  it('knows a PDF by its signature whatever the server calls it, and finds it a duplicate', async () => {
    const { library } = await emptyLibrary()
    const first = await library.importAddress(`${server.origin}/as-octets`, { allowPrivate: true })
    expect(first.status).toBe('added')
    for (const path of ['/as-html', '/untyped', '/x.pdf']) {
      const again = await library.importAddress(`${server.origin}${path}`, { allowPrivate: true })
      expect(again.status).toBe('duplicate')
      expect(again.article?.id).toBe(first.article!.id)
      expect(again.notes?.[0]?.text.key).toBe('messages.pageHeldPdf')
    }
  })

  it('names the file by Content-Disposition, sanitised, while the outcome keeps the address', async () => {
    const { library } = await emptyLibrary()
    const address = `${server.origin}/download`
    const outcome = await library.importAddress(address, { allowPrivate: true })
    expect(outcome.status).toBe('added')
    expect(outcome.name).toBe(address)
    // Held left to right, so that the extension stays at its right end in the report.
    expect(outcome.notes?.[0]?.text.values?.file).toBe('\u2066دليل أميري.pdf\u2069')
    const sneaky = await library.importAddress(`${server.origin}/sneaky`, { allowPrivate: true })
    expect(sneaky.status).toBe('duplicate')
    expect(sneaky.notes?.[0]?.text.values?.file).toBe('evilfdp.exe.pdf')
  })

  it('reads a Word document and an EPUB book through their importers', async () => {
    const { library } = await emptyLibrary()
    const word = await library.importAddress(`${server.origin}/draft`, { allowPrivate: true })
    expect(word.status).toBe('added')
    expect(word.article?.title).toBe('مسودة البحث')
    expect(word.notes?.[0]?.text).toEqual({
      key: 'messages.pageHeldDocx',
      values: { name: `${server.origin}/draft`, file: 'draft.docx' },
    })
    const wordText = plainText((await library.getArticle(word.article!.id)).doc)
    expect(wordText).toContain('هذه فقرة أولى من مسودة أرسلها زميل.')
    const book = await library.importAddress(`${server.origin}/book.epub`, { allowPrivate: true })
    expect(book.status).toBe('added')
    expect(book.notes?.[0]?.text.key).toBe('messages.pageHeldEpub')
    const fromFile = await importFileWithNotes('regime-anticancer-arabic.epub', new Uint8Array(epub))
    expect(plainText((await library.getArticle(book.article!.id)).doc)).toBe(plainText(fromFile.article.doc))
  })

  it('refuses a damaged PDF naming the address, and a type Hamish does not read, storing nothing', async () => {
    const { library, dir } = await emptyLibrary()
    const address = `${server.origin}/broken.pdf`
    const broken = await library.importAddress(address, { allowPrivate: true })
    expect(broken.status).toBe('rejected')
    expect(broken.text?.key).toBe('messages.invalidPdf')
    expect(broken.message.startsWith(`${address}: this is not a readable PDF`)).toBe(true)
    const image = await library.importAddress(`${server.origin}/image`, { allowPrivate: true })
    expect(image.text?.key).toBe('messages.fetchType')
    expect(image.message).toContain('image/png')
    expect(library.listArticles()).toEqual([])
    expect(await readdir(join(dir, 'articles'))).toEqual([])
  })
})
