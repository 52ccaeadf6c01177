import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { charPoint, showBlock } from './annotation-helpers'
import { appPerFile, screenshot, waitForLibrary, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** The focus ring the text draws now: its computed outline style and width, and whether it has focus. */
async function textOutline(page: Page): Promise<{ focused: boolean; style: string; width: string }> {
  return page.evaluate(() => {
    const text = document.querySelector<HTMLElement>('.reader .ProseMirror')!
    const style = getComputedStyle(text)
    return { focused: document.activeElement === text, style: style.outlineStyle, width: style.outlineWidth }
  })
}

async function openSample(page: Page): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + '#/')
  await waitForLibrary(page)
  await page.locator('.article-link').first().click()
  await waitForReader(page)
}

describe('the focus ring around the text', () => {
  it('is not drawn for a mouse click in the text', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await openSample(page)
    // Reloaded while reading: the app reopens the article and focuses its text by script, as at start-up.
    await page.reload()
    await waitForReader(page)
    await showBlock(page, 2)
    const at = await charPoint(page, 2, 10)
    await page.mouse.click(at.x, at.y)
    const clicked = await textOutline(page)
    await screenshot(page, 'reader-focus-click.png')
    expect(clicked.focused).toBe(true)
    expect(clicked.style === 'none' || clicked.width === '0px', JSON.stringify(clicked)).toBe(true)
    // A second click, already focused, draws none either.
    await page.mouse.click(at.x, at.y + 2)
    const again = await textOutline(page)
    expect(again.style === 'none' || again.width === '0px', JSON.stringify(again)).toBe(true)
  })

  it('is drawn when the keyboard brings focus into the text (Tab)', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await openSample(page)
    // Focus on the control before the text, then Tab into the text.
    await page.locator('.back-link').focus()
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab')
      if ((await textOutline(page)).focused) break
    }
    const tabbed = await textOutline(page)
    await screenshot(page, 'reader-focus-tab.png')
    expect(tabbed.focused).toBe(true)
    expect(tabbed.style).toBe('solid')
    expect(Number.parseFloat(tabbed.width)).toBeGreaterThanOrEqual(2)
    // A click after the keyboard turns the ring off again.
    const at = await charPoint(page, 2, 10)
    await page.mouse.click(at.x, at.y)
    const clicked = await textOutline(page)
    expect(clicked.style === 'none' || clicked.width === '0px', JSON.stringify(clicked)).toBe(true)
  })
})
