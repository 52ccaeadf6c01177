import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  appPerFile,
  dropFiles,
  importResults,
  rowTitles,
  SAMPLE_PATH,
  SAMPLE_WORDS,
  screenshot,
  waitForReader,
  type AppSession,
} from './harness'

/** A second article for the drag-and-drop import: Arabic with an English paragraph, a quote, a list and a link. */
const MIXED_MD = `# مقالة تجريبية مختلطة

هذه فقرة عربية فيها كلمة English في وسطها، وتبقى من اليمين إلى اليسار.

This paragraph is written in English inside an Arabic article, so it runs left to right.

2024-03-05

> اقتباس باللغة العربية داخل المقالة.

- البند الأول من القائمة
- البند الثاني من القائمة

وهذا [رابط خارجي](https://example.org/hamish-test) لا يجوز أن يفتح شيئاً.
`

let app: AppSession | null = null
appPerFile({ seed: false }, (session) => (app = session))

describe('import and read, from an empty library', () => {
  it('starts empty and imports the sample through the file picker', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await expect(page.locator('.empty-state').textContent()).resolves.toContain('Your library is empty')

    await page.setInputFiles('input[type=file]', SAMPLE_PATH)
    const results = await importResults(page)
    expect(results).toHaveLength(1)
    expect(results[0]!.status).toBe('added')
    expect(results[0]!.text).toContain(basename(SAMPLE_PATH))
    expect(await rowTitles(page)).toHaveLength(1)
    expect((await rowTitles(page))[0]).toContain('لافروف')
  })

  it('imports a second file dropped onto the window, showing the drop overlay while dragging', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    // The overlay appears while files are dragged over the window, and goes with the drop.
    await page.evaluate(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File(['x'], 'x.txt'))
      document.body.dispatchEvent(
        new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      )
    })
    await expect(page.locator('.drop-overlay').isVisible()).resolves.toBe(true)
    await dropFiles(page, [{ name: 'mixed-article.md', text: MIXED_MD, type: 'text/markdown' }])
    await expect(page.locator('.drop-overlay').isVisible()).resolves.toBe(false)

    const results = await importResults(page)
    expect(results.map((r) => r.status)).toEqual(['added'])
    await page.waitForFunction(() => document.querySelectorAll('.library-table tbody tr').length === 2)
    expect(await rowTitles(page)).toContain('مقالة تجريبية مختلطة')
  })

  it('reports the same file imported again as already in the library, adding nothing', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.click('.import-close')
    await page.setInputFiles('input[type=file]', SAMPLE_PATH)
    const results = await importResults(page)
    expect(results.map((r) => r.status)).toEqual(['duplicate'])
    expect(results[0]!.text).toContain('Already in library')
    expect(await rowTitles(page)).toHaveLength(2)
    await page.click('.import-close')
    await screenshot(page, 'library.png')
  })

  it('opens the sample right-to-left, every text block dir=auto, in the bundled Amiri', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link', { hasText: 'لافروف' }).click()
    await waitForReader(page)

    const facts = await page.evaluate(() => {
      const fontStatuses = (family: string): string[] => {
        const out: string[] = []
        document.fonts.forEach((f) => {
          if (f.family.replace(/['"]/g, '') === family) out.push(f.status)
        })
        return out
      }
      const reader = document.querySelector<HTMLElement>('.reader')!
      const text = document.querySelector<HTMLElement>('.reader .ProseMirror')!
      const blocks = Array.from(text.querySelectorAll('p, h1, h2, h3'))
      return {
        readerDir: reader.getAttribute('dir'),
        readerLang: reader.getAttribute('lang'),
        computedDirection: getComputedStyle(text).direction,
        firstBlockDirection: getComputedStyle(blocks[0]!).direction,
        blocks: blocks.length,
        blocksWithDirAuto: blocks.filter((b) => b.getAttribute('dir') === 'auto').length,
        editable: text.getAttribute('contenteditable'),
        text: text.textContent ?? '',
        fontFamily: getComputedStyle(text).fontFamily,
        amiriCheck: document.fonts.check('20px Amiri', 'التقى'),
        amiriFaces: fontStatuses('Amiri'),
        appDir: document.documentElement.dir,
        title: document.querySelector('.reader-title')?.textContent ?? '',
      }
    })
    expect(facts.readerDir).toBe('rtl')
    expect(facts.readerLang).toBe('ar')
    expect(facts.computedDirection).toBe('rtl')
    expect(facts.firstBlockDirection).toBe('rtl')
    expect(facts.blocks).toBeGreaterThan(2)
    expect(facts.blocksWithDirAuto).toBe(facts.blocks)
    expect(facts.editable).toBe('false')
    expect(facts.text).toContain(SAMPLE_WORDS)
    expect(facts.text).toContain('الشيباني')
    expect(facts.fontFamily.split(',')[0]!.replace(/['"]/g, '').trim()).toBe('Amiri')
    expect(facts.amiriCheck).toBe(true)
    expect(facts.amiriFaces).toContain('loaded')
    expect(facts.appDir).toBe('ltr')
    expect(facts.title).toContain('لافروف')

    await screenshot(page, 'reader-rtl.png')
    expect(app.foreignRequests).toEqual([])
  })

  it('selects text with the keyboard in the read-only view, and selects the whole article with Ctrl+A', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await page.focus('.reader .ProseMirror')
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowLeft')
    const partial = await page.evaluate(() => {
      const selection = document.getSelection()!
      const view = document.querySelector('.reader .ProseMirror')!
      return {
        text: selection.toString(),
        article: view.textContent ?? '',
        inside: view.contains(selection.anchorNode) && view.contains(selection.focusNode),
      }
    })
    expect(partial.inside).toBe(true)
    expect(partial.text.length).toBeGreaterThanOrEqual(10)
    expect(partial.article).toContain(partial.text)

    await page.keyboard.press('Control+a')
    const all = await page.evaluate(() => document.getSelection()!.toString())
    expect(all).toContain(SAMPLE_WORDS)
    expect(all).not.toContain('Reading settings')
  })

  it('shows a mixed article with each paragraph in its own direction, and links that do not navigate', async ({
    skip,
  }) => {
    if (!app) return skip()
    const { page } = app
    await page.click('.back-link')
    await page.locator('.article-link', { hasText: 'مقالة تجريبية' }).click()
    await waitForReader(page)
    const facts = await page.evaluate(() => {
      const text = document.querySelector<HTMLElement>('.reader .ProseMirror')!
      const direction = (el: Element | null): string | null => (el ? getComputedStyle(el).direction : null)
      const english = Array.from(text.querySelectorAll('p')).find((p) =>
        p.textContent?.startsWith('This paragraph'),
      )
      // A date line has no letter: it follows the article (dir="auto" alone would set it left to right).
      const digits = Array.from(text.querySelectorAll('p')).find((p) => p.textContent === '2024-03-05')
      const box = (el: Element | undefined): DOMRect | null => el?.getBoundingClientRect() ?? null
      return {
        base: direction(text),
        english: direction(english ?? null),
        englishDir: english?.getAttribute('dir'),
        quote: direction(text.querySelector('blockquote')),
        list: direction(text.querySelector('ul')),
        item: direction(text.querySelector('li')),
        link: text.querySelector('a')?.getAttribute('rel'),
        digits: direction(digits ?? null),
        // The date's text sits at the right edge of its paragraph, as the Arabic ones do.
        digitsAtRight: (() => {
          const range = document.createRange()
          range.selectNodeContents(digits!)
          const textBox = range.getBoundingClientRect()
          return Math.abs(box(digits)!.right - textBox.right) < 2 && textBox.left - box(digits)!.left > 100
        })(),
      }
    })
    expect(facts).toEqual({
      base: 'rtl',
      english: 'ltr',
      englishDir: 'auto',
      quote: 'rtl',
      list: 'rtl',
      item: 'rtl',
      link: 'noopener noreferrer',
      digits: 'rtl',
      digitsAtRight: true,
    })
    const before = page.url()
    await page.click('.reader .ProseMirror a')
    await page.waitForTimeout(300)
    expect(page.url()).toBe(before)
    expect(page.context().pages()).toHaveLength(1)
    await screenshot(page, 'reader-mixed.png')
    expect(app.foreignRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
