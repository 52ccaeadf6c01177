import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../common/security'

const ROOT = resolve(__dirname, '../..')

/**
 * The Electron binary, when this machine has one. Found the way the npm
 * package's index.js finds it, but without requiring it: since Electron 45,
 * `require('electron')` starts a download when the binary is missing, which
 * here fails (no network) and elsewhere would fetch during a test run.
 */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const relative = readFileSync(pathFile, 'utf8').trim()
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
    const path = override ? join(override, relative || 'electron') : join(dir, 'dist', relative)
    return relative && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const reason =
  'no Electron binary on this machine (its download is blocked here); these tests run wherever one is installed'
if (!binary) console.warn(`tests/electron: skipped — ${reason}`)

describe.skipIf(!binary)('the real app in Electron', () => {
  it('starts with the sample article, in a sandboxed, isolated window, and exposes only window.hamish', async () => {
    const library = await mkdtemp(join(tmpdir(), 'hamish-electron-'))
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'out/main/index.js'), '--library', library],
      env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: 'true' },
    })
    try {
      const page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')
      const shape = await page.evaluate(() => ({
        hamish: typeof (window as unknown as { hamish?: unknown }).hamish,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }))
      expect(shape).toEqual({ hamish: 'object', require: 'undefined', process: 'undefined' })
      // window.hamish answers with WireResults (errors as data, so their code and text survive the bridge).
      const listed = await page.evaluate(() =>
        (
          window as unknown as {
            hamish: { listArticles(): Promise<{ ok: true; value: { title: string; date: string }[] }> }
          }
        ).hamish.listArticles(),
      )
      expect(listed.ok).toBe(true)
      const articles = listed.value
      expect(articles).toHaveLength(1)
      expect(articles[0]!.date).toBe('2025-12-24')
      const isolated = await page.evaluate(() =>
        Object.isFrozen((window as unknown as { hamish: object }).hamish),
      )
      expect(isolated).toBe(true)
      const refused = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            hamish: {
              getArticle(id: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }>
            }
          }
        ).hamish.getArticle({ evil: 1 })
        return result.ok ? 'accepted' : `${result.error!.code}: ${result.error!.message}`
      })
      expect(refused).toMatch(/^invalid-argument: getArticle/)

      // The page comes from app://hamish/, with our CSP, and the CSP keeps it there.
      expect(await page.evaluate(() => [location.origin, location.pathname])).toEqual([
        'app://hamish',
        '/index.html',
      ])
      const served = await page.evaluate(async () => {
        const res = await fetch('/index.html')
        return { csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type') }
      })
      expect(served).toEqual({ csp: CONTENT_SECURITY_POLICY, type: 'text/html; charset=utf-8' })
      // What the CSP must stop, against a loopback server that counts every request it gets.
      let requests = 0
      const elsewhere = createServer((_req, res) => {
        requests++
        res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end()
      })
      await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done))
      const port = (elsewhere.address() as AddressInfo).port
      const outcome = await page
        .evaluate(
          async ({ fileUrl, other }) => {
            const violations: string[] = []
            document.addEventListener('securitypolicyviolation', (e) =>
              violations.push(`${e.effectiveDirective} ${e.blockedURI.split(':')[0]}`),
            )
            const inline = document.createElement('script')
            inline.textContent = 'window.inlineRan = true'
            const outside = document.createElement('script')
            outside.src = `${other}/x.js`
            document.head.append(inline, outside)
            const img = document.createElement('img')
            const image = new Promise((done) => {
              img.onload = () => done('loaded')
              img.onerror = () => done('blocked')
            })
            img.src = `${other}/x.png`
            document.body.append(img)
            const fetched = await Promise.all(
              [fileUrl, `${other}/x`].map((url) =>
                fetch(url).then(
                  () => 'read',
                  () => 'blocked',
                ),
              ),
            )
            const imageOutcome = await image
            // Let the violation events of the last loads arrive.
            await new Promise((done) => setTimeout(done, 100))
            for (const el of [inline, outside, img]) el.remove()
            return {
              inlineRan: (window as unknown as { inlineRan?: boolean }).inlineRan === true,
              image: imageOutcome,
              fetched,
              violations: [...new Set(violations)].sort(),
            }
          },
          { fileUrl: pathToFileURL(join(ROOT, 'assets/icon.png')).href, other: `http://127.0.0.1:${port}` },
        )
        .finally(() => elsewhere.close())
      expect(outcome).toEqual({
        inlineRan: false,
        image: 'blocked',
        fetched: ['blocked', 'blocked'],
        violations: expect.arrayContaining([
          'connect-src file',
          'connect-src http',
          'img-src http',
          'script-src-elem http',
          'script-src-elem inline',
        ]),
      })
      expect(requests).toBe(0)
    } finally {
      await app.close()
      await rm(library, { recursive: true, force: true })
    }
  })
})

describe.skipIf(binary !== null)('without an Electron binary', () => {
  it.skip(reason, () => undefined)
})
