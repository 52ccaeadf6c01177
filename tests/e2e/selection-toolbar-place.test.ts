import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { selectChars } from './annotation-helpers'
import { appPerFile, callApi, screenshot, waitForLibrary, waitForReader, type AppSession } from './harness'

/** An English article with one long paragraph, so a line has lines above and below it. */
const ENGLISH = [
  'Margins and their readers',
  '',
  Array.from(
    { length: 40 },
    (_, i) =>
      `Sentence ${i + 1} of a paragraph about readers who wrote in the margins of the books they read, and what their notes tell us.`,
  ).join(' '),
  '',
].join('\n')

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

interface Rect {
  left: number
  right: number
  top: number
  bottom: number
}

/**
 * Selects a few characters on a line in the middle of text block `block`
 * (or on the line whose top is scrolled to `lineTop`) and returns the
 * toolbar's rectangle, the selection's line rectangles and the rectangles of
 * the lines directly above and below it (Range.getClientRects of the block).
 */
async function selectOnALine(
  page: Page,
  block: number,
  lineTop?: number,
): Promise<{ toolbar: Rect; selection: Rect[]; above: Rect[]; below: Rect[]; side: string }> {
  const length = await page.evaluate(
    (block) => document.querySelectorAll('.reader .ProseMirror p')[block]!.textContent!.length,
    block,
  )
  const start = Math.floor(length / 2)
  // Scroll the block so the chosen line sits where the test wants it (the middle of the window by default).
  await page.evaluate(
    ({ block, start, lineTop }) => {
      const p = document.querySelectorAll('.reader .ProseMirror p')[block]!
      const node = p.firstChild!.nodeType === Node.TEXT_NODE ? p.firstChild! : p
      const range = document.createRange()
      range.setStart(node, Math.min(start, node.textContent!.length - 1))
      range.setEnd(node, Math.min(start + 1, node.textContent!.length))
      const top = range.getBoundingClientRect().top
      const want = lineTop ?? window.innerHeight / 2
      window.scrollBy({ top: top - want, behavior: 'instant' })
    },
    { block, start, lineTop },
  )
  await selectChars(page, block, start, start + 6)
  await page.waitForSelector('.selection-toolbar:not([hidden])')
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  return page.evaluate((block) => {
    const plain = (r: DOMRect): Rect => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })
    const toolbarElement = document.querySelector<HTMLElement>('.selection-toolbar')!
    const selection = Array.from(document.getSelection()!.getRangeAt(0).getClientRects())
      .filter((r) => r.width > 0)
      .map(plain)
    const p = document.querySelectorAll('.reader .ProseMirror p')[block]!
    const whole = document.createRange()
    whole.selectNodeContents(p)
    const lines = Array.from(whole.getClientRects())
      .filter((r) => r.width > 0)
      .map(plain)
    const selTop = Math.min(...selection.map((r) => r.top))
    const selBottom = Math.max(...selection.map((r) => r.bottom))
    const centre = (r: Rect): number => (r.top + r.bottom) / 2
    const others = lines.filter((r) => centre(r) < selTop || centre(r) > selBottom)
    const aboveCentre = Math.max(...others.filter((r) => centre(r) < selTop).map(centre))
    const belowCentre = Math.min(...others.filter((r) => centre(r) > selBottom).map(centre))
    return {
      toolbar: plain(toolbarElement.getBoundingClientRect()),
      selection,
      above: others.filter((r) => Math.abs(centre(r) - aboveCentre) < 2),
      below: others.filter((r) => Math.abs(centre(r) - belowCentre) < 2),
      side: toolbarElement.dataset.side ?? '',
    }
  }, block)
}

const intersects = (a: Rect, b: Rect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

function covered(toolbar: Rect, rects: Rect[]): Rect[] {
  return rects.filter((r) => intersects(toolbar, r))
}

async function openArticle(page: Page, title: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + '#/')
  await waitForLibrary(page)
  await page.locator('.article-link', { hasText: title }).click()
  await waitForReader(page)
}

describe('the selection toolbar hides no text it is about', () => {
  for (const [label, title, block] of [
    ['right-to-left (the Arabic sample)', 'التقى', 1],
    ['left-to-right (an English article)', 'Margins and their readers', 0],
  ] as const) {
    it(`sits clear of the selected line and the lines above and below, flipping below at the top: ${label}`, async ({
      skip,
    }) => {
      if (!app) return skip()
      const { page } = app
      if (title.startsWith('Margins'))
        await callApi(page, 'importFile', {
          name: 'margins.txt',
          bytes: { $bytes: Buffer.from(ENGLISH).toString('base64') },
        })
      await openArticle(page, title)
      const middle = await selectOnALine(page, block)
      await screenshot(page, `selection-toolbar-${title.startsWith('Margins') ? 'ltr' : 'rtl'}.png`)
      expect(middle.above.length, 'a line above').toBeGreaterThan(0)
      expect(middle.below.length, 'a line below').toBeGreaterThan(0)
      expect(middle.side).toBe('above')
      expect(covered(middle.toolbar, middle.selection)).toEqual([])
      expect(covered(middle.toolbar, middle.above)).toEqual([])
      expect(covered(middle.toolbar, middle.below)).toEqual([])
      const viewport = await page.evaluate(() => ({ width: document.documentElement.clientWidth }))
      expect(middle.toolbar.left).toBeGreaterThanOrEqual(0)
      expect(middle.toolbar.right).toBeLessThanOrEqual(viewport.width)

      // The selected line just under the top bar: no room above, so the bar goes below.
      const topbar = await page.evaluate(
        () => document.querySelector('.topbar')!.getBoundingClientRect().bottom,
      )
      const top = await selectOnALine(page, block, topbar + 4)
      await screenshot(page, `selection-toolbar-${title.startsWith('Margins') ? 'ltr' : 'rtl'}-top.png`)
      expect(Math.min(...top.selection.map((r) => r.top))).toBeLessThan(topbar + 20)
      expect(top.side).toBe('below')
      expect(top.toolbar.top).toBeGreaterThanOrEqual(topbar)
      expect(covered(top.toolbar, top.selection)).toEqual([])
      expect(covered(top.toolbar, top.below)).toEqual([])
      await page.evaluate(() => document.getSelection()!.removeAllRanges())
    })
  }
})
