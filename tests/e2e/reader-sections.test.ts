import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '../../common/document'
import { FIND_PAGE_SIZE } from '../../common/contract/limits'
import { findMatches } from '../../common/find/match-scan'
import { plainText } from '../../common/plain-text'
import { prepareSearchText } from '../../common/search/search-text'
import { savedAnnotations } from './annotation-helpers'
import { currentMatchOnScreen, currentMatchText, findMatchCount } from './find-helpers'
import { browserPerFile, callApi, importResults, openApp, screenshot, waitForReader } from './harness'

const env = browserPerFile()

const BOOK = fileURLToPath(
  new URL('../fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt', import.meta.url),
)

/** The text of the reader's paragraph under the top bar. */
function paragraphAtTop(page: Page): Promise<string> {
  return page.evaluate(() => {
    const top = document.querySelector('.topbar')!.getBoundingClientRect().bottom
    const view = document.querySelector('.reader .ProseMirror')!.getBoundingClientRect()
    for (let y = top + 4; y < top + 60; y += 4) {
      const p = document.elementFromPoint((view.left + view.right) / 2, y)?.closest('p')
      if (p) return p.textContent ?? ''
    }
    return ''
  })
}

/** Whether an element is on screen, below the top bar. */
function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const e = document.querySelector(selector)
    if (!e) return false
    const r = e.getBoundingClientRect()
    const top = document.querySelector('.topbar')!.getBoundingClientRect().bottom
    return r.bottom > top && r.top < window.innerHeight
  }, selector)
}

/** The first paragraph start at or after `from` (an offset just after a block separator). */
function paragraphStart(text: string[], from: number): number {
  for (let i = from; i < text.length - 1; i++)
    if (text[i] === '\n' && text[i + 1] === '\n' && text[i + 2] !== '\n') return i + 2
  throw new Error('no paragraph after ' + from)
}

/** Imports the 1.47 MB book through the import page and gives its id. */
async function importBook(page: Page): Promise<string> {
  await page.setInputFiles('input[type=file]', {
    name: 'book.txt',
    mimeType: 'text/plain',
    buffer: readFileSync(BOOK),
  })
  expect((await importResults(page)).map((r) => r.status)).toEqual(['added'])
  await page.click('.import-close')
  const list = await callApi<{ id: string; title: string }[]>(page, 'listArticles')
  return list.find((a) => a.title !== 'Sample')!.id
}

