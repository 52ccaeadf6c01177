import { describe, expect, it } from 'vitest'
import { openArticleId } from './annotation-helpers'
import { appPerFile, screenshot, waitForLibrary, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

describe('starting again, and focus mode', () => {
  it('reopens the last article read, unless the library was asked for', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    const id = await openArticleId(page)

    // A fresh start (no route in the address) goes straight back to the article.
    await page.goto(new URL('/', page.url()).href)
    await waitForReader(page)
    expect(await openArticleId(page)).toBe(id)

    // An explicit library address stays on the library.
    await page.goto(new URL('/#/', page.url()).href)
    await page.reload()
    await waitForLibrary(page)
    expect(await page.locator('.reader').count()).toBe(0)
    expect(app.pageErrors).toEqual([])
  })

  it('focus mode shows only the text: Ctrl+Shift+F toggles it, Escape leaves it', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    expect(await page.locator('.topbar').isVisible()).toBe(true)
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => page.locator('.topbar').isVisible()).toBe(false)
    expect(await page.locator('.reader-nav').isVisible()).toBe(false)
    expect(await page.locator('.reader .ProseMirror').isVisible()).toBe(true)
    await screenshot(page, 'focus-mode.png')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.topbar').isVisible()).toBe(true)
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => page.locator('.topbar').isVisible()).toBe(false)
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => page.locator('.topbar').isVisible()).toBe(true)
  })

  it('lists every shortcut when ? is pressed', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.goto(new URL('/#/', page.url()).href)
    await waitForLibrary(page)
    await page.locator('body').press('?')
    const dialog = page.locator('dialog[open]')
    await dialog.waitFor()
    const text = (await dialog.textContent()) ?? ''
    for (const key of ['Ctrl+F', 'Ctrl+E', 'Ctrl+Shift+F', 'Ctrl+=', 'H / Shift+H', 'Ctrl+Z'])
      expect(text).toContain(key)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
  })
})
