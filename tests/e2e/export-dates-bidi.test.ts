import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { toHtml } from '../../common/export'
import { launchChromium } from '../support/preview'
import { article, input } from '../unit/export/helpers'

let browser: Browser | null = null
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

// A user review measured «2026-12-07» drawn as 07-12-2026 in the Arabic export's header: digits alone took the line's direction.
describe('dates in an HTML export with Arabic labels, drawn in a real browser', () => {
  it('read year, month, day from left to right, in the header and in the citation', async ({ skip }) => {
    if (!browser) return skip()
    const art = article('arcd-02-al-andalus.html')
    const summary = {
      ...art.summary,
      meta: { container: 'مجلة الدراسات اللغوية', published: [2023, 6, 15] as [number, number, number] },
    }
    const html = toHtml({ ...input({ ...art, summary }, []), labelLang: 'ar' }, { fonts: [] })
    const page = await browser.newPage()
    await page.setContent(html)
    // The left edges of the year and of the day inside the element's own text.
    const edges = (selector: string, year: string, day: string) =>
      page.evaluate(
        ({ selector, year, day }) => {
          const el = [...document.querySelectorAll(selector)].find((e) => e.textContent?.includes(year))!
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
          const left = (s: string) => {
            for (let n = walker.currentNode as Text | null; n; n = walker.nextNode() as Text | null) {
              const i = n.data?.indexOf(s) ?? -1
              if (i >= 0) {
                const r = document.createRange()
                r.setStart(n, i)
                r.setEnd(n, i + s.length)
                return r.getBoundingClientRect().left
              }
            }
            return NaN
          }
          const y = left(year)
          walker.currentNode = el
          return { year: y, day: left(day) }
        },
        { selector, year, day },
      )
    const exported = await edges('.doc-meta time', '2026', '-30')
    expect(exported.year).toBeLessThan(exported.day)
    const cited = await edges('.doc-citation bdi', '2023', '-15')
    expect(cited.year).toBeLessThan(cited.day)
    await page.close()
  })
})
