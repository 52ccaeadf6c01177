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
): Promise<{ ms: number; heap: number; longestTaskMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  try {
    await watchLongTasks(page)
    await page.goto(url)
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
      timeout: 180_000,
    })
    const ms = await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark)
    return { ms, heap: await heapAfterGc(page), longestTaskMs: await longestTask(page) }
  } finally {
    await page.close()
  }
}

/**
 * Records the page's long tasks (over 50 ms on the main thread) from its
 * first script on, through an init script (the DevTools protocol, which the
 * page's CSP does not govern).
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] }
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
}

/** The longest task recorded since `watchLongTasks` (0 when none passed 50 ms), and clears the record. */
export async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] }
    const longest = Math.max(0, ...w.__longTasks)
    w.__longTasks = []
    return longest
  })
}

/** The mark the reader sets on the frame after the article's text is laid out in its font. */
export const READER_PAINTED = 'hamish:reader-painted'

/** The preview URL that opens one article directly. */
export function readerUrl(previewUrl: string, articleId: string): string {
  return `${previewUrl}#article=${articleId}`
}
