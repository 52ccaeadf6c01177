import { chromium } from 'playwright-core'
import { CHROMIUM_PRINT_ARGS, defaultChromiumPath } from '../../main/export/print-html-chromium'

/**
 * A page as Chromium prints it, without a header or footer: how the PDF
 * import tests make a PDF of a layout (columns, notes, a table) from corpus
 * text without keeping binary PDFs in the repository.
 */
export async function printBare(html: string): Promise<Uint8Array> {
  const browser = await chromium.launch({
    executablePath: defaultChromiumPath(),
    args: [...CHROMIUM_PRINT_ARGS],
  })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true }))
  } finally {
    await browser.close()
  }
}