describe('a long book in sections', () => {
  it('opens far into the 1.47 MB book with only a section in the page, and highlights, notes, find and search links reach every part', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { locale: 'en-US', height: 700 })
    env.sessions.push(app)
    const { page } = app
    const id = await importBook(page)
    const article = await callApi<{ doc: DocNode }>(page, 'getArticle', id)
    const text = [...plainText(article.doc)]
    const slice = (start: number, end: number): string => text.slice(start, end).join('')

    // A note near the start, and a reading position four fifths into the book.
    const near = paragraphStart(text, 3000)
    const far = await callApi<{ id: string }>(page, 'addAnnotation', {
      articleId: id,
      start: near,
      end: near + 20,
      quote: slice(near, near + 20),
      color: 'green',
    })
    const reading = paragraphStart(text, Math.floor(text.length * 0.8))
    await callApi(page, 'setReadingPosition', id, reading)

    // What the page receives from main from here on: the text must stay in main (a head, then blocks by range).
    const received: { method: string; bytes: number }[] = []
    page.on('response', (response) => {
      const method = /\/api\/(\w+)$/.exec(new URL(response.url()).pathname)?.[1]
      if (method && method !== 'events')
        void response
          .body()
          .then((body) => received.push({ method, bytes: body.length }))
          .catch(() => undefined)
    })
    await page.evaluate((id) => (location.hash = `#/read/${id}`), id)
    await waitForReader(page)
    // The paragraph saved as the reading position is at the top, and only a section of the book is in the page.
    expect(await paragraphAtTop(page)).toContain(slice(reading, reading + 30))
    const blocks = await page.locator('.reader .ProseMirror > p').count()
    expect(blocks).toBeGreaterThan(20)
    expect(blocks).toBeLessThan(1000)
    expect(await page.locator('.reader .ProseMirror > .section-placeholder').count()).toBe(2)
    await expect
      .poll(() => page.locator('.reader-position').textContent())
      .toMatch(/^(79|80|81)% of the text/)
    await screenshot(page, 'reader-sections-far.png')
    const bookBytes = readFileSync(BOOK).length
    const methods = new Set(received.map((r) => r.method))
    expect(methods.has('openArticle')).toBe(true)
    expect(methods.has('getArticleBlocks')).toBe(true)
    expect(methods.has('getArticle')).toBe(false)
    // A window of 60,000 code points and the head's block table: far less than the book.
    expect(received.reduce((n, r) => n + r.bytes, 0)).toBeLessThan(bookBytes * 0.25)

    // Highlight the first 15 letters of that paragraph: saved at its offset in the whole text.
    await page.evaluate(
      (wanted) => {
        const p = [...document.querySelectorAll('.reader .ProseMirror > p')].find((e) =>
          e.textContent!.startsWith(wanted),
        )!
        const node = p.firstChild!
        document.getSelection()!.setBaseAndExtent(node, 0, node, 15)
      },
      slice(reading, reading + 30),
    )
    await page.keyboard.press('h')
    await expect.poll(async () => (await savedAnnotations(page)).length).toBe(2)
    const mine = (await savedAnnotations(page)).find((a) => a.id !== far.id)!
    expect(mine.target.position).toMatchObject({ start: reading, end: reading + 15 })
    expect(mine.target.quote.exact).toBe(slice(reading, reading + 15))
    expect(await onScreen(page, `.reader .ProseMirror mark[data-annotation-id="${mine.id}"]`)).toBe(true)

    // The notes panel's "go to" on the note near the start: its section is laid out and the highlight shown.
    expect(await page.locator(`.reader .ProseMirror mark[data-annotation-id="${far.id}"]`).count()).toBe(0)
    if (!(await page.locator('.notes-panel').isVisible())) await page.click('.notes-toggle')
    await page.locator(`.note-item[data-annotation-id="${far.id}"] .note-go`).click()
    await expect
      .poll(() => onScreen(page, `.reader .ProseMirror mark[data-annotation-id="${far.id}"]`))
      .toBe(true)
    expect(
      await page.locator(`.reader .ProseMirror mark[data-annotation-id="${far.id}"]`).textContent(),
    ).toBe(slice(near, near + 20))
    await page.click('.notes-toggle')

    // Find a phrase from the middle of the book (the screen is near its start now).
    const middle = paragraphStart(text, Math.floor(text.length * 0.5))
    const phrase = slice(middle, middle + 25)
    await page.keyboard.press('Control+f')
    await page.keyboard.type(phrase)
    await page.keyboard.press('Enter')
    await expect.poll(() => currentMatchOnScreen(page)).toBe(true)
    expect(await currentMatchText(page)).toBe(phrase)
    expect(await paragraphAtTop(page)).not.toContain(slice(near, near + 20))

    // A common word: main counts every match of the book, the page shows that total without the text.
    const sinceFind = received.length
    await page.fill('.find-input', 'الله')
    const expected = findMatches(prepareSearchText(text.join('')), 'الله', { folded: true, wholeWord: false })
    expect(expected.length).toBeGreaterThan(FIND_PAGE_SIZE)
    await expect
      .poll(() => page.locator('.find-count').textContent())
      .toMatch(new RegExp(`of ${expected.length.toLocaleString('en-US')}$`))
    const current = await currentMatchText(page)
    expect(current?.length).toBeGreaterThan(0)
    // Far fewer matches are drawn than there are: only those near the screen.
    const drawn = await findMatchCount(page)
    expect(drawn).toBeGreaterThan(0)
    // Matches drawn at most: find-window.ts's SLICE_SIDE each side.
    expect(drawn).toBeLessThanOrEqual(400)
    // (The test's own getArticle calls, savedAnnotations, came before.)
    expect(received.slice(sinceFind).some((r) => r.method === 'findInArticle')).toBe(true)
    expect(received.slice(sinceFind).some((r) => r.method === 'getArticle')).toBe(false)
    await page.keyboard.press('Escape')

    // A library-search link to a match near the end opens the reader there, the match current.
    const late = paragraphStart(text, Math.floor(text.length * 0.97))
    const word = slice(late, late + 12)
    await page.evaluate(
      ({ id, word, late }) =>
        (location.hash = `#/read/${id}?q=${encodeURIComponent(word)}&at=${late}&folded=0`),
      { id, word, late },
    )
    await waitForReader(page)
    await expect.poll(() => currentMatchOnScreen(page)).toBe(true)
    expect(await currentMatchText(page)).toBe(word)

    // Scrolling to the very end lays out the book's last paragraph.
    await page.keyboard.press('Escape')
    const lastStart = text.lastIndexOf('\n') + 1
    for (let i = 0; i < 4; i++) {
      await page.evaluate(() =>
        window.scrollTo({ top: document.scrollingElement!.scrollHeight, behavior: 'instant' }),
      )
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
    expect(await page.locator('.reader .ProseMirror > p').last().textContent()).toBe(
      slice(lastStart, text.length),
    )
    expect(await page.locator('.reader .ProseMirror > p').count()).toBeLessThan(1000)
  })
  it('selects and copies across a section edge with Shift+arrows and the mouse, and Ctrl+A copies the whole book', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    // In the Arabic interface (the first test is in English), with a screenshot of a selection across sections.
    const app = await openApp(env.browser, { locale: 'ar', height: 700 })
    env.sessions.push(app)
    const { page } = app
    const id = await importBook(page)
    const whole = plainText((await callApi<{ doc: DocNode }>(page, 'getArticle', id)).doc)
    const text = [...whole]
    const slice = (start: number, end: number): string => text.slice(start, end).join('')
    /** The whole-text offset of the laid-out paragraph `i` from the end (its text is unique in the book). */
    const paragraphFromEnd = async (i: number): Promise<{ start: number; end: number }> => {
      const content = await page
        .locator('.reader .ProseMirror > p')
        .nth(-1 - i)
        .textContent()
      const units = whole.indexOf(content!)
      expect(whole.indexOf(content!, units + 1)).toBe(-1)
      const start = [...whole.slice(0, units)].length
      return { start, end: start + [...content!].length }
    }
    await callApi(page, 'setReadingPosition', id, paragraphStart(text, Math.floor(text.length / 2)))
    await page.evaluate((id) => (location.hash = `#/read/${id}`), id)
    await waitForReader(page)
    // What each copy puts on the clipboard, read after the reader's own handler.
    await page.evaluate(() => {
      const w = window as unknown as { __copied: string | null }
      w.__copied = null
      document.addEventListener('copy', (e) => (w.__copied = e.clipboardData?.getData('text/plain') ?? null))
    })
    const copied = async (): Promise<string | null> => {
      await page.evaluate(() => ((window as unknown as { __copied: string | null }).__copied = null))
      await page.keyboard.press('Control+c')
      return page.evaluate(() => (window as unknown as { __copied: string | null }).__copied)
    }

    // Shift+Down from the start of the window's last but one paragraph (off screen: the window stays) runs on past its end.
    const edge = await page.evaluate(() => {
      const ps = document.querySelectorAll('.reader .ProseMirror > p')
      const p = ps[ps.length - 2]!
      ;(document.querySelector('.reader .ProseMirror') as HTMLElement).focus({ preventScroll: true })
      document.getSelection()!.collapse(p.firstChild, 0)
      return { from: p.textContent!, last: ps[ps.length - 1]!.textContent! }
    })
    const offsetOf = (content: string): number => {
      const units = whole.indexOf(content)
      expect(whole.indexOf(content, units + 1)).toBe(-1)
      return [...whole.slice(0, units)].length
    }
    const from = { start: offsetOf(edge.from) }
    const windowEnd = offsetOf(edge.last) + [...edge.last].length
    // At a steady pace (a key held down repeats about 30 times a second).
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Shift+ArrowDown')
      await page.waitForTimeout(30)
    }
    await expect
      .poll(async () => [...((await copied()) ?? '')].length)
      .toBeGreaterThan(windowEnd - from.start)
    const byKeys = (await copied())!
    expect(byKeys).toBe(slice(from.start, from.start + [...byKeys].length))

    // A drag from the paragraph at the top of the screen, scrolling down past the window's end as it goes.
    await page.mouse.click(5, 300)
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)))
    const dragWindowEnd = (await paragraphFromEnd(0)).end
    const start = await page.evaluate(() => {
      const top = document.querySelector('.topbar')!.getBoundingClientRect().bottom
      const view = document.querySelector('.reader .ProseMirror')!.getBoundingClientRect()
      const p = [...document.querySelectorAll('.reader .ProseMirror > p')].find(
        (e) => e.textContent && e.getBoundingClientRect().top > top + 20,
      )!
      const r = p.getBoundingClientRect()
      return { x: r.right - 2, y: r.top + 12, text: p.textContent!, left: view.left, right: view.right }
    })
    const dragFrom = [...whole.slice(0, whole.indexOf(start.text))].length
    await page.mouse.move(start.x, start.y)
    await page.mouse.down()
    const x = (start.left + start.right) / 2
    for (let step = 0; step < 16; step++) {
      await page.mouse.move(x, 640 + (step % 2) * 20, { steps: 3 })
      await page.mouse.wheel(0, 1500)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
    await page.mouse.move(x, 650, { steps: 2 })
    await page.mouse.up()
    await screenshot(page, 'reader-sections-selection-ar.png')
    const byMouse = (await copied())!
    const at = [...whole.slice(0, whole.indexOf(byMouse))].length
    expect(Math.abs(at - dragFrom)).toBeLessThan(3)
    expect(byMouse).toBe(slice(at, at + [...byMouse].length))
    expect(at + [...byMouse].length).toBeGreaterThan(dragWindowEnd)

    // Ctrl+A then copy: the whole book, fetched from main for that copy.
    await page.locator('.reader .ProseMirror').focus()
    await page.keyboard.press('Control+a')
    await expect.poll(async () => (await copied())?.length ?? 0).toBe(whole.length)
    expect(await copied()).toBe(whole)
    expect(await page.locator('.reader .ProseMirror > p').count()).toBeLessThan(1000)
    expect(app.pageErrors).toEqual([])
  })
})
