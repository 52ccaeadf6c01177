import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../common/article'
import { servePages, type PageServer } from '../support/page-server'
import { tempLibrary } from '../support/preview'
import {
  browserPerFile,
  callApi,
  importResults,
  openApp,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

const FIXTURES = join(__dirname, '../fixtures')
/** /مقالة and /قديم as the server sees them: percent-encoded UTF-8. */
const ARTICLE_PATH = `/${encodeURIComponent('مقالة')}`
const OLD_PATH = `/${encodeURIComponent('قديم')}`
const env = browserPerFile()
let server: PageServer
const work = mkdtempSync(join(tmpdir(), 'hamish-address-e2e-'))

beforeAll(async () => {
  const osman = readFileSync(join(FIXTURES, 'arcd-01-osman-i.html'))
  const andalus = readFileSync(join(FIXTURES, 'arcd-02-al-andalus.html'))
  const udhr = readFileSync(join(FIXTURES, 'udhr-arb.html'))
  const html = (body: Buffer) => (_q: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body)
  // Loopback only: every address here is "on this computer", so the app must ask before saving it.
  server = await servePages({
    '/osman': html(osman),
    '/andalus': html(andalus),
    '/udhr': html(udhr),
    '/old-link': (_q, res) => res.writeHead(301, { location: '/moved' }).end(),
    '/moved': (_q, res) => res.writeHead(302, { location: '/andalus' }).end(),
    // An Arabic path (مقالة), reached from another (قديم) by a redirect; and an empty page.
    [ARTICLE_PATH]: html(udhr),
    [OLD_PATH]: (_q, res) => res.writeHead(302, { location: ARTICLE_PATH }).end(),
    '/empty': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(),
  })
})
afterAll(async () => {
  await server?.close()
  rmSync(work, { recursive: true, force: true })
})

async function articles(page: Page): Promise<ArticleSummary[]> {
  return callApi<ArticleSummary[]>(page, 'listArticles')
}

/** Opens Save from address… from the top bar, types the address and presses Enter. */
async function saveFromDialog(page: Page, address: string): Promise<void> {
  await page.click('[data-action=save-address]')
  await page.waitForSelector('dialog[open].address-dialog')
  await page.keyboard.type(address)
  await page.keyboard.press('Enter')
}

/** Waits for the question about an address on this computer and answers it. */
async function answerPrivate(page: Page, save: boolean): Promise<string> {
  const dialog = page.locator('dialog[open].private-address-dialog')
  await dialog.waitFor()
  const text = (await dialog.locator('.dialog-body').textContent()) ?? ''
  await dialog
    .locator('footer button', { hasText: save ? /Save anyway|الحفظ على أي حال/ : /Cancel|إلغاء/ })
    .click()
  await dialog.waitFor({ state: 'detached' })
  return text
}

/** The report's lines once the panel shows a finished batch whose first line names `name`. */
async function reportFor(page: Page, name: string): Promise<{ status: string; text: string }[]> {
  await page.waitForFunction(
    (n) => {
      const panel = document.querySelector('.import-panel:not([hidden]):not(.busy)')
      return panel?.querySelector('.import-name')?.textContent === n
    },
    name,
    { timeout: 30_000 },
  )
  return importResults(page)
}

describe('saving a page from its web address', () => {
  it('asks before a loopback address, saves only on confirm, shows redirects and a 404, and takes a pasted or dropped link', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app: AppSession = await openApp(env.browser, { seed: false })
    env.sessions.push(app)
    const { page } = app
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(page.url()).origin,
    })

    // The dialog: labelled field focused, anything but http(s) answered in place, Escape hands focus back.
    const opener = page.locator('[data-action=save-address]')
    await opener.focus()
    await page.keyboard.press('Enter')
    const dialog = page.locator('dialog[open].address-dialog')
    await dialog.waitFor()
    const field = page.getByLabel('Web address')
    await expect(field.evaluate((input) => input === document.activeElement)).resolves.toBe(true)
    await page.keyboard.type('ftp://example.org/file')
    await page.keyboard.press('Enter')
    await expect(dialog.locator('.field-error').textContent()).resolves.toBe(
      'This is not a web address Hamish can save from: it must start with http:// or https://.',
    )
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true')
    await screenshot(page, 'address-en-dialog-invalid.png')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect(opener.evaluate((b) => b === document.activeElement)).resolves.toBe(true)
    expect(await articles(page)).toEqual([])

    // A loopback address: the app asks, naming it; Cancel stores nothing.
    const osman = `${server.origin}/osman`
    await saveFromDialog(page, osman)
    const question = await answerPrivate(page, false)
    expect(question).toContain(osman)
    expect(question).toContain('127.0.0.1')
    expect(question).toContain('on this computer or your local network')
    expect(question).not.toContain('--allow-private')
    const cancelled = await reportFor(page, osman)
    expect(cancelled.map((r) => r.status)).toEqual(['cancelled'])
    expect(await articles(page)).toEqual([])

    // Confirmed: stored, with its address and fetch time, and opened from the report.
    await saveFromDialog(page, osman)
    await page.locator('dialog[open].private-address-dialog').waitFor()
    await screenshot(page, 'address-en-confirm.png')
    await answerPrivate(page, true)
    const added = await reportFor(page, osman)
    expect(added.map((r) => r.status)).toEqual(['added'])
    const [saved] = await articles(page)
    expect(saved!.source).toBe(osman)
    expect(Date.parse(saved!.fetched!)).toBeGreaterThan(Date.now() - 5 * 60_000)

    // A redirect chain, named from the address asked for to the page saved.
    const oldLink = `${server.origin}/old-link`
    await saveFromDialog(page, oldLink)
    await answerPrivate(page, true)
    const redirected = await reportFor(page, oldLink)
    expect(redirected.map((r) => r.status)).toEqual(['added'])
    await expect(page.locator('.import-redirects').textContent()).resolves.toBe(
      `Redirected: \u2066${oldLink} → ${server.origin}/moved → ${server.origin}/andalus\u2069`,
    )
    await screenshot(page, 'address-en-report-redirects.png')

    // The same page again: a duplicate by fingerprint, as for files.
    await saveFromDialog(page, `${server.origin}/andalus`)
    await answerPrivate(page, true)
    expect((await reportFor(page, `${server.origin}/andalus`)).map((r) => r.status)).toEqual(['duplicate'])

    // A long everyday address (tracking parameters) in a narrow window: it wraps, the message keeps its width.
    await page.setViewportSize({ width: 800, height: 700 })
    const tracked = `${server.origin}/andalus?utm_source=newsletter&utm_campaign=${'x'.repeat(160)}&ref=abcdef`
    await saveFromDialog(page, tracked)
    await answerPrivate(page, true)
    expect((await reportFor(page, tracked)).map((r) => r.status)).toEqual(['duplicate'])
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
      message: document.querySelector('.import-result .import-message')!.getBoundingClientRect().width,
    }))
    expect(widths.page).toBeLessThanOrEqual(widths.view)
    expect(widths.message).toBeGreaterThan(180)
    await screenshot(page, 'address-en-report-long-800.png')
    await page.setViewportSize({ width: 1400, height: 900 })

    // A 404: rejected with the server's answer, nothing stored.
    const missing = `${server.origin}/no-such-page`
    await saveFromDialog(page, missing)
    await answerPrivate(page, true)
    const notFound = await reportFor(page, missing)
    expect(notFound).toEqual([
      {
        status: 'rejected',
        text: `Rejected${missing}The server answered 404 \u2068Not Found\u2069; nothing was added.`,
      },
    ])
    expect(await articles(page)).toHaveLength(2)

    // Ctrl+V of a link with focus outside any field, on the library page.
    const udhr = `${server.origin}/udhr`
    await page.evaluate((text) => navigator.clipboard.writeText(text), udhr)
    await page.locator('.library-heading, h1').first().click()
    await page.keyboard.press('Control+V')
    await answerPrivate(page, true)
    expect((await reportFor(page, udhr)).map((r) => r.status)).toEqual(['added'])
    expect((await articles(page)).map((a) => a.source)).toContain(udhr)

    // The keyboard (and the native menu's item, which sends the same command) opens the same dialog.
    await page.keyboard.press('Control+Shift+L')
    await expect(page.locator('dialog[open] input').count()).resolves.toBe(1)
    await page.keyboard.press('Escape')
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0)

    // A pasted link longer than Hamish saves from: the dialog opens with it and the reason; nothing is cut or fetched.
    const long = `${server.origin}/osman?q=${'b'.repeat(2100)}&end=1`
    const listed = (await articles(page)).length
    await page.evaluate((text) => navigator.clipboard.writeText(text), long)
    await page.keyboard.press('Control+V')
    const longField = page.locator('dialog[open].address-dialog input')
    await longField.waitFor()
    await expect(longField.inputValue()).resolves.toBe(long)
    await expect(page.locator('dialog[open] .field-error').textContent()).resolves.toContain(
      'longer than 2,048 characters',
    )
    await expect(longField.getAttribute('aria-invalid')).resolves.toBe('true')
    await page.keyboard.press('Enter')
    await expect(page.locator('dialog[open].address-dialog').count()).resolves.toBe(1)
    await page.keyboard.press('Escape')
    expect(await articles(page)).toHaveLength(listed)

    // A pasted sentence is not an address: nothing happens.
    await page.evaluate(() => navigator.clipboard.writeText('see http://127.0.0.1/ for more'))
    await page.keyboard.press('Control+V')
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0)

    // A link dropped from another window (text/uri-list): the same flow; Cancel keeps the library as it was.
    const before = (await articles(page)).length
    await page.evaluate((address) => {
      const transfer = new DataTransfer()
      transfer.setData('text/uri-list', `# a comment line\r\n${address}`)
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        )
    }, `${server.origin}/osman?dropped`)
    await answerPrivate(page, false)
    expect((await reportFor(page, `${server.origin}/osman?dropped`)).map((r) => r.status)).toEqual([
      'cancelled',
    ])
    expect(await articles(page)).toHaveLength(before)

    // The reader's header: the address as a link that never navigates the window, and the fetch day.
    await page.goto(new URL(`/#/read/${encodeURIComponent(saved!.id)}`, page.url()).href)
    await waitForReader(page)
    const link = page.locator('.reader-header a.reader-source-link')
    await expect(link.getAttribute('href')).resolves.toBe(osman)
    await expect(link.textContent()).resolves.toBe(osman)
    const fetched = page.locator('.reader-header .reader-fetched time')
    await expect(fetched.getAttribute('datetime')).resolves.toBe(saved!.fetched)
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.parse(saved!.fetched!))
    await expect(fetched.textContent()).resolves.toBe(`Saved from the web on ${day}`)
    await screenshot(page, 'address-en-reader-header.png')
    const url = page.url()
    await link.click()
    await expect(page.evaluate(() => location.href)).resolves.toBe(url)
    expect(app.foreignRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
  })

  it('speaks Arabic in the dialog, the question, the report and the reader header', async ({ skip }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: false, locale: 'ar-EG' })
    env.sessions.push(app)
    const { page } = app
    await page.click('[data-action=save-address]')
    const dialog = page.locator('dialog[open].address-dialog')
    await dialog.waitFor()
    await expect(dialog.locator('label').textContent()).resolves.toBe('عنوان الويب')
    await page.keyboard.type('mailto:someone@example.org')
    await page.keyboard.press('Enter')
    await expect(dialog.locator('.field-error').textContent()).resolves.toContain('ليس عنوان ويب')
    await screenshot(page, 'address-ar-dialog-invalid.png')
    await page.keyboard.press('Escape')

    const oldLink = `${server.origin}/old-link`
    await saveFromDialog(page, oldLink)
    await page.locator('dialog[open].private-address-dialog').waitFor()
    await screenshot(page, 'address-ar-confirm.png')
    const question = await answerPrivate(page, true)
    expect(question).toContain(`\u2066${oldLink}\u2069`)
    expect(question).toContain('على هذا الحاسوب أو على شبكتك المحلية')
    await reportFor(page, oldLink)
    await expect(page.locator('.import-redirects').textContent()).resolves.toMatch(/^أُعيد التوجيه: \u2066/)
    await screenshot(page, 'address-ar-report-redirects.png')

    const [saved] = await articles(page)
    await page.goto(new URL(`/#/read/${encodeURIComponent(saved!.id)}`, page.url()).href)
    await waitForReader(page)
    const fetched = page.locator('.reader-header .reader-fetched')
    await expect(fetched.getAttribute('lang')).resolves.toBe('ar')
    await expect(fetched.textContent()).resolves.toMatch(/^حُفظت من الويب في /)
    await screenshot(page, 'address-ar-reader-header.png')
    expect(app.pageErrors).toEqual([])
  })

  for (const lang of ['en', 'ar'] as const)
    it(`shows an Arabic address as people read it, and counts a refused page as a page (${lang})`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const app = await openApp(env.browser, { seed: false, ...(lang === 'ar' ? { locale: 'ar-EG' } : {}) })
      env.sessions.push(app)
      const { page } = app
      const shown = { old: `${server.origin}/قديم`, article: `${server.origin}/مقالة` }
      await saveFromDialog(page, shown.old)
      const question = await answerPrivate(page, true)
      expect(question).toContain(`\u2066${shown.old}\u2069`)
      expect(question).not.toContain('%D9')
      const report = await reportFor(page, shown.old)
      expect(report.map((r) => r.status)).toEqual(['added'])
      await expect(page.locator('.import-redirects').textContent()).resolves.toContain(
        `\u2066${shown.old} → ${shown.article}\u2069`,
      )
      await screenshot(page, `address-${lang}-report-arabic-address.png`)
      const [saved] = await articles(page)
      // Stored as the address itself; shown as people read it.
      expect(saved!.source).toBe(`${server.origin}${ARTICLE_PATH}`)
      await expect(page.locator('.library-table .col-source bdi').first().textContent()).resolves.toBe(
        shown.article,
      )

      // An empty page: its own sentence, and the summary counts a page, not a file.
      const empty = `${server.origin}/empty`
      await saveFromDialog(page, empty)
      await answerPrivate(page, true)
      const refused = await reportFor(page, empty)
      expect(refused.map((r) => r.status)).toEqual(['rejected'])
      expect(refused[0]!.text).toMatch(
        lang === 'en' ? /The page at this address is empty/ : /الصفحة على هذا العنوان فارغة/,
      )
      await expect(page.locator('.import-status').textContent()).resolves.toContain(
        lang === 'en' ? '1 page rejected' : 'رُفضت صفحة واحدة',
      )
      await screenshot(page, `address-${lang}-report-empty-page.png`)

      await page.goto(new URL(`/#/read/${encodeURIComponent(saved!.id)}`, page.url()).href)
      await waitForReader(page)
      const link = page.locator('.reader-header a.reader-source-link')
      await expect(link.getAttribute('href')).resolves.toBe(`${server.origin}${ARTICLE_PATH}`)
      await expect(link.textContent()).resolves.toBe(shown.article)
      await screenshot(page, `address-${lang}-reader-arabic-address.png`)
      expect(app.pageErrors).toEqual([])
    })

  it('offers to save again a page the last session was still fetching when it closed', async ({ skip }) => {
    if (!env.browser) return skip()
    // What a session killed mid-fetch leaves (docs/FORMATS.md, unfinished-imports.json): the address as the name.
    const library = await tempLibrary()
    const address = `${server.origin}/andalus`
    writeFileSync(
      join(library, 'unfinished-imports.json'),
      JSON.stringify({
        version: 1,
        files: [{ ticket: 'a6f4c1de-0000-4000-8000-000000000001', name: address, size: 0 }],
      }),
    )
    try {
      const app = await openApp(env.browser, { library })
      env.sessions.push(app)
      const { page } = app
      const retry = page.locator('.import-unfinished .import-retry')
      await retry.waitFor({ state: 'visible' })
      await expect(retry.textContent()).resolves.toBe('Save these pages again')
      // No file chooser: the page is fetched again, asking first since it is on this computer.
      let chooserOpened = false
      page.on('filechooser', () => (chooserOpened = true))
      await retry.click()
      await answerPrivate(page, true)
      expect((await reportFor(page, address)).map((r) => r.status)).toEqual(['added'])
      expect((await articles(page)).map((a) => a.source)).toEqual([address])
      expect(chooserOpened).toBe(false)
    } finally {
      rmSync(library, { recursive: true, force: true })
    }
  })

  it('imports a DOCX through the page and shows its note on a line of its own under the name', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: false })
    env.sessions.push(app)
    const { page } = app
    // A DOCX Pandoc makes from the corpus's Arabic Markdown with one picture in it, which the article drops.
    const markdown = readFileSync(join(FIXTURES, 'amiri-README-Arabic.md'), 'utf8')
    writeFileSync(
      join(work, 'dot.png'),
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
    )
    writeFileSync(join(work, 'amiri.md'), `${markdown}\n\n![](dot.png)\n`)
    execFileSync('pandoc', ['amiri.md', '-f', 'markdown', '-o', 'amiri.docx'], { cwd: work })
    await page.setInputFiles('input[type=file]', {
      name: 'amiri.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: readFileSync(join(work, 'amiri.docx')),
    })
    const results = await importResults(page)
    expect(results.map((r) => r.status)).toEqual(['added'])
    const note = page.locator('.import-result .import-note')
    await expect(note.textContent()).resolves.toMatch(/image/i)
    // Under the name, below the message: not squeezed into the Open link's column.
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!
    const [name, message, noteBox] = [
      await box('.import-result .import-name'),
      await box('.import-result .import-message'),
      await box('.import-result .import-note'),
    ]
    expect(noteBox.y).toBeGreaterThanOrEqual(message.y + message.height - 1)
    expect(Math.abs(noteBox.x - name.x)).toBeLessThanOrEqual(1)
    expect(noteBox.width).toBeGreaterThan(message.width)
    await screenshot(page, 'import-en-docx-note.png')
    // Dark theme and forced colours: the note keeps its own colour and its rule (looked at in the screenshots).
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'))
    const colours = await page
      .locator('.import-result .import-note')
      .evaluate((n) => [getComputedStyle(n).color, getComputedStyle(n).borderInlineStartColor])
    expect(colours[0]).not.toBe(colours[1])
    await screenshot(page, 'import-en-docx-note-dark.png')
    await page.emulateMedia({ forcedColors: 'active' })
    await expect(
      page.locator('.import-result .import-note').evaluate((n) => getComputedStyle(n).borderInlineStartStyle),
    ).resolves.toBe('solid')
    await screenshot(page, 'import-en-docx-note-forced.png')
    await page.emulateMedia({ forcedColors: 'none' })
    await waitForLibrary(page)
    expect(app.pageErrors).toEqual([])
  })

  it('leaves the keyboard on the report after saving by keys alone; Escape and Close take focus to the page, not the body', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: false })
    env.sessions.push(app)
    const { page } = app
    await waitForLibrary(page)
    // Keys only: the shortcut, the address, Enter; the question answered by keys.
    await page.keyboard.press('Control+Shift+L')
    await page.waitForSelector('dialog[open].address-dialog')
    await page.keyboard.type(`${server.origin}/osman`)
    await page.keyboard.press('Enter')
    const question = page.locator('dialog[open].private-address-dialog')
    await question.waitFor()
    await question.locator('footer button', { hasText: /Save anyway/ }).focus()
    await page.keyboard.press('Enter')
    await reportFor(page, `${server.origin}/osman`)
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement
        return a === document.body
          ? 'body'
          : a?.closest('.import-panel')
            ? 'report'
            : a?.id || a?.tagName || ''
      })
    // The dialog that started it has closed: focus is on the report, not lost on the body.
    await expect.poll(focused).toBe('report')
    await page.keyboard.press('Escape')
    await page.locator('.import-panel').waitFor({ state: 'hidden' })
    expect(await focused()).toBe('main')
    // Again, closed with its Close button from the keyboard.
    await saveFromDialog(page, `${server.origin}/andalus`)
    await answerPrivate(page, true)
    await reportFor(page, `${server.origin}/andalus`)
    await page.locator('.import-panel .import-close').focus()
    await page.keyboard.press('Enter')
    await page.locator('.import-panel').waitFor({ state: 'hidden' })
    expect(await focused()).toBe('main')
    expect(app.pageErrors).toEqual([])
  })
})
