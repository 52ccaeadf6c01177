import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempLibrary } from '../support/preview'
import { openApp, screenshot, startBrowser, waitForLibrary, type AppSession } from './harness'

let browser: Browser | null = null
let library = ''

beforeAll(async () => {
  browser = await startBrowser()
  library = await tempLibrary('hamish-e2e-notices-')
})

afterAll(async () => {
  await browser?.close()
  await rm(library, { recursive: true, force: true })
})

describe('notices', () => {
  it('tells the user when library.json was damaged and set aside, until dismissed', async ({ skip }) => {
    if (!browser) return skip()
    // A first run creates the library; then its index file is damaged while the app is closed.
    const first = await openApp(browser, { library, seed: true })
    await first.close()
    await writeFile(join(library, 'library.json'), '{"articles": [ this is not json')

    let app: AppSession | null = null
    try {
      app = await openApp(browser, { library, seed: true })
      const { page } = app
      const banner = page.locator('.notice')
      await banner.first().waitFor()
      const message = (await banner.first().locator('.notice-message').textContent()) ?? ''
      expect(message).toContain('library.json')
      expect(message).not.toMatch(/\n\s+at |Error:/)
      await screenshot(page, 'notice.png')

      await banner.first().locator('button', { hasText: 'Dismiss' }).click()
      await expect(page.locator('.notice').count()).resolves.toBe(0)
      await page.reload()
      await waitForLibrary(page)
      await expect(page.locator('.notice').count()).resolves.toBe(0)
    } finally {
      await app?.close()
    }
  })
})
