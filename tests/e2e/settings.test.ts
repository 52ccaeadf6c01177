import { describe, expect, it } from 'vitest'
import { appPerFile, callApi, screenshot, waitForLibrary, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** What the page has applied of the reading settings. */
const applied = (app: AppSession) =>
  app.page.evaluate(() => {
    const root = document.documentElement
    const css = getComputedStyle(root)
    return {
      theme: root.dataset.theme,
      font: css.getPropertyValue('--reader-font-family').trim(),
      size: css.getPropertyValue('--reader-font-size').trim(),
      lineHeight: css.getPropertyValue('--reader-line-height').trim(),
      width: css.getPropertyValue('--reader-column-width').trim(),
      background: getComputedStyle(document.body).backgroundColor || css.backgroundColor,
    }
  })

describe('reading settings', () => {
  it('start from the defaults', async ({ skip }) => {
    if (!app) return skip()
    expect(await applied(app)).toMatchObject({
      theme: 'light',
      size: '20px',
      lineHeight: '1.9',
      width: '70ch',
    })
    expect((await applied(app)).font.startsWith("'Amiri'")).toBe(true)
  })

  it('apply at once from the panel and persist across a reload', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    await page.click('[data-action=settings]')
    const panel = page.locator('dialog[open].settings-panel')
    await panel.waitFor()
    await panel.locator('label.choice[data-value="noto-naskh-arabic"]').click()
    await panel.locator('label.choice[data-value="sepia"]').click()
    await panel.locator('input[type=range]').nth(0).fill('26')
    await panel.locator('input[type=range]').nth(1).fill('2.2')
    await panel.locator('input[type=range]').nth(2).fill('50')
    expect(await applied(app)).toMatchObject({
      theme: 'sepia',
      size: '26px',
      lineHeight: '2.2',
      width: '50ch',
    })
    await screenshot(page, 'settings-panel.png')
    await page.keyboard.press('Escape')
    await expect(panel.count()).resolves.toBe(0)
    await expect
      .poll(() => callApi(page, 'getSettings'))
      .toEqual({
        font: 'noto-naskh-arabic',
        fontSize: 26,
        lineHeight: 2.2,
        columnWidth: 50,
        theme: 'sepia',
        language: 'system',
        digits: 'language',
        libraryColumns: [],
      })

    await page.reload()
    await waitForReader(page)
    const after = await applied(app)
    expect(after).toMatchObject({ theme: 'sepia', size: '26px', lineHeight: '2.2', width: '50ch' })
    expect(after.font.startsWith("'Noto Naskh Arabic'")).toBe(true)
    const text = await page.evaluate(() => {
      const view = document.querySelector('.reader .ProseMirror')!
      const style = getComputedStyle(view)
      let noto = false
      document.fonts.forEach((f) => {
        if (f.family.replace(/['"]/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded') noto = true
      })
      return { family: style.fontFamily, size: style.fontSize, noto }
    })
    expect(text.family.replace(/['"]/g, '').startsWith('Noto Naskh Arabic')).toBe(true)
    expect(text.size).toBe('26px')
    expect(text.noto).toBe(true)
    await screenshot(page, 'reader-sepia-noto.png')
    expect(app.foreignRequests).toEqual([])
  })

  it('switch to the dark theme and back to the defaults', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.keyboard.press('Control+,')
    const panel = page.locator('dialog[open].settings-panel')
    await panel.locator('label.choice[data-value="dark"]').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => callApi(page, 'getSettings')).toMatchObject({ theme: 'dark' })
    await page.reload()
    await waitForReader(page)
    expect((await applied(app)).theme).toBe('dark')
    await screenshot(page, 'reader-dark.png')

    // The library's column choice is not a reading setting: Restore defaults leaves it.
    await callApi(page, 'updateSettings', { libraryColumns: ['authors'] })
    await page.keyboard.press('Control+,')
    await panel.locator('button', { hasText: 'Restore defaults' }).click()
    await page.keyboard.press('Escape')
    await expect
      .poll(() => callApi(page, 'getSettings'))
      .toEqual({
        font: 'amiri',
        fontSize: 20,
        lineHeight: 1.9,
        columnWidth: 70,
        theme: 'system',
        language: 'system',
        digits: 'language',
        libraryColumns: ['authors'],
      })
    await page.goto(new URL('/#/', page.url()).href)
    await page.reload()
    await waitForLibrary(page)
    expect(await applied(app)).toMatchObject({
      theme: 'light',
      size: '20px',
      lineHeight: '1.9',
      width: '70ch',
    })
    expect(app.pageErrors).toEqual([])
  })

  it('follow the system’s light or dark preference by default, live', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    expect(await callApi(page, 'getSettings')).toMatchObject({ theme: 'system' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(async () => (await applied(app!)).theme).toBe('dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(async () => (await applied(app!)).theme).toBe('light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.reload()
    await waitForLibrary(page)
    expect((await applied(app)).theme).toBe('dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('change the reading text size with Ctrl+= / Ctrl+- / Ctrl+0, and keep it', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    await page.keyboard.press('Control+=')
    await page.keyboard.press('Control+=')
    await expect.poll(async () => (await applied(app!)).size).toBe('24px')
    await expect.poll(() => callApi(page, 'getSettings')).toMatchObject({ fontSize: 24 })
    await page.keyboard.press('Control+-')
    await expect.poll(async () => (await applied(app!)).size).toBe('22px')
    // Settings are saved shortly after the last change; wait for main to have it before reloading.
    await expect.poll(() => callApi(page, 'getSettings')).toMatchObject({ fontSize: 22 })
    await page.reload()
    await waitForReader(page)
    expect((await applied(app)).size).toBe('22px')
    await page.keyboard.press('Control+0')
    await expect.poll(() => callApi(page, 'getSettings')).toMatchObject({ fontSize: 20 })
  })
})
