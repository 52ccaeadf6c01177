import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../../common/contract/article-import'
import { dispatchCall } from '../../../common/contract/dispatch'
import type { HamishApi } from '../../../common/contract/methods'
import { downloadExports } from '../../../main/export/export-host'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { createApiService } from '../../../main/library/api-service'
import { Library } from '../../../main/library/library'
import { servePages, type PageServer } from '../../support/page-server'

let server: PageServer
let dir: string
let api: HamishApi
let library: Library
const held: { end(): void }[] = []
const PAGE =
  '<html lang="ar" dir="rtl"><title>صفحة</title><body><h1>صفحة محفوظة</h1><p>نص المقالة من العنوان.</p></body></html>'

beforeAll(async () => {
  server = await servePages({
    '/page': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
    '/hang': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<p>')
      held.push(res)
    },
  })
  dir = await mkdtemp(join(tmpdir(), 'hamish-address-api-'))
  library = await Library.open(dir, { noSample: true })
  api = createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf })
})
afterAll(async () => {
  for (const res of held) res.end()
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

const call = (args: unknown[]): Promise<ImportOutcome> =>
  dispatchCall(api, 'importAddress', args) as Promise<ImportOutcome>

describe('importAddress over the contract', () => {
  it('asks first for a loopback address, then saves it once confirmed', async () => {
    const address = `${server.origin}/page`
    const asked = await call([{ address, allowPrivate: false }])
    expect(asked.status).toBe('rejected')
    expect(asked.text?.key).toBe('messages.privateAddress')
    const saved = await call([{ address, allowPrivate: true }])
    expect(saved.status).toBe('added')
    expect(saved.article?.source).toBe(address)
    expect(typeof saved.article?.fetched).toBe('string')
  })

  it('refuses a malformed call before anything is fetched', async () => {
    await expect(call([{ address: '', allowPrivate: true }])).rejects.toThrow(/importAddress/)
    await expect(call([{ address: 'x'.repeat(5000), allowPrivate: true }])).rejects.toThrow(/importAddress/)
    await expect(call([{ address: `${server.origin}/page`, allowPrivate: 'yes' }])).rejects.toThrow(
      /importAddress/,
    )
  })

  it('is cancelled by its ticket like a file import, and stores nothing', async () => {
    const before = library.listArticles().length
    const [ticket] = await api.planImports([{ name: `${server.origin}/hang`, size: 0 }])
    const running = call([{ address: `${server.origin}/hang`, allowPrivate: true, ticket }])
    // Cancel once the server holds the request open (its response is in `held`).
    while (held.length === 0) await new Promise((r) => setImmediate(r))
    await api.cancelImports([ticket!])
    const outcome = await running
    expect(outcome.status).toBe('cancelled')
    expect(library.listArticles()).toHaveLength(before)
    expect(await api.listUnfinishedImports()).toEqual([])
  })
})
