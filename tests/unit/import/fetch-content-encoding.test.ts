import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { plainText } from '../../../common/plain-text'
import { fetchPage } from '../../../main/import/fetch-page'
import { importFile } from '../../../main/import/import-file'
import { Library } from '../../../main/library/library'
import { servePages, type PageServer } from '../../support/page-server'

const FIXTURES = join(__dirname, '../../fixtures')
const MB = 1024 * 1024
/** What the bomb unpacks to: ten times the import limit, from about half a megabyte. */
const BOMB_BYTES = 512 * MB
let server: PageServer
let osman: Buffer
let bomb: Buffer
const dirs: string[] = []

/** `size` bytes of spaces, gzipped as they stream (the test never holds the unpacked bytes). */
async function gzippedSpaces(size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 })
  const out: Buffer[] = []
  gzip.on('data', (c: Buffer) => out.push(c))
  const ended = new Promise((resolve) => gzip.on('end', resolve))
  const block = Buffer.alloc(MB, 0x20)
  gzip.write('<!doctype html><p>')
  for (let sent = 0; sent < size; sent += MB)
    if (!gzip.write(block)) await new Promise((resolve) => gzip.once('drain', resolve))
  gzip.end()
  await ended
  return Buffer.concat(out)
}

beforeAll(async () => {
  osman = await readFile(join(FIXTURES, 'arcd-01-osman-i.html'))
  bomb = await gzippedSpaces(BOMB_BYTES)
  const html = { 'content-type': 'text/html; charset=utf-8' }
  server = await servePages({
    '/gzip': (_q, res) => res.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end(gzipSync(osman)),
    '/br': (_q, res) =>
      res.writeHead(200, { ...html, 'content-encoding': 'br' }).end(brotliCompressSync(osman)),
    '/deflate': (_q, res) =>
      res.writeHead(200, { ...html, 'content-encoding': 'deflate' }).end(deflateSync(osman)),
    // Raw deflate under the name deflate, as some servers send it.
    '/raw-deflate': (_q, res) =>
      res.writeHead(200, { ...html, 'content-encoding': 'deflate' }).end(deflateRawSync(osman)),
    // Two codings, applied in the order listed: undone br first, then gzip.
    '/gzip-then-br': (_q, res) =>
      res
        .writeHead(200, { ...html, 'content-encoding': 'gzip, br' })
        .end(brotliCompressSync(gzipSync(osman))),
    // No Content-Type: the unpacked body is sniffed, not the packed one.
    '/gzip-untyped': (_q, res) => res.writeHead(200, { 'content-encoding': 'x-gzip' }).end(gzipSync(osman)),
    '/zstd': (_q, res) => res.writeHead(200, { ...html, 'content-encoding': 'zstd' }).end(osman),
    '/not-gzip': (_q, res) => res.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end(osman),
    '/bomb': (_q, res) => res.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end(bomb),
  })
}, 120_000)
afterAll(async () => {
  await server.close()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function emptyLibrary(): Promise<{ library: Library; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-encoding-'))
  dirs.push(dir)
  return { library: await Library.open(dir, { noSample: true }), dir }
}

describe('a page sent compressed although Hamish asked for none', () => {
  it('is unpacked (gzip, x-gzip, deflate either way, br, two codings) and saved as the page itself', async () => {
    const expected = plainText(importFile('arcd-01-osman-i.html', new Uint8Array(osman)).doc)
    for (const path of ['/gzip', '/br', '/deflate', '/raw-deflate', '/gzip-then-br', '/gzip-untyped']) {
      const page = await fetchPage(`${server.origin}${path}`, { allowPrivate: true })
      expect(Buffer.from(page.bytes).equals(osman), path).toBe(true)
      expect(page.mediaType).toBe('text/html')
    }
    const { library } = await emptyLibrary()
    const saved = await library.importAddress(`${server.origin}/br`, { allowPrivate: true })
    expect(saved.status).toBe('added')
    expect(plainText((await library.getArticle(saved.article!.id)).doc)).toBe(expected)
    const again = await library.importAddress(`${server.origin}/gzip`, { allowPrivate: true })
    expect(again.status).toBe('duplicate')
  })

  it('refuses an encoding it does not know, and a body that is not what its encoding says, in both languages', async () => {
    const { library, dir } = await emptyLibrary()
    const ar = createTranslator('ar')
    const zstd = await library.importAddress(`${server.origin}/zstd`, { allowPrivate: true })
    expect(zstd.status).toBe('rejected')
    expect(zstd.text?.key).toBe('messages.fetchEncoding')
    expect(zstd.message).toBe(
      `${server.origin}/zstd: the server sent the page packed as “zstd”, which Hamish cannot unpack; nothing was added.`,
    )
    expect(wordText(ar, zstd.text!)).toContain('لا يستطيع هامش فكّه')
    const broken = await library.importAddress(`${server.origin}/not-gzip`, { allowPrivate: true })
    expect(broken.status).toBe('rejected')
    expect(broken.text?.key).toBe('messages.fetchBadEncoding')
    expect(broken.message).toContain('packed as gzip, but it could not be unpacked')
    expect(wordText(ar, broken.text!)).toContain('تعذّر فكّها')
    expect(library.listArticles()).toEqual([])
    expect(await readdir(join(dir, 'articles'))).toEqual([])
  })

  it('stops a small packed body that unpacks past the limit at the limit, without unpacking the rest', async () => {
    expect(bomb.byteLength).toBeLessThan(MB)
    const { library, dir } = await emptyLibrary()
    const start = process.memoryUsage().arrayBuffers
    let peak = start
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers)
    }, 5)
    try {
      const outcome = await library.importAddress(`${server.origin}/bomb`, { allowPrivate: true })
      expect(outcome.status).toBe('rejected')
      expect(outcome.text?.key).toBe('messages.fetchTooLarge')
      expect(outcome.message).toContain('larger than 50 MB')
    } finally {
      clearInterval(sampler)
    }
    peak = Math.max(peak, process.memoryUsage().arrayBuffers)
    // Held at most the 50 MB read before the limit (and a copy of it), never the 512 MB it unpacks to.
    expect(peak - start).toBeLessThan(200 * MB)
    expect(await readdir(join(dir, 'articles'))).toEqual([])
  })
})
