import { describe, expect, it } from 'vitest'
import type { AnchoredAnnotation } from '../../common/annotation'
import type { Article } from '../../common/article'
import { hamishLink } from '../../common/hamish-link'
import { plainText } from '../../common/plain-text'
import { join } from 'node:path'
import {
  appPerFile,
  callApi,
  RESULTS_DIR,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** The preview page's address with `?open=` set to a link (the token is in the tab's session already). */
const openUrl = (app: AppSession, link: string): string =>
  `${new URL(app.preview.url).origin}/?open=${encodeURIComponent(link)}`

describe('hamish:// links in the preview (?open=)', () => {
  it('opens the reader at the annotation: shown, flashed and active, as when chosen in the notes panel', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const [summary] = await callApi<{ id: string }[]>(page, 'listArticles')
    const article = await callApi<Article>(page, 'getArticle', summary!.id)
    const text = Array.from(plainText(article.doc))
    // Near the end of the text, so the reader must scroll to it.
    const start = text.length - 40
    const made = await callApi<AnchoredAnnotation>(page, 'addAnnotation', {
      articleId: summary!.id,
      start,
      end: start + 12,
      quote: text.slice(start, start + 12).join(''),
      color: 'blue',
      note: 'من رابط',
    })
    const link = hamishLink({ articleId: summary!.id, annotationId: made.id })

    // The address as README gives it: the printed URL (with its token) and `&open=` after it.
    expect(app.preview.url).toContain('?token=')
    await page.goto(`${app.preview.url}&open=${encodeURIComponent(link)}`)
    await waitForReader(page)
    const flashed = page.locator(`.reader .ProseMirror .hl-flash[data-annotation-id="${made.id}"]`).first()
    await flashed.waitFor({ timeout: 15_000 })
    const onScreen = await flashed.evaluate((e) => {
      const r = e.getBoundingClientRect()
      return r.top >= 0 && r.bottom <= window.innerHeight
    })
    expect(onScreen).toBe(true)
    expect(await flashed.evaluate((e) => e.classList.contains('hl-active'))).toBe(true)
    await screenshot(page, 'app-link-opened.png')
    // The link became the reader's own route and left the address, so a reload does not open it again.
    const url = new URL(page.url())
    expect(url.searchParams.has('open')).toBe(false)
    expect(url.searchParams.has('token')).toBe(false)
    expect(url.hash).toBe(`#/read/${summary!.id}?annotation=${made.id}`)
    expect(app.pageErrors).toEqual([])
  })

  it('the article link opens the article; a link that is not one of ours says so and opens nothing', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    const [summary] = await callApi<{ id: string }[]>(page, 'listArticles')
    await page.goto(openUrl(app, hamishLink({ articleId: summary!.id })))
    await waitForReader(page)
    expect(new URL(page.url()).hash).toBe(`#/read/${summary!.id}`)

    for (const bad of [
      'hamish://evil.example/x',
      `hamish://read/${summary!.id}?annotation=<b>`,
      'https://example.org/',
    ]) {
      await page.goto(`${openUrl(app, bad)}#/`)
      await waitForLibrary(page)
      const toast = page.locator('.toast-error').filter({ hasText: 'hamish://' })
      await toast.waitFor({ timeout: 10_000 })
      expect(await toast.textContent()).toContain('This hamish:// link cannot be opened')
      expect(new URL(page.url()).hash).toBe('#/')
      expect(await page.locator('.reader').count()).toBe(0)
    }
    await screenshot(page, 'app-link-refused.png')

    // In Arabic the refusal speaks Arabic.
    await callApi(page, 'updateSettings', { language: 'ar' })
    await page.goto(`${openUrl(app, 'hamish://read/x?annotation=y&z=1')}#/`)
    await waitForLibrary(page)
    const arabic = page.locator('.toast-error').filter({ hasText: 'hamish://' })
    await arabic.waitFor({ timeout: 10_000 })
    expect(await arabic.textContent()).toContain('تعذّر فتح رابط \u2066hamish://\u2069 هذا')
    await screenshot(page, 'app-link-refused-ar.png')
    await arabic.screenshot({ path: join(RESULTS_DIR, 'app-link-refused-ar-toast.png') })
    await callApi(page, 'updateSettings', { language: 'system' })
  })
})
