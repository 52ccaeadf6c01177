import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserPerFile, openApp, screenshot, waitForReader, type AppSession } from './harness'

const env = browserPerFile()

interface Rect {
  left: number
  right: number
  top: number
  bottom: number
}

/**
 * The article's text lines on screen (Range.getClientRects of every
 * paragraph and heading, those in the window) that the notes panel, where it
 * is shown, covers, or that run outside the window.
 */
async function hiddenLines(page: Page): Promise<Rect[]> {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('.notes-panel')
    const p =
      panel && !panel.hidden && panel.getClientRects().length > 0 ? panel.getBoundingClientRect() : null
    const width = document.documentElement.clientWidth
    const out: Rect[] = []
    for (const block of document.querySelectorAll(
      '.reader .ProseMirror p, .reader .ProseMirror h1, .reader .ProseMirror h2',
    )) {
      const range = document.createRange()
      range.selectNodeContents(block)
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.bottom < 0 || r.top > window.innerHeight) continue
        const coveredByPanel =
          p && r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom
        if (coveredByPanel || r.left < 0 || r.right > width)
          out.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })
      }
    }
    return out
  })
}

async function panelShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('.notes-panel')
    return !!panel && !panel.hidden && panel.getClientRects().length > 0
  })
}

/** Opens the sample article at a window width, the notes panel remembered open (as after reading on a wide window). */
async function openAt(width: number, locale: string): Promise<AppSession> {
  const app = await openApp(env.browser!, { seed: true, width, height: 800, locale })
  env.sessions.push(app)
  await app.page.evaluate(() => localStorage.setItem('hamish.notesPanelOpen', 'true'))
  await app.page.locator('.article-link').first().click()
  await waitForReader(app.page)
  return app
}

describe('the notes panel never hides text', () => {
  for (const locale of ['en-US', 'ar']) {
    it(`at 1400 px it sits beside the text (${locale})`, async ({ skip }) => {
      if (!env.browser) return skip()
      const { page } = await openAt(1400, locale)
      expect(await panelShown(page)).toBe(true)
      await screenshot(page, `notes-1400-${locale}.png`)
      expect(await hiddenLines(page)).toEqual([])
    })

    it(`at 800 px it waits for its toggle, overlays, and Escape gives focus back (${locale})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const { page } = await openAt(800, locale)
      await screenshot(page, `notes-800-${locale}.png`)
      expect(await hiddenLines(page)).toEqual([])
      expect(await panelShown(page)).toBe(false)

      // The toggle in the reader's bar, from the keyboard.
      const toggle = page.locator('.notes-toggle')
      await toggle.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => panelShown(page)).toBe(true)
      expect(await toggle.getAttribute('aria-expanded')).toBe('true')
      await screenshot(page, `notes-800-open-${locale}.png`)
      // Focus goes into the overlay, and Escape closes it, focus back on the toggle.
      expect(await page.evaluate(() => !!document.activeElement?.closest('.notes-panel'))).toBe(true)
      await page.keyboard.press('Escape')
      await expect.poll(() => panelShown(page)).toBe(false)
      expect(await page.evaluate(() => document.activeElement?.classList.contains('notes-toggle'))).toBe(true)
      expect(await toggle.getAttribute('aria-expanded')).toBe('false')
      expect(await hiddenLines(page)).toEqual([])

      // Opened, then the window widened: the panel docks beside the text; narrowed again, it closes.
      await page.keyboard.press('Enter')
      await expect.poll(() => panelShown(page)).toBe(true)
      await page.setViewportSize({ width: 1400, height: 800 })
      await expect.poll(() => panelShown(page)).toBe(true)
      expect(await hiddenLines(page)).toEqual([])
      await page.setViewportSize({ width: 800, height: 800 })
      await expect.poll(() => panelShown(page)).toBe(false)
      expect(await hiddenLines(page)).toEqual([])
    })
  }
})
