import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servePages, type PageServer } from '../support/page-server'

const ROOT = resolve(__dirname, '../..')
const CLI = join(ROOT, 'out/main/cli.js')
const run = promisify(execFile)
let server: PageServer
let pdf: Buffer
let library: string

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npx electron-vite build` first')
  pdf = await readFile(join(ROOT, 'tests/fixtures/pdf/Documentation-Arabic.pdf'))
  library = await mkdtemp(join(tmpdir(), 'hamish-address-pdf-cli-'))
  server = await servePages({
    '/x.pdf': (_q, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf),
    // The same PDF again, packed by a server that was not asked to.
    '/packed': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'application/pdf', 'content-encoding': 'gzip' })
        .end(gzipSync(pdf)),
  })
})
afterAll(async () => {
  await server.close()
  await rm(library, { recursive: true, force: true })
})

/** `node out/main/cli.js ARGS…` as a real process (the server answers from this one meanwhile). */
async function hamish(...args: string[]): Promise<string> {
  const { stdout } = await run('node', [CLI, ...args, '--library', library], { encoding: 'utf8' })
  return stdout
}

describe('hamish import URL of a PDF (the built CLI)', () => {
  it('imports the PDF with its page starts and says it was a PDF; the same PDF sent gzipped is a duplicate', async () => {
    const address = `${server.origin}/x.pdf`
    const [outcome] = JSON.parse(await hamish('import', address, '--allow-private', '--json')) as {
      status: string
      article: { id: string; source: string; fetched: string }
      notes: { message: string }[]
    }[]
    expect(outcome!.status).toBe('added')
    expect(outcome!.article.source).toBe(address)
    expect(Number.isNaN(Date.parse(outcome!.article.fetched))).toBe(false)
    expect(outcome!.notes[0]!.message).toBe(
      `${address}: the address holds a PDF document (x.pdf), so Hamish read it as a PDF.`,
    )
    const file = JSON.parse(
      await readFile(join(library, 'articles', `${outcome!.article.id}.json`), 'utf8'),
    ) as { pdfPages: (number | null)[] }
    expect(file.pdfPages).toHaveLength(8)
    const again = await hamish('import', `${server.origin}/packed`, '--allow-private')
    expect(again).toMatch(/^duplicate /)
    expect(again).toContain(
      `note      ${server.origin}/packed: the address holds a PDF document (packed.pdf)`,
    )
  })
})
