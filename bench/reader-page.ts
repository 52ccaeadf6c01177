import type { Browser, Page } from 'playwright-core'

/** Heap in use after a full garbage collection, through the DevTools protocol. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return usedSize
}

/**
 * Opens one URL in a fresh page and waits for a performance mark the page
 * sets once its text is painted; returns the mark's time (from navigation
 * start) and the heap after.
 */
export async function timeToMark(
  browser: Browser,
  url: string,
  mark: string,
): Promise<{ ms: number; heap: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  try {
    await page.goto(url)
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
      timeout: 180_000,
    })
    const ms = await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark)
    return { ms, heap: await heapAfterGc(page) }
  } finally {
    await page.close()
  }
}

/** The mark the reader sets on the frame after the article's text is laid out in its font. */
export const READER_PAINTED = 'hamish:reader-painted'

/** The preview URL that opens one article directly. */
export function readerUrl(previewUrl: string, articleId: string): string {
  return `${previewUrl}#article=${articleId}`
}
