import { describe, expect, it } from 'vitest'
import {
  appPerFile,
  importResults,
  rowTitles,
  screenshot,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** Bytes that are plainly not text: a PDF header and a run of binary. */
function binary(prefix: string, size = 4096): Buffer {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 7919) % 256
  Buffer.from(prefix).copy(bytes)
  return bytes
}

/** A message a user can read: a sentence, no stack trace, no internal error names. */
function expectReadable(message: string): void {
  expect(message.length).toBeGreaterThan(10)
  expect(message).not.toMatch(/\n\s+at |Error:|undefined|\[object/)
}

describe('rejected imports', () => {
  it('says clearly why each bad file was refused and leaves the library as it was', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const titles = await rowTitles(page)
    expect(titles).toHaveLength(1)
    // Record every progress line the panel shows.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = [])
      const status = document.querySelector('.import-status')!
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      })
    })

    await page.setInputFiles('input[type=file]', [
      { name: 'report.pdf', mimeType: 'application/pdf', buffer: binary('%PDF-1.7\n') },
      { name: 'photo.txt', mimeType: 'text/plain', buffer: binary('\x89PNG\r\n\x1a\n') },
      { name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) },
    ])
    const results = await importResults(page)
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    for (const r of results) expectReadable(r.text)
    expect(results[0]!.text).toContain('report.pdf')
    expect(results[0]!.text.toLowerCase()).toContain('.pdf')
    await expect(page.locator('.import-status').textContent()).resolves.toBe(
      '0 articles added, 3 files rejected.',
    )
    await screenshot(page, 'import-rejected.png')

    expect(await rowTitles(page)).toEqual(titles)
    await page.reload()
    await page.waitForSelector('.library-table')
    expect(await rowTitles(page)).toEqual(titles)
  })

  it('refuses a file over 50 MB in the page, without sending it', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    let sent = 0
    page.on('request', (r) => {
      if (r.url().endsWith('/api/importFile')) sent++
    })
    await page.evaluate(() => {
      const transfer = new DataTransfer()
      transfer.items.add(
        new File([new Uint8Array(50 * 1024 * 1024 + 1)], 'huge-book.txt', { type: 'text/plain' }),
      )
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        )
      }
    })
    const results = await importResults(page)
    expect(results).toHaveLength(1)
    expect(results[0]!.status).toBe('rejected')
    expect(results[0]!.text).toContain('huge-book.txt')
    expect(results[0]!.text).toContain('Hamish imports files up to 50 MB')
    expect(sent).toBe(0)
    expect(await rowTitles(page)).toHaveLength(1)
    expect(app.pageErrors).toEqual([])
  })

  it("shows the results above the reader's notes panel, not under it", async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.goto(new URL('/#/', page.url()).href)
    await waitForLibrary(page)
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    expect(await page.locator('.notes-panel').isVisible()).toBe(true)
    await page.setInputFiles('input[type=file]', [
      { name: 'photo.txt', mimeType: 'text/plain', buffer: binary('\x89PNG\r\n\x1a\n') },
    ])
    await importResults(page)
    // Every corner of the summary and of the file's line is the panel's own, not the notes panel's.
    const covered = await page.evaluate(() =>
      ['.import-status', '.import-result'].flatMap((selector) => {
        const box = document.querySelector(selector)!.getBoundingClientRect()
        return [
          [box.left + 2, box.top + 2],
          [box.right - 2, box.bottom - 2],
        ]
          .filter(([x, y]) => !document.elementFromPoint(x!, y!)?.closest('.import-panel'))
          .map(([x, y]) => `${selector} at ${x},${y}`)
      }),
    )
    expect(covered).toEqual([])
    await screenshot(page, 'import-over-notes.png')
  })
})
