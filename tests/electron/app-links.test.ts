import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '../../common/document'
import { hamishLink } from '../../common/hamish-link'
import { plainText } from '../../common/plain-text'

const ROOT = resolve(__dirname, '../..')
const MAIN = join(ROOT, 'out/main/index.js')

/** The Electron binary, found without requiring the package (see app.test.ts: that would start a download). */
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
// The tests leave this machine's link handlers alone (main/app/app-links.ts).
const env = { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: 'true', HAMISH_NO_PROTOCOL_CLIENT: '1' }

type WireBridge = {
  listArticles(): Promise<{ ok: true; value: { id: string }[] }>
  getArticle(id: string): Promise<{ ok: true; value: { doc: unknown } }>
  addAnnotation(req: unknown): Promise<{ ok: true; value: { id: string } }>
}

/** The sample article's id and a new annotation near its end, made through window.hamish. */
async function annotateSample(page: Page): Promise<{ articleId: string; annotationId: string }> {
  const { articleId, doc } = await page.evaluate(async () => {
    const hamish = (window as unknown as { hamish: WireBridge }).hamish
    const [article] = (await hamish.listArticles()).value
    return { articleId: article!.id, doc: (await hamish.getArticle(article!.id)).value.doc }
  })
  // Positions count code points of the plain text, as the reader's do.
  const plain = Array.from(plainText(doc as DocNode))
  const start = plain.length - 40
  const request = {
    articleId,
    start,
    end: start + 12,
    quote: plain.slice(start, start + 12).join(''),
    color: 'blue',
  }
  const annotationId = await page.evaluate(
    async (req) => (await (window as unknown as { hamish: WireBridge }).hamish.addAnnotation(req)).value.id,
    request,
  )
  return { articleId, annotationId }
}

async function launch(
  library: string,
  ...extra: string[]
): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: binary!,
    args: [MAIN, '--library', library, ...extra],
    env,
  })
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { app, page }
}

async function flashedOnScreen(page: Page, id: string): Promise<boolean> {
  const flashed = page.locator(`.reader .ProseMirror .hl-flash[data-annotation-id="${id}"]`).first()
  await flashed.waitFor({ timeout: 20_000 })
  return flashed.evaluate((e) => {
    const r = e.getBoundingClientRect()
    return r.top >= 0 && r.bottom <= window.innerHeight
  })
}

describe.skipIf(!binary)('hamish:// links in the real app', () => {
  it('a start with a link opens the reader at the annotation; a second start hands its link to the first', async () => {
    const library = await mkdtemp(join(tmpdir(), 'hamish-electron-links-'))
    try {
      const first = await launch(library)
      await first.page.waitForSelector('.library-table, .reader', { timeout: 20_000 })
      const { articleId, annotationId } = await annotateSample(first.page)
      await first.app.close()

      const link = hamishLink({ articleId, annotationId })
      const { app, page } = await launch(library, link)
      try {
        expect(await flashedOnScreen(page, annotationId)).toBe(true)
        // The window stayed on its own page: the link became a route, never a navigation.
        expect(page.url()).toMatch(/^app:\/\/hamish\/index\.html#\/read\//)

        // A second start (Windows, Linux) with a bad link, then a good one: the first window says, then opens.
        await page.evaluate(() => (location.hash = '#/'))
        await page.waitForSelector('.library-table', { timeout: 20_000 })
        for (const word of ['hamish://read/x?annotation=<b>', link]) {
          const second = spawn(binary!, [MAIN, '--library', library, word], { env, stdio: 'ignore' })
          const code = await new Promise<number | null>((done) => second.on('exit', done))
          expect(code).toBe(0)
          if (word !== link) {
            await page.locator('.toast-error').filter({ hasText: 'hamish://' }).waitFor({ timeout: 20_000 })
            expect(new URL(page.url()).hash).toBe('#/')
          }
        }
        expect(await flashedOnScreen(page, annotationId)).toBe(true)
        expect(page.url()).toMatch(/^app:\/\/hamish\/index\.html#\/read\//)
      } finally {
        await app.close()
      }
    } finally {
      await rm(library, { recursive: true, force: true })
    }
  })

  it('a start with a link that is not one of ours shows the library and says so', async () => {
    const library = await mkdtemp(join(tmpdir(), 'hamish-electron-links-'))
    try {
      const { app, page } = await launch(library, 'hamish://evil.example/read/x')
      try {
        await page.locator('.toast-error').filter({ hasText: 'hamish://' }).waitFor({ timeout: 20_000 })
        expect(page.url()).toMatch(/^app:\/\/hamish\/index\.html/)
        expect(await page.locator('.reader').count()).toBe(0)
      } finally {
        await app.close()
      }
    } finally {
      await rm(library, { recursive: true, force: true })
    }
  })
})

describe.skipIf(binary !== null)('hamish:// links without an Electron binary', () => {
  it.skip('no Electron binary on this machine; these tests run wherever one is installed', () => undefined)
})
