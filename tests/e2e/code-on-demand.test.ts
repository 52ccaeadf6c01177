import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ar } from '../../common/i18n/ar'
import {
  browserPerFile,
  openApp,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

const env = browserPerFile()

/** A string only ProseMirror's view code holds (the property it puts on DOM nodes). */
const PROSEMIRROR_VIEW = 'pmViewDesc'
/** A sentence only the Arabic table holds. */
const ARABIC_TABLE = ar.startupFailed

/** Reloads the page and collects the text of every script it loads, then of any it loads later. */
async function scriptsOf(page: Page): Promise<string[]> {
  const scripts: string[] = []
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) void response.text().then((text) => scripts.push(text))
  })
  await page.reload()
  await waitForLibrary(page)
  return scripts
}

async function open(locale: string): Promise<AppSession> {
  const app = await openApp(env.browser!, { seed: true, locale })
  env.sessions.push(app)
  return app
}

describe('code loaded on demand (issue 13: the app’s own share of the JS heap)', () => {
  it('shows the English library without the Arabic table or the reader’s code, and loads the reader when an article opens', async () => {
    if (!env.browser) return
    const app = await open('en-US')
    const scripts = await scriptsOf(app.page)
    await expect.poll(() => scripts.length).toBeGreaterThan(0)
    expect(scripts.some((s) => s.includes(ARABIC_TABLE))).toBe(false)
    expect(scripts.some((s) => s.includes(PROSEMIRROR_VIEW))).toBe(false)

    await app.page.locator('.library-table .article-link').first().click()
    await waitForReader(app.page)
    expect(scripts.some((s) => s.includes(PROSEMIRROR_VIEW))).toBe(true)
    expect(scripts.some((s) => s.includes(ARABIC_TABLE))).toBe(false)
    await screenshot(app.page, 'code-on-demand-reader-en.png')

    // Settings' code arrives when it first opens, and the panel works as before.
    await app.page.keyboard.press('Control+,')
    await app.page.waitForSelector('dialog.settings-panel[open]', { timeout: 15_000 })
    await screenshot(app.page, 'code-on-demand-settings-en.png')
    expect(app.pageErrors).toEqual([])
    expect(app.foreignRequests).toEqual([])
  })

  it('loads the Arabic table for an Arabic interface, and the library still holds no reader code', async () => {
    if (!env.browser) return
    const app = await open('ar-EG')
    const scripts = await scriptsOf(app.page)
    await expect.poll(() => scripts.some((s) => s.includes(ARABIC_TABLE))).toBe(true)
    expect(scripts.some((s) => s.includes(PROSEMIRROR_VIEW))).toBe(false)
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('ar')
    await expect.poll(() => app.page.locator('.topbar').textContent()).toContain(ar.navLibrary)
    await screenshot(app.page, 'code-on-demand-library-ar.png')
    await app.page.keyboard.press('Control+,')
    await app.page.waitForSelector('dialog.settings-panel[open]', { timeout: 15_000 })
    await screenshot(app.page, 'code-on-demand-settings-ar.png')
    expect(app.pageErrors).toEqual([])
  })
})
