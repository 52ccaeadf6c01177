import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ar } from '../../common/i18n/ar'
import { en } from '../../common/i18n/en'
import { openApp, screenshot, waitForLibrary, waitForReader, browserPerFile } from './harness'

/*
 * The command registry in the real page: the `?` help is written from the
 * registry (each line names its command; the unit tests in
 * tests/unit/renderer/shell check the registry's lines one by one), in
 * English and in Arabic, and a Ctrl shortcut typed on an Arabic keyboard
 * layout finds its command by the physical key.
 */

const env = browserPerFile()

/** The help dialog's lines: command id, keys, where, what. */
async function helpLines(page: Page): Promise<string[][]> {
  await page.locator('body').press('?')
  await page.waitForSelector('dialog.help-dialog[open]')
  return page
    .locator('dialog.help-dialog dl.shortcuts dt')
    .evaluateAll((dts) =>
      dts.map((dt) => [
        dt.getAttribute('data-command') ?? '',
        dt.querySelector('kbd')?.textContent ?? '',
        (dt.querySelector('.shortcut-where')?.textContent ?? '').replace(/^ \((.*)\)$/, '$1'),
        dt.nextElementSibling?.textContent ?? '',
      ]),
    )
}

describe('one command registry', () => {
  it.for([
    ['en', 'en-US'],
    ['ar', 'ar'],
  ] as const)(
    'the ? help lists exactly the registry’s commands and keys (%s)',
    async ([lang, locale], { skip }) => {
      if (!env.browser) return skip()
      const app = await openApp(env.browser, { seed: true, locale })
      env.sessions.push(app)
      const lines = await helpLines(app.page)
      const messages = lang === 'ar' ? ar : en
      // Every help line of the registry, each once, in the page's language.
      expect(lines.map(([, , , what]) => what).sort()).toEqual(Object.values(messages.helpShortcuts).sort())
      const byId = new Map(lines.map(([id, keys, where]) => [id, { keys, where }]))
      expect(byId.size).toBe(lines.length)
      // Keys as this platform (Linux) writes them, from the commands' bindings.
      expect(byId.get('undo')).toEqual({ keys: 'Ctrl+Z', where: '' })
      expect(byId.get('redo')).toEqual({ keys: 'Ctrl+Shift+Z / Ctrl+Y', where: '' })
      expect(byId.get('focus-mode')).toEqual({ keys: 'Ctrl+Shift+F', where: '' })
      expect(byId.get('highlight-color')).toEqual({ keys: '1 – 5', where: '' })
      expect(byId.get('next-highlight')).toEqual({
        keys: 'Tab / Shift+Tab',
        where: messages.helpKeysInArticle,
      })
      expect(byId.get('select-text')?.keys).toBe(messages.helpKeysShiftArrows)
      await screenshot(app.page, `help-${lang}.png`)
      await app.page.keyboard.press('Escape')
    },
  )

  it('Ctrl+K typed on an Arabic keyboard layout ("ن" on the K key) opens library search', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: true })
    env.sessions.push(app)
    await waitForLibrary(app.page)
    const cdp = await app.page.context().newCDPSession(app.page)
    const arabicK = { key: 'ن', code: 'KeyK', text: 'ن', windowsVirtualKeyCode: 75, modifiers: 2 }
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...arabicK })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...arabicK })
    await app.page.waitForSelector('#library-search')
    expect(await app.page.evaluate(() => location.hash)).toMatch(/^#\/search/)
  })

  it('Ctrl+A typed on an Arabic keyboard layout ("ش" on the A key) selects the article only', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: true })
    env.sessions.push(app)
    await app.page.locator('.article-link').first().click()
    await waitForReader(app.page)
    await app.page.locator('.reader .ProseMirror').focus()
    const cdp = await app.page.context().newCDPSession(app.page)
    const arabicA = { key: 'ش', code: 'KeyA', text: 'ش', windowsVirtualKeyCode: 65, modifiers: 2 }
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...arabicA })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...arabicA })
    const selected = await app.page.evaluate(() => {
      const s = document.getSelection()!
      const text = document.querySelector('.reader .ProseMirror')!
      return {
        inArticle: text.contains(s.anchorNode) && text.contains(s.focusNode),
        length: s.toString().length,
      }
    })
    expect(selected.inArticle).toBe(true)
    expect(selected.length).toBeGreaterThan(100)
  })
})
