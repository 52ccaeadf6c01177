import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { HIGHLIGHT_COLORS } from '../../common/annotation'
import type { DocNode } from '../../common/document'
import { plainText } from '../../common/plain-text'
import { composite, contrastRatio, parseCssColor } from '../support/wcag-contrast'
import { appPerFile, callApi, screenshot, waitForLibrary, waitForReader, type AppSession } from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

const THEMES = ['light', 'sepia', 'dark'] as const

/** The plain-text offsets (code points) of `quote` in an article's text, for an annotation made through the API. */
function rangeOf(text: string, quote: string): { start: number; end: number } {
  const at = text.indexOf(quote)
  expect(at, quote).toBeGreaterThanOrEqual(0)
  const start = Array.from(text.slice(0, at)).length
  return { start, end: start + Array.from(quote).length }
}

/**
 * The text colour of a highlight and every background under it, innermost
 * first, as the browser computed them at this moment (animations included).
 */
async function paintedColours(page: Page, id: string): Promise<{ text: string; layers: string[] }> {
  return page.evaluate((id) => {
    const span = document.querySelector<HTMLElement>(`.reader .ProseMirror [data-annotation-id="${id}"]`)!
    // Chromium reports an animated colour in oklab; a canvas pixel gives it as sRGB, as painted.
    const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
    const srgb = (color: string): string => {
      canvas.clearRect(0, 0, 1, 1)
      canvas.fillStyle = color
      canvas.fillRect(0, 0, 1, 1)
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data
      return `rgba(${r}, ${g}, ${b}, ${a! / 255})`
    }
    const layers: string[] = []
    for (let e: Element | null = span; e; e = e.parentElement)
      layers.push(srgb(getComputedStyle(e).backgroundColor))
    return { text: srgb(getComputedStyle(span).color), layers }
  }, id)
}

/** WCAG ratio between a highlight's text and its background composited over everything beneath it. */
async function highlightContrast(page: Page, id: string): Promise<number> {
  const { text, layers } = await paintedColours(page, id)
  // The canvas under the page is white in Chromium unless the root paints something.
  let under = parseCssColor('rgb(255, 255, 255)')
  for (const layer of [...layers].reverse()) under = composite(parseCssColor(layer), under)
  return contrastRatio(composite(parseCssColor(text), under), under)
}

describe('highlight colours keep the text readable', () => {
  it('every colour, normal, hovered, active and flashed, in every theme, meets WCAG AA (4.5:1)', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const [sample] = await callApi<{ id: string }[]>(page, 'listArticles')
    const text = plainText((await callApi<{ doc: DocNode }>(page, 'getArticle', sample!.id)).doc)
    const words = ['لافروف', 'موسكو', 'الخارجية', 'الروسي', 'سيرغي']
    const ids = new Map<string, string>()
    for (const [i, color] of HIGHLIGHT_COLORS.entries()) {
      const quote = words[i]!
      const made = await callApi<{ id: string }>(page, 'addAnnotation', {
        articleId: sample!.id,
        ...rangeOf(text, quote),
        quote,
        color,
        note: '',
        tags: [],
      })
      ids.set(color, made.id)
    }
    await page.reload()
    await waitForLibrary(page)
    await page.locator('.article-link').first().click()
    await waitForReader(page)

    const failures: string[] = []
    const check = async (theme: string, color: string, state: string): Promise<void> => {
      const ratio = await highlightContrast(page, ids.get(color)!)
      if (ratio < 4.5) failures.push(`${theme} ${color} ${state}: ${ratio.toFixed(2)}:1`)
    }
    for (const theme of THEMES) {
      await page.evaluate((theme) => (document.documentElement.dataset.theme = theme), theme)
      for (const color of HIGHLIGHT_COLORS) {
        const id = ids.get(color)!
        const span = page.locator(`.reader .ProseMirror [data-annotation-id="${id}"]`).first()
        await span.scrollIntoViewIfNeeded()
        await page.mouse.move(0, 0)
        await check(theme, color, 'normal')
        await span.hover()
        await check(theme, color, 'hovered')
        // Chosen from the notes panel: made active and flashed; the flash is held at its strongest frame.
        await page.locator(`.notes-panel li[data-annotation-id="${id}"] .note-go`).click()
        await page.waitForSelector(`.reader .ProseMirror .hl-flash.hl-active[data-annotation-id="${id}"]`)
        await span.evaluate((e) => {
          for (const a of e.getAnimations()) {
            a.pause()
            a.currentTime = 0
          }
        })
        await check(theme, color, 'flashed')
        if (theme === 'light' && color === 'green')
          await screenshot(page, 'highlight-contrast-flash-light.png')
        if (theme === 'dark' && color === 'green') await screenshot(page, 'highlight-contrast-flash-dark.png')
        await span.evaluate((e) => e.getAnimations().forEach((a) => a.finish()))
        await page.waitForSelector(`.reader .ProseMirror .hl-flash[data-annotation-id="${id}"]`, {
          state: 'detached',
          timeout: 10_000,
        })
        // Still the active highlight (Enter edits it) once the flash is over.
        await page.waitForSelector(`.reader .ProseMirror .hl-active[data-annotation-id="${id}"]`)
        await check(theme, color, 'active')
      }
    }
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
    expect(failures).toEqual([])
  })
})
