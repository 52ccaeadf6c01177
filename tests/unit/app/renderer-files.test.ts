import { mkdtempSync, realpathSync } from 'node:fs'
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../common/security'
import { rendererFileOf, serveRendererFile } from '../../../main/app/renderer-files'

/**
 * The app://hamish/ handler on a real folder laid out like out/renderer, with
 * a secret file beside it that no URL may reach.
 */
const base = mkdtempSync(join(tmpdir(), 'hamish-app-protocol-'))
const renderer = join(base, 'renderer')
const SECRET = 'the user’s private file'

beforeAll(async () => {
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Hamish</title>')
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'export const x = 1')
  await writeFile(join(renderer, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(join(renderer, 'assets', 'amiri-400.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]))
  await writeFile(join(renderer, 'assets', 'amiri-400.woff'), new Uint8Array([0x77, 0x4f, 0x46, 0x46]))
  await writeFile(join(renderer, 'assets', 'readme.txt'), 'not a kind of file the bundle has')
  await writeFile(join(renderer, '.env'), 'SECRET=1')
  await mkdir(join(renderer, '.vite'))
  await writeFile(join(renderer, '.vite', 'manifest.json'), '{}')
  await writeFile(join(base, 'secret.html'), SECRET)
  await mkdir(join(base, 'renderer-evil'))
  await writeFile(join(base, 'renderer-evil', 'index.html'), SECRET)
  await symlink(join(base, 'secret.html'), join(renderer, 'assets', 'link.html'))
})
afterAll(() => rm(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => serveRendererFile(renderer, new Request(url, { method }))

describe('app://hamish/ serves the built renderer', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/amiri-400.woff2', 'font/woff2'],
    ['assets/amiri-400.woff', 'font/woff'],
  ])('%s as %s, with the CSP header and nosniff', async (path, type) => {
    const res = await get(`app://hamish/${path}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('sends the file’s bytes, the page for / and a route’s query or fragment', async () => {
    expect(await (await get('app://hamish/assets/index-abc.js')).text()).toBe('export const x = 1')
    expect(await (await get('app://hamish/')).text()).toContain('<title>Hamish</title>')
    expect((await get('app://hamish/index.html?library#/read/abc')).status).toBe(200)
    const head = await get('app://hamish/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('a CSP that keeps the page to its own origin: no inline script, nothing from file:', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|file:|\*/)
  })
})

describe('app://hamish/ refuses everything else, saying nothing about the disk', () => {
  it.each([
    ['a parent folder, percent-encoded slash', 'app://hamish/..%2fsecret.html'],
    ['a parent folder, encoded dots and slash', 'app://hamish/%2e%2e%2fsecret.html'],
    ['a parent folder from a subfolder', 'app://hamish/assets/..%2f..%2fsecret.html'],
    ['a backslash (Windows separator)', 'app://hamish/assets/..%5c..%5csecret.html'],
    ['a sibling folder sharing the name’s start', 'app://hamish/..%2frenderer-evil/index.html'],
    ['an absolute path', `app://hamish/${encodeURIComponent(join(base, 'secret.html'))}`],
    [
      'an absolute path after a double slash',
      `app://hamish/${join(base, 'secret.html')}`.replace('hamish/', 'hamish//'),
    ],
    ['a drive letter', 'app://hamish/C:%5cWindows%5cwin.ini'],
    ['a symbolic link out of the folder', 'app://hamish/assets/link.html'],
    ['a hidden file', 'app://hamish/.env'],
    ['a hidden folder', 'app://hamish/.vite/manifest.json'],
    ['a kind of file the bundle never has', 'app://hamish/assets/readme.txt'],
    ['a folder', 'app://hamish/assets'],
    ['a missing file', 'app://hamish/nope.js'],
    ['a NUL byte', 'app://hamish/index.html%00.js'],
    ['broken percent-encoding', 'app://hamish/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['no host', 'app:///index.html'],
    ['a port', 'app://hamish:8080/index.html'],
    ['another scheme', 'file:///index.html'],
  ])('%s: %s', async (_what, url) => {
    const res = await get(url)
    expect(res.status).toBe(404)
    const body = await res.text()
    expect(body).toBe('Not found')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('a user name or password (which a Request cannot even carry)', async () => {
    expect(await rendererFileOf(renderer, 'app://me@hamish/index.html')).toBeNull()
    expect(await rendererFileOf(renderer, 'app://me:pw@hamish/index.html')).toBeNull()
    expect(await rendererFileOf(renderer, 'app://hamish/index.html')).toBe(
      join(realpathSync(renderer), 'index.html'),
    )
  })

  it('answers only GET and HEAD', async () => {
    expect((await get('app://hamish/index.html', 'POST')).status).toBe(405)
    expect((await get('app://hamish/index.html', 'PUT')).status).toBe(405)
  })
})
