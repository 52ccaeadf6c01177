import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { connectionFailure } from '../../../main/import/connection-failure'
import { fetchPage } from '../../../main/import/fetch-page'

const ADDRESS = 'https://example.org/page'

/** A loopback server that sends a page's headers and part of its body, then hangs up. */
let server: Server
let origin: string
beforeAll(async () => {
  server = createServer((socket) => {
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 100000\r\n\r\n<p>بداية')
      socket.resetAndDestroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  origin = `http://127.0.0.1:${port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('a failed connection, as the user reads it', () => {
  it('says this computer cannot reach the host when there is no route (offline), not Node’s error', () => {
    for (const code of ['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']) {
      const error = Object.assign(new Error(`connect ${code} 203.0.113.5:443`), { code })
      const failure = connectionFailure(ADDRESS, 'example.org', error)
      expect(failure.text?.key).toBe('messages.fetchUnreachable')
      expect(failure.message).toContain('example.org')
      expect(failure.message).not.toContain(code)
    }
  })

  it('keeps Node’s words only for an error it has no sentence for', () => {
    const failure = connectionFailure(ADDRESS, 'example.org', new Error('something odd'))
    expect(failure.text?.key).toBe('messages.fetchFailed')
    expect(failure.message).toContain('something odd')
  })

  it('a server that hangs up mid-page: a dropped connection, nothing returned', async () => {
    const error = await fetchPage(`${origin}/cut`, { allowPrivate: true }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(HamishError)
    expect((error as HamishError).text?.key).toBe('messages.fetchDropped')
    expect((error as HamishError).message).toContain('127.0.0.1')
  })
})
