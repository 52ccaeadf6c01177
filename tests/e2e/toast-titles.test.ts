import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { MAX_TITLE_LENGTH } from '../../common/contract/limits'
import { browserPerFile, callApi, openApp, screenshot, waitForLibrary } from './harness'

/**
 * A long Arabic title inside a toast (issue 16, item 12): the title is its
 * own isolate cut to one line with an ellipsis, so the toast stays two lines
 * high in either interface; the whole sentence is the toast's tooltip and
 * what its live region reads.
 */

const env = browserPerFile()

/** An Arabic title as long as a title may be (longer ones are cut on import and refused on rename). */
const WORDS =
  'تاريخ العلاقات الدبلوماسية بين الدول العربية وروسيا في القرن العشرين دراسة في الوثائق والمراسلات'
const LONG_TITLE = (WORDS + ' ' + WORDS + ' ' + WORDS).slice(0, MAX_TITLE_LENGTH).trim()

async function trashWithToast(page: Page): Promise<{
  height: number
  lineHeight: number
  inWindow: boolean
  title: string
  live: string
  message: string
}> {
  const [article] = await callApi<{ id: string }[]>(page, 'listArticles')
  await callApi(page, 'renameArticle', article!.id, LONG_TITLE)
  await page.reload()
  await waitForLibrary(page)
  await page.locator('.library-table [data-action=trash]').first().click()
  const message = page.locator('.toast .toast-message').first()
  await message.waitFor()
  return message.evaluate((m) => {
    const font = parseFloat(getComputedStyle(m).fontSize)
    const declared = parseFloat(getComputedStyle(m).lineHeight)
    return {
      height: m.getBoundingClientRect().height,
      lineHeight: Number.isNaN(declared) ? font * 1.5 : declared,
      title: m.getAttribute('title') ?? '',
      inWindow: (() => {
        const r = m.closest('.toast')!.getBoundingClientRect()
        return r.left >= 0 && r.right <= window.innerWidth
      })(),
      live: document.querySelector('.toasts[aria-live]')?.textContent ?? '',
      message: m.textContent ?? '',
    }
  })
}

describe('a long Arabic title in a toast', () => {
  for (const locale of ['en-US', 'ar'] as const) {
    it(`stays two lines, cut with an ellipsis, the whole title on hover and in the live region (${locale})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const app = await openApp(env.browser, { seed: true, locale, width: 1000 })
      env.sessions.push(app)
      const toast = await trashWithToast(app.page)
      await screenshot(app.page, `toast-long-title-${locale}.png`)
      expect(LONG_TITLE.length).toBeGreaterThan(MAX_TITLE_LENGTH - 5)
      // Two lines at most: the quoted title on one, the rest of the sentence on the next.
      expect(toast.height).toBeLessThanOrEqual(2 * toast.lineHeight + 2)
      expect(toast.inWindow).toBe(true)
      // Nothing is lost: the sentence with its whole title is the tooltip, the text and what is announced.
      expect(toast.title).toContain(LONG_TITLE)
      expect(toast.message).toContain(LONG_TITLE)
      expect(toast.live).toContain(LONG_TITLE)
      // The title is isolated from the sentence around it and cut where it overflows.
      const subject = app.page.locator('.toast .toast-subject').first()
      expect(await subject.textContent()).toBe(`\u2068${LONG_TITLE}\u2069`)
      const cut = await subject.evaluate((s) => ({
        overflow: getComputedStyle(s).textOverflow,
        clipped: s.scrollWidth > s.clientWidth,
      }))
      expect(cut).toEqual({ overflow: 'ellipsis', clipped: true })
      expect(app.pageErrors).toEqual([])
    })
  }
})
