import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiService } from '../../../main/library/api-service'
import { downloadExports } from '../../../main/export/export-host'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { Library } from '../../../main/library/library'
import { startPreviewServer, type PreviewServer } from '../../../main/preview/server'
import { encodeWire, decodeWire } from '../../../common/contract/wire'

let dir: string
let server: PreviewServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-preview-'))
  const renderer = join(dir, 'renderer')
  await mkdir(renderer)
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
  await writeFile(join(dir, 'secret.txt'), 'not for the page')
  const library = await Library.open(join(dir, 'lib'), { noSample: true })
  server = await startPreviewServer({
    api: createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf }),
    rendererDir: renderer,
  })
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so headers such as Host can be forged as an attacker would. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolveReply, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const call = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hamish-Token': server.token, ...headers },
    body: encodeWire(args),
  })

describe('the preview server', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{20,}$`))
  })

  it('serves the renderer with the strict CSP', async () => {
    const reply = await send('/')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect(reply.headers['content-security-policy']).toMatch(/script-src 'self'/)
  })

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/.hidden']) {
      expect((await send(path)).status).toBe(404)
    }
  })

  it('answers a valid call', async () => {
    const reply = await call('listArticles', [])
    expect(decodeWire(reply.body)).toEqual({ ok: true, value: [] })
  })

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await call('listArticles', [], { 'X-Hamish-Token': '' })).status).toBe(403)
    expect((await call('listArticles', [], { 'X-Hamish-Token': 'guess' })).status).toBe(403)
  })

  it('refuses another host name (DNS rebinding) and another origin', async () => {
    expect((await call('listArticles', [], { Host: 'evil.example:80' })).status).toBe(421)
    expect((await call('listArticles', [], { Origin: 'http://evil.example' })).status).toBe(403)
  })

  it('refuses unknown methods and GET on the API', async () => {
    expect((await call('send', [])).status).toBe(404)
    expect((await call('__proto__', [])).status).toBe(404)
    expect((await send('/api/listArticles', { headers: { 'X-Hamish-Token': server.token } })).status).toBe(
      405,
    )
  })

  it('checks arguments against the contract and says what is wrong', async () => {
    const reply = decodeWire((await call('getArticle', [{ id: 1 }])).body) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(reply.ok).toBe(false)
    expect(reply.error.code).toBe('invalid-argument')
    expect(reply.error.message).toMatch(/^getArticle/)
  })

  it('refuses hostile JSON without changing anything', async () => {
    const reply = await send('/api/renameArticle', {
      method: 'POST',
      headers: { 'X-Hamish-Token': server.token },
      body: '[{"__proto__": {"admin": true}}, "x"]',
    })
    expect(reply.status).toBe(400)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('refuses malformed bytes, which a lenient base64 decoder would skip, and adds nothing', async () => {
    const before = (await call('listArticles', [])).body
    for (const b64 of ['QUJD!A==', 'QUJDRA=', 'QU JDRA==', 'QUJD=A==']) {
      const reply = await send('/api/importFile', {
        method: 'POST',
        headers: { 'X-Hamish-Token': server.token },
        body: JSON.stringify([{ name: 'x.txt', bytes: { $bytes: b64 } }]),
      })
      expect(reply.status).toBe(400)
    }
    expect((await call('listArticles', [])).body).toBe(before)
  })

  it('imports bytes sent through the bridge', async () => {
    const bytes = new TextEncoder().encode('عنوان قصير\n\nنص المقالة العربية هنا.\n')
    const reply = decodeWire((await call('importFile', [{ name: 'x.txt', bytes }])).body) as {
      ok: boolean
      value: { status: string }
    }
    expect(reply).toMatchObject({ ok: true, value: { status: 'added' } })
  })
})
