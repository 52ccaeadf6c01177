import { createServer, type Server } from 'node:http'

/**
 * A loopback server for the baseline pages: the same kind of HTTP delivery
 * the reader gets from the preview server, so the comparison is of rendering,
 * not of transport. Serves a fixed map of path → (type, body).
 */
export async function serveStatic(files: Map<string, { type: string; body: Buffer | string }>): Promise<{
  origin: string
  close(): Promise<void>
}> {
  const server: Server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (!file) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' }).end(file.body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
