import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { browserPerFile, importResults, openApp, rowTitles, screenshot, waitForReader } from './harness'

const ROOT = resolve(__dirname, '../..')
const AMIRI = join(ROOT, 'tests/fixtures/pdf/Documentation-Arabic.pdf')

const env = browserPerFile()

describe('a PDF imported through the page (the built preview, its import worker and the bundled pdf.js)', () => {
  for (const [locale, tag] of [
    ['en-US', 'en'],
    ['ar', 'ar'],
  ] as const) {
    it(`${tag} interface: the Amiri PDF lands, opens right to left with whole words, and a broken PDF is refused`, async ({
      skip,
    }) => {
      if (!env.browser) return skip()
      const app = await openApp(env.browser, { locale })
      env.sessions.push(app)
      const { page } = app
      // The file picker offers .pdf (its accept list) and takes it.
      await expect(page.locator('input.file-input').getAttribute('accept')).resolves.toContain('.pdf')
      await page.setInputFiles('input.file-input', [
        { name: 'Documentation-Arabic.pdf', mimeType: 'application/pdf', buffer: readFileSync(AMIRI) },
        { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<') },
      ])
      const results = await importResults(page)
      expect(results.map((r) => r.status)).toEqual(['added', 'rejected'])
      expect(results[1]!.text).toContain('broken.pdf')
      expect(results[1]!.text).toMatch(tag === 'ar' ? /PDF/ : /not a readable PDF/)
      await screenshot(page, `pdf-import-${tag}-report.png`)
      await page.click('.import-close')
      expect(await rowTitles(page)).toContain('الخط الأميري')

      await page.locator('.article-link', { hasText: 'الخط الأميري' }).click()
      await waitForReader(page)
      const first = page.locator('.reader .ProseMirror p', { hasText: 'الخط الأميري خط نسخي' }).first()
      await expect(first.evaluate((p) => getComputedStyle(p).direction)).resolves.toBe('rtl')
      const text = (await page.locator('.reader .ProseMirror').textContent()) ?? ''
      for (const word of ['الطويلة', 'الأميرية', 'الملايوية']) expect(text).toContain(word)
      expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/)
      await screenshot(page, `pdf-import-${tag}-reader.png`)
      expect(app.foreignRequests).toEqual([])
      expect(app.pageErrors).toEqual([])
    })
  }

  it('the built CLI imports the Amiri PDF with its page starts', () => {
    const cli = join(ROOT, 'bin/hamish.js')
    if (!existsSync(join(ROOT, 'out/main/cli.js')))
      throw new Error('out/main/cli.js is missing: run `npm run build` before the e2e tests')
    const library = mkdtempSync(join(tmpdir(), 'hamish-pdf-cli-'))
    try {
      const out = execFileSync('node', [cli, 'import', AMIRI, '--library', library, '--json'], {
        encoding: 'utf8',
      })
      const [outcome] = JSON.parse(out) as { status: string; article: { id: string } }[]
      expect(outcome!.status).toBe('added')
      const file = JSON.parse(
        readFileSync(join(library, 'articles', `${outcome!.article.id}.json`), 'utf8'),
      ) as {
        pdfPages: (number | null)[]
      }
      expect(file.pdfPages).toHaveLength(8)
      expect(file.pdfPages[0]).toBe(0)
    } finally {
      rmSync(library, { recursive: true, force: true })
    }
  })
})
