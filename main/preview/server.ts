import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join, normalize, resolve, sep } from 'node:path'
import { MAX_IMPORT_BYTES } from '../../common/contract/limits'
import { isApiMethod, type HamishApi } from '../../common/contract/methods'
import { tooLargeMessage } from '../../common/contract/too-large-text'
import { HamishError, toWireError, type WireResult } from '../../common/errors'
import { dispatchCall } from '../../common/contract/dispatch'
import { encodeWire } from '../../common/contract/wire'
import { CONTENT_SECURITY_POLICY } from '../../common/security'
import { contentTypeOf } from '../../common/content-types'
import type { LibraryChange } from '../../common/library-changes'
import { runWithChangeOrigin } from '../library/change-origin'
import { decodeRequestBody } from './request-body'

/** Header carrying the session token; the renderer's bridge sends it (renderer/src/shell/bridge.ts). */
const TOKEN_HEADER = 'x-hamish-token'
/** Header naming the tab a call comes from, so the change feed does not echo a tab's own changes to it. */
const CLIENT_HEADER = 'x-hamish-client'

/** Base64 of the largest import plus room for the JSON around it. */
const MAX_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024

export interface PreviewServer {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

/**
 * Serves the built renderer and the API on 127.0.0.1 only. The API answers
 * only requests that carry the random token, come to our own host name (no
 * DNS rebinding) and, when the browser says where they come from, from our own
 * origin. Arguments go through the same schemas as Electron's IPC.
 */
export async function startPreviewServer(options: {
  api: HamishApi
  rendererDir: string
  port?: number
  /** The library's change feed: each tab hears, on `POST /api/events`, the changes other tabs made. */
  changes?: { subscribe(listener: (change: LibraryChange, origin: string | null) => void): () => void }
}): Promise<PreviewServer> {
  const token = randomBytes(24).toString('base64url')
  const root = resolve(options.rendererDir)
  let origin = ''
  /** Open change streams, ended when the server closes. */
  const streams = new Set<ServerResponse>()

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toWireError(undefined) })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? ''
    if (host !== origin.slice('http://'.length) && host !== `localhost:${port()}`) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Wrong host')
      return
    }
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length))
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    await serveStatic(res, url.pathname)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST')
      return sendJson(res, 405, failure('forbidden', 'The API takes POST requests only.'))
    const sent = req.headers[TOKEN_HEADER]
    if (typeof sent !== 'string' || !sameSecret(sent, token)) {
      return sendJson(
        res,
        403,
        failure('forbidden', 'Missing or wrong preview token: open the URL the preview printed.'),
      )
    }
    const from = req.headers.origin
    if (from !== undefined && from !== origin && from !== `http://localhost:${port()}`) {
      return sendJson(res, 403, failure('forbidden', 'Requests from other sites are refused.'))
    }
    if (method === 'events') return streamChanges(req, res)
    if (!isApiMethod(method))
      return sendJson(res, 404, failure('not-found', `There is no API method “${method}”.`))
    let args: unknown
    try {
      args = await decodeRequestBody(await readBody(req))
    } catch (err) {
      if (err instanceof HamishError) return sendJson(res, 413, failure(err.code, err.message))
      return sendJson(res, 400, failure('invalid-argument', `${method}: the request body is not valid JSON.`))
    }
    try {
      const client = clientOf(req)
      const value = await (client === null
        ? dispatchCall(options.api, method, args)
        : runWithChangeOrigin(client, () => dispatchCall(options.api, method, args)))
      sendJson(res, 200, { ok: true, value: value ?? null })
    } catch (err) {
      if (!(err instanceof HamishError)) console.error(`preview: ${method} failed:`, err)
      sendJson(res, 200, { ok: false, error: toWireError(err) })
    }
  }

  /**
   * The change feed as a stream of server-sent events (one `data:` line of
   * JSON per change), for the tab whose client id the request carries:
   * changes that tab made itself are left out, but for new notices. A comment every 20 s keeps
   * the connection open through idle periods.
   */
  function streamChanges(req: IncomingMessage, res: ServerResponse): void {
    if (!options.changes) return sendJson(res, 404, failure('not-found', 'This server has no change feed.'))
    const client = clientOf(req)
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    res.write(': hamish change feed\n\n')
    const unsubscribe = options.changes.subscribe((change, from) => {
      // A tab's own changes are not echoed back, except notices: those it must show whoever caused them.
      if (client !== null && from === client && change.kind !== 'notices-changed') return
      res.write(`data: ${JSON.stringify(change)}\n\n`)
    })
    const heartbeat = setInterval(() => res.write(': still here\n\n'), 20_000)
    heartbeat.unref()
    streams.add(res)
    res.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      streams.delete(res)
    })
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    let rel: string
    try {
      rel = decodeURIComponent(pathname)
    } catch {
      res.writeHead(400).end()
      return
    }
    if (rel === '/' || rel === '') rel = '/index.html'
    const file = normalize(join(root, rel))
    if (!file.startsWith(root + sep) || rel.split('/').some((part) => part.startsWith('.'))) {
      res.writeHead(404).end()
      return
    }
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
      return
    }
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file) ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    })
    createReadStream(file).pipe(res)
  }

  const port = (): number => {
    const address = server.address()
    return typeof address === 'object' && address ? address.port : 0
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  origin = `http://127.0.0.1:${port()}`
  return {
    url: `${origin}/?token=${token}`,
    token,
    port: port(),
    close: () =>
      new Promise<void>((done) => {
        for (const stream of streams) stream.end()
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The tab a request comes from (the bridge's random client id), or null when it names none or a malformed one. */
function clientOf(req: IncomingMessage): string | null {
  const sent = req.headers[CLIENT_HEADER]
  return typeof sent === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(sent) ? sent : null
}

function failure(code: HamishError['code'], message: string): WireResult<never> {
  return { ok: false, error: { code, message } }
}

function sendJson(res: ServerResponse, status: number, body: WireResult<unknown>): void {
  const text = encodeWire(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(text)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) {
      req.destroy()
      throw new HamishError('too-large', tooLargeMessage('The file', size))
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
