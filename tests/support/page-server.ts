import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How the test server answers one path. */
export type PageRoute = (req: IncomingMessage, res: ServerResponse) => void

/** An http server on 127.0.0.1 only (no traffic leaves the machine), answering the routes given. */
export interface PageServer {
  /** `http://127.0.0.1:PORT` */
  origin: string
  close(): Promise<void>
}

/** Starts a server on a free loopback port; unknown paths answer 404. */
export async function servePages(routes: Record<string, PageRoute>): Promise<PageServer> {
  const sockets = new Set<import('node:net').Socket>()
  const server: Server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname]
    if (route) route(req, res)
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>')
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A port that was free a moment ago and has nothing listening: a refused connection. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
