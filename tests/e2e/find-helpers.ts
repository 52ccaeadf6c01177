import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from '../support/preview'
import { callApi, waitForReader } from './harness'

/**
 * Find matches are drawn as CSS Custom Highlights (no elements): these read
 * the page's highlight registry, so a test still checks the very characters
 * each drawn match covers.
 */

/** The text of every drawn find match (`find-match` and `find-current`), in document order. */
export function findMatchTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges = ['find-match', 'find-current'].flatMap((name) =>
      Array.from(CSS.highlights.get(name) ?? [], (r) => r as Range),
    )
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    // Only ranges inside the reader's text count as drawn.
    const text = document.querySelector('.reader .ProseMirror')
    return ranges.filter((r) => text?.contains(r.commonAncestorContainer)).map((r) => r.toString())
  })
}

/** How many find matches are drawn. */
export async function findMatchCount(page: Page): Promise<number> {
  return (await findMatchTexts(page)).length
}

/** The current match's text, or null when none is drawn. */
export function currentMatchText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    for (const r of CSS.highlights.get('find-current') ?? []) return (r as Range).toString()
    return null
  })
}

/** The current match's box on screen, or null when none is drawn. */
export function currentMatchBox(page: Page): Promise<{ top: number; bottom: number } | null> {
  return page.evaluate(() => {
    for (const r of CSS.highlights.get('find-current') ?? []) {
      const box = (r as Range).getBoundingClientRect()
      return { top: box.top, bottom: box.bottom }
    }
    return null
  })
}

/** Whether the current match is on screen below the top bar. */
export async function currentMatchOnScreen(page: Page): Promise<boolean> {
  const box = await currentMatchBox(page)
  if (!box) return false
  const { top, height } = await page.evaluate(() => ({
    top: document.querySelector('.topbar')!.getBoundingClientRect().bottom,
    height: window.innerHeight,
  }))
  return box.bottom > top && box.top < height
}

/** Whether some drawn find match lies within the screen below `top` (px). */
export function someMatchOnScreen(page: Page, top: number): Promise<boolean> {
  return page.evaluate(
    (top) =>
      ['find-match', 'find-current'].some((name) =>
        Array.from(CSS.highlights.get(name) ?? []).some((r) => {
          const box = (r as Range).getBoundingClientRect()
          return box.height > 0 && box.top > top && box.bottom < window.innerHeight
        }),
      ),
    top,
  )
}

/** Imports a fixture through the API and opens it in the reader: the find tests start from a known text. */
export async function openFixture(page: Page, path: string): Promise<void> {
  const added = await callApi<{ article: { id: string } }>(page, 'importFile', {
    name: path.split('/').pop(),
    bytes: { $bytes: readFileSync(join(ROOT, 'tests/fixtures', path)).toString('base64') },
  })
  await page.goto(new URL(`/#/read/${added.article.id}`, page.url()).href)
  await waitForReader(page)
}
