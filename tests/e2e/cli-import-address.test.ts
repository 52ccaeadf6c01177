import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servePages, type PageServer } from '../support/page-server'

// The built CLI, a real process (`node out/main/cli.js import URL`), against pages served on 127.0.0.1.
const ROOT = join(__dirname, '../..')
const CLI = join(ROOT, 'out/main/cli.js')
const ARTICLE = encodeURI('/مقالة')

let server: PageServer
let dir: string

beforeAll(async () => {
  const page = await readFile(join(ROOT, 'tests/fixtures/arcd-01-osman-i.html'))
  const udhr = await readFile(join(ROOT, 'tests/fixtures/udhr-arb.html'))
  server = await servePages({
    [ARTICLE]: (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
    [encodeURI('/إعلان')]: (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(udhr),
    [encodeURI('/تحويل')]: (_q, res) => res.writeHead(302, { location: ARTICLE }).end(),
  })
  dir = await mkdtemp(join(tmpdir(), 'hamish-cli-address-'))
})
afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

/** Runs `node out/main/cli.js ARGS… --library DIR` without blocking this process (its server answers the CLI). */
function hamish(...args: string[]): Promise<{ code: number; out: string }> {
  if (!existsSync(CLI))
    throw new Error('out/main/cli.js is missing: run `npm run build` before the e2e tests')
  return new Promise((resolve) =>
    execFile('node', [CLI, ...args, '--library', join(dir, 'library')], { encoding: 'utf8' }, (error, out) =>
      resolve({ code: error ? Number(error.code) : 0, out }),
    ),
  )
}

describe('hamish import URL names an Arabic address as people read it', () => {
  it('in its added, duplicate, redirected and refused lines; --json keeps the exact address', async () => {
    const typed = `${server.origin}/مقالة`
    const encoded = `${server.origin}${ARTICLE}`
    const added = await hamish('import', typed, '--allow-private')
    expect(added.code).toBe(0)
    expect(added.out).toMatch(new RegExp(`^added +\\S+  ${typed}: added as “`))
    expect(added.out).not.toContain('%D9')

    const again = await hamish('import', typed, '--allow-private')
    expect(again.out).toMatch(new RegExp(`^duplicate +\\S+  ${typed}: already in the library as “`))
    expect(again.out).not.toContain('%D9')

    // An address copied from a browser's address bar comes percent-encoded: it is shown decoded all the same.
    const copied = await hamish('import', `${server.origin}${encodeURI('/إعلان')}`, '--allow-private')
    expect(copied.out).toMatch(new RegExp(`^added +\\S+  ${server.origin}/إعلان: added as “`))
    const copiedAgain = await hamish('import', encoded, '--allow-private')
    expect(copiedAgain.out).toMatch(new RegExp(`^duplicate +\\S+  ${typed}: already in the library as “`))
    expect(`${copied.out}${copiedAgain.out}`).not.toContain('%D9')

    const redirected = await hamish('import', `${server.origin}/تحويل`, '--allow-private')
    expect(redirected.out).toMatch(
      new RegExp(`^duplicate +\\S+  ${server.origin}/تحويل: already in the library`),
    )
    expect(redirected.out).toContain(`\n          redirected to ${typed}\n`)
    expect(redirected.out).not.toContain('%D9')

    const refused = await hamish('import', `${server.origin}/مفقود`, '--allow-private')
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(new RegExp(`^rejected +${server.origin}/مفقود: the server answered 404`))
    const unconfirmed = await hamish('import', typed)
    expect(unconfirmed.code).toBe(1)
    expect(unconfirmed.out).toMatch(new RegExp(`^rejected +${typed}: `))
    expect(unconfirmed.out).not.toContain('%D9')

    // Where a program reads the outcome, the address stays as given (name) and as fetched and stored.
    const json = await hamish(
      'import',
      `${server.origin}/تحويل`,
      `${server.origin}/مفقود`,
      '--allow-private',
      '--json',
    )
    const [moved, missing] = JSON.parse(json.out) as {
      name: string
      status: string
      message: string
      redirects?: string[]
      article: { source: string } | null
    }[]
    expect(moved?.name).toBe(`${server.origin}/تحويل`)
    expect(moved?.redirects).toEqual([encoded])
    // The article the duplicate names, saved first from the address as typed.
    expect(moved?.article?.source).toBe(typed)
    expect(moved?.message).toMatch(new RegExp(`^${server.origin}/تحويل: already in the library`))
    expect(missing?.name).toBe(`${server.origin}/مفقود`)
    expect(missing?.status).toBe('rejected')
  })
})
