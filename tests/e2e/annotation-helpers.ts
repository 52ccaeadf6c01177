import type { Page } from 'playwright-core'
import { callApi } from './harness'

/** What the API says about one annotation (the fields the tests look at). */
export interface SavedAnnotation {
  id: string
  target: { quote: { exact: string }; position: { start: number; end: number } }
  body: { color: string; note: string; tags: string[] }
  creator: { id: string; name: string }
  anchor: { start: number; end: number } | null
}

/** The id of the article open in the reader, from the URL. */
export async function openArticleId(page: Page): Promise<string> {
  return page.evaluate(() => decodeURIComponent(location.hash.replace(/^#\/read\//, '')))
}

/** The article's live annotations as main has stored them. */
export async function savedAnnotations(page: Page): Promise<SavedAnnotation[]> {
  const id = await openArticleId(page)
  const article = await callApi<{ annotations: SavedAnnotation[] }>(page, 'getArticle', id)
  return article.annotations
}

/** The ids of the highlight elements in the text (each id once). */
export async function highlightIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...new Set(
      Array.from(document.querySelectorAll<HTMLElement>('.reader .ProseMirror [data-annotation-id]')).map(
        (e) => e.dataset.annotationId!,
      ),
    ),
  ])
}

/** Each highlight's text as drawn: the text of its elements, in order (nested ones not counted twice). */
export async function highlightTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {}
    const root = document.querySelector('.reader .ProseMirror')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let e = node.parentElement; e && e !== root; e = e.parentElement) {
        const id = e.dataset.annotationId
        if (id) out[id] = (out[id] ?? '') + (node.textContent ?? '')
      }
    }
    return out
  })
}

/** Waits until the text shows `n` saved highlights (and no pending one). */
export async function waitForHighlightCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const ids = new Set(
        Array.from(document.querySelectorAll<HTMLElement>('.reader .ProseMirror [data-annotation-id]')).map(
          (e) => e.dataset.annotationId,
        ),
      )
      return ids.size === n && !document.querySelector('.reader .ProseMirror [data-pending]')
    },
    n,
    { timeout: 10_000 },
  )
}

/**
 * Viewport coordinates of the middle of character `index` of the text block
 * `block` (the index among the text's paragraphs), counted in UTF-16 units of
 * the block's text as the page shows it.
 */
export async function charPoint(page: Page, block: number, index: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ block, index }) => {
      const p = document.querySelectorAll('.reader .ProseMirror p')[block]!
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
      let left = index
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length
        if (left < length) {
          const range = document.createRange()
          range.setStart(node, left)
          range.setEnd(node, left + 1)
          const rect = range.getClientRects()[0] ?? range.getBoundingClientRect()
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
        }
        left -= length
      }
      throw new Error(`block ${block} has no character ${index}`)
    },
    { block, index },
  )
}

/** Scrolls a text block to the middle of the window, so the mouse can reach all of it. */
export async function showBlock(page: Page, block: number): Promise<void> {
  await page.evaluate((block) => {
    document
      .querySelectorAll('.reader .ProseMirror p')
      [block]!.scrollIntoView({ block: 'center', behavior: 'instant' })
  }, block)
}

/** Selects characters [start, end) of a text block with the DOM selection API, focus in the text. */
export async function selectChars(page: Page, block: number, start: number, end: number): Promise<string> {
  await page.focus('.reader .ProseMirror')
  return page.evaluate(
    ({ block, start, end }) => {
      const p = document.querySelectorAll('.reader .ProseMirror p')[block]!
      const locate = (index: number): [Node, number] => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        let left = index
        let last: Node | null = null
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length
          if (left < length) return [node, left]
          left -= length
          last = node
        }
        return [last!, last!.textContent!.length]
      }
      const range = document.createRange()
      range.setStart(...locate(start))
      range.setEnd(...locate(end))
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return selection.toString()
    },
    { block, start, end },
  )
}

/** Drags the mouse over the text like a user selecting, from one character to another. */
export async function dragSelect(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<string> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 6 })
  await page.mouse.up()
  return page.evaluate(() => document.getSelection()!.toString())
}

/** The text of text block `block`. */
export async function blockText(page: Page, block: number): Promise<string> {
  return page.evaluate(
    (block) => document.querySelectorAll('.reader .ProseMirror p')[block]!.textContent ?? '',
    block,
  )
}
