import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')

/** The Electron binary, when this machine has one (the npm package's download may have been blocked). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
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
    } finally {
      await app.close()
      await rm(library, { recursive: true, force: true })
    }
  })
})

describe.skipIf(binary !== null)('without an Electron binary', () => {
  it.skip(reason, () => undefined)
})
