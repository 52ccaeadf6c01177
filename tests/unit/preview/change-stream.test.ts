/**
 * The preview's change feed: each tab hears, as server-sent events on
 * `POST /api/events` (token required, as for every call), the changes other
 * tabs made; its own come back only as notices.
 */
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeWire } from '../../../common/contract/wire'
import { downloadExports } from '../../../main/export/export-host'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { createApiService } from '../../../main/library/api-service'
import { Library } from '../../../main/library/library'
import { startPreviewServer, type PreviewServer } from '../../../main/preview/server'

const ROOT = resolve(__dirname, '../../..')
let dir: string
let server: PreviewServer
let articleId: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-feed-'))
  await mkdir(join(dir, 'renderer'))
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>')
  const library = await Library.open(join(dir, 'lib'), {
    sample: {
      name: 'sample.txt',
      bytes: new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt'))),
    },
  })
  articleId = library.listArticles()[0]!.id
  server = await startPreviewServer({
    api: createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf }),
    rendererDir: join(dir, 'renderer'),
    changes: library.changes,
  })
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

/** Opens the stream for tab `client`; collects every `data:` event. */
function listen(client: string, token = server.token): Promise<{ res: IncomingMessage; events: unknown[] }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/events',
        method: 'POST',
        headers: { 'X-Hamish-Token': token, 'X-Hamish-Client': client },
      },
      (res) => {
        const events: unknown[] = []
        let buffer = ''
        res.on('data', (d: Buffer) => {
          buffer += d.toString()
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const line = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)))
          }
        })
        done({ res, events })
      },
    )
    req.on('error', fail)
    req.end()
  })
}

async function callAs(client: string, method: string, ...args: unknown[]): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Hamish-Token': server.token,
      'X-Hamish-Client': client,
    },
    body: encodeWire(args),
  })
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true)
}

describe('the preview change feed', () => {
  it('refuses a stream without the token', async () => {
    const { res } = await listen('tab-aaaaaaaa', 'wrong')
    expect(res.statusCode).toBe(403)
    res.destroy()
  })

  it("tells one tab what another changed, and not a tab's own changes", async () => {
    const a = await listen('tab-aaaaaaaa')
    const b = await listen('tab-bbbbbbbb')
    expect(a.res.headers['content-type']).toMatch(/^text\/event-stream/)
    await callAs('tab-aaaaaaaa', 'renameArticle', articleId, 'عنوان جديد')
    await callAs('tab-bbbbbbbb', 'setArticleTags', articleId, ['سياسة'], [])
    await expect.poll(() => b.events).toEqual([{ kind: 'article-changed', articleId }])
    await expect.poll(() => a.events).toEqual([{ kind: 'article-changed', articleId }])
    a.res.destroy()
    b.res.destroy()
  })
})
