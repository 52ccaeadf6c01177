import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { convertInWorker } from '../../../main/import/import-converter'
import { Library } from '../../../main/library/library'
import { servePages, type PageServer } from '../../support/page-server'
import { bundleImportWorker } from '../../support/import-worker-bundle'

// The refusals a fetched page can meet that the importers word for a file: text in no encoding Hamish
// can tell, a broken byte-order mark, markup nested past the limit, and a page too big for the worker.
const ROOT = resolve(__dirname, '../../..')
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')

/** Bytes from 0xC0–0xFF with an ASCII letter every fourth: text in none of the legacy code pages. */
function noEncoding(length: number): Uint8Array {
  let x = 13
  return Uint8Array.from({ length }, (_, i) => {
    x = (x * 1103515245 + 12345) >>> 0
    const b = x >>> 24
    return i % 4 === 3 ? 0x61 + (b % 26) : 0xc0 | (b & 0x3f)
  })
}

let server: PageServer
let workerFile: string
const dirs: string[] = []

beforeAll(async () => {
  const book = readFileSync(BOOK)
  const deep = `<!doctype html><html><body>${'<div>'.repeat(600)}<p>نص عميق جدًا.</p>${'</div>'.repeat(600)}</body></html>`
  server = await servePages({
    '/no-encoding': (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(noEncoding(400)),
    '/broken-bom': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0x28, 0xe1])),
    '/deep': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(deep),
    '/big': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end(Buffer.concat([book, book, book, book])),
  })
  // The worker as the build bundles it, run by a real worker thread (as tests/unit/library/imports-off-main).
  const buildDir = await mkdtemp(join(tmpdir(), 'hamish-page-worker-'))
  dirs.push(buildDir)
  workerFile = await bundleImportWorker(ROOT, buildDir)
})
afterAll(async () => {
  await server.close()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function emptyLibrary(
  options: Parameters<typeof Library.open>[1] = {},
): Promise<{ library: Library; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-page-refusal-'))
  dirs.push(dir)
  return { library: await Library.open(dir, { noSample: true, ...options }), dir }
}

const ar = createTranslator('ar')
/** What speaks of a file the user chose: none of it may reach the refusal of a page. */
const FILE_WORDING_EN =
  /the file (is|starts)|this file|Split it into smaller files|Open it in a text editor|so it was not imported/
const FILE_WORDING_AR = /الملف ليس|يبدأ الملف|هذا الملف|هذا أكبر|افتحه في محرر|قسّمه|فلم يُستورد/

describe('a page refused for what its bytes are is told so as a page, in English and Arabic', () => {
  const cases = [
    [
      '/no-encoding',
      'messages.pageUndecodable',
      /the page is not UTF-8, and Hamish could not tell its encoding/,
      /الصفحة ليست بترميز UTF-8/,
    ],
    [
      '/broken-bom',
      'messages.pageUndecodable',
      /the page starts with a UTF-8 byte-order mark/,
      /تبدأ الصفحة بعلامة ترتيب بايتات UTF-8/,
    ],
    [
      '/deep',
      'messages.pageMarkupTooDeep',
      /the page at this address nests its elements more than 512 levels deep/,
      /في الصفحة على هذا العنوان يتجاوز/,
    ],
  ] as const
  for (const [path, key, english, arabic] of cases)
    it(`${path}: ${key}`, async () => {
      const { library, dir } = await emptyLibrary()
      const before = await readdir(join(dir, 'articles'))
      const outcome = await library.importAddress(`${server.origin}${path}`, { allowPrivate: true })
      expect(outcome.status).toBe('rejected')
      expect(outcome.text?.key).toBe(key)
      expect(outcome.message).toMatch(new RegExp(`^${server.origin}${path}: `))
      expect(outcome.message).toMatch(english)
      expect(outcome.message).toMatch(/nothing was added/)
      expect(outcome.message).not.toMatch(FILE_WORDING_EN)
      const worded = wordText(ar, outcome.text!)
      expect(worded).toMatch(arabic)
      expect(worded).toMatch(/فلم يُضف شيء/)
      expect(worded).not.toMatch(FILE_WORDING_AR)
      expect(library.listArticles()).toEqual([])
      expect(await readdir(join(dir, 'articles'))).toEqual(before)
    })

  it('/big: a page that runs the import worker out of memory', async () => {
    const tiny = convertInWorker(workerFile, { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 })
    const { library, dir } = await emptyLibrary({ convert: tiny })
    const before = await readdir(join(dir, 'articles'))
    const outcome = await library.importAddress(`${server.origin}/big`, { allowPrivate: true })
    expect(outcome.status).toBe('rejected')
    expect(outcome.text?.key).toBe('messages.pageOutOfMemory')
    expect(outcome.message).toMatch(
      new RegExp(
        `^${server.origin}/big: the page at this address is too large or too complex for Hamish to import`,
      ),
    )
    expect(outcome.message).not.toMatch(FILE_WORDING_EN)
    const worded = wordText(ar, outcome.text!)
    expect(worded).toMatch(/الصفحة على هذا العنوان أكبر أو أعقد من أن يستوردها هامش/)
    expect(worded).not.toMatch(FILE_WORDING_AR)
    expect(library.listArticles()).toEqual([])
    expect(await readdir(join(dir, 'articles'))).toEqual(before)
  })
})
