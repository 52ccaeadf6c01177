import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../../common/contract/dispatch'
import { FIND_PAGE_SIZE, MAX_BLOCKS_PER_CALL, SECTIONS_FROM } from '../../../common/contract/limits'
import { findMatches } from '../../../common/find/match-scan'
import { documentOutline } from '../../../common/outline/document-outline'
import { plainText } from '../../../common/plain-text'
import { prepareSearchText } from '../../../common/search/search-text'
import { downloadExports } from '../../../main/export/export-host'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { createApiService } from '../../../main/library/api-service'
import { Library } from '../../../main/library/library'
import type { HamishApi } from '../../../common/contract/methods'

const BOOK = fileURLToPath(
  new URL('../../fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt', import.meta.url),
)

describe("a long article served by range (the reader's head, blocks, text and find in main)", () => {
  let dir: string
  let library: Library
  let api: HamishApi
  let id: string
  let text: string[]
  const call = <T>(method: keyof HamishApi, ...args: unknown[]) =>
    dispatchCall(api, method, args) as Promise<T>

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hamish-reader-texts-'))
    library = await Library.open(dir, { noSample: true })
    const outcome = await library.importFile({ name: 'book.txt', bytes: new Uint8Array(readFileSync(BOOK)) })
    id = outcome.article!.id
    await library.importFile({ name: 'short.txt', bytes: new TextEncoder().encode('قال الشيخ: كلمة قصيرة') })
    api = createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf })
    text = [...plainText((await library.getArticle(id)).doc)]
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('opens a long article as a head without its text, and a short one whole', async () => {
    const article = await library.getArticle(id)
    const opened = await call<Awaited<ReturnType<HamishApi['openArticle']>>>('openArticle', id)
    expect(text.length).toBeGreaterThanOrEqual(SECTIONS_FROM)
    if (opened.kind !== 'sections') throw new Error('not opened in sections')
    const { head } = opened
    expect(head.outline).toEqual(documentOutline(article.doc))
    expect(head.blockStarts.length).toBe(article.doc.content.length)
    expect(JSON.stringify(head).length).toBeLessThan(readFileSync(BOOK).length / 10)
    // Each block's place in the whole text: its first letters are there.
    const last = head.blockStarts.length - 1
    expect(head.blockStarts[last]! + head.blockLengths[last]!).toBe(text.length)
    const short = (await library.listArticles()).find((a) => a.id !== id)!
    const whole = await call<Awaited<ReturnType<HamishApi['openArticle']>>>('openArticle', short.id)
    expect(whole.kind).toBe('whole')
  })

  it('answers blocks by range and text by code points, and refuses a range too wide or backwards', async () => {
    const article = await library.getArticle(id)
    const blocks = await call<unknown[]>('getArticleBlocks', id, 100, 140)
    expect(blocks).toEqual(article.doc.content.slice(100, 140))
    const start = Math.floor(text.length / 3)
    expect(await call('getArticleText', id, start, start + 5000)).toBe(
      text.slice(start, start + 5000).join(''),
    )
    expect(await call('getArticleText', id, 0, text.length)).toBe(text.join(''))
    await expect(call('getArticleBlocks', id, 0, MAX_BLOCKS_PER_CALL + 1)).rejects.toThrow(/more than/)
    await expect(call('getArticleBlocks', id, 5, 5)).rejects.toThrow(/empty/)
    await expect(call('getArticleText', id, 10, 5)).rejects.toThrow(/before it starts/)
  })

  it('finds every match in main: the total, a page around an offset or an index, and drops a search a newer one replaced', async () => {
    const expected = findMatches(prepareSearchText(text.join('')), 'الله', { folded: true, wholeWord: false })
    expect(expected.length).toBeGreaterThan(FIND_PAGE_SIZE)
    const options = { folded: true, wholeWord: false }
    // Two searches at once: the first is superseded by the second, which finishes.
    const [first, second] = await Promise.all([
      call('findInArticle', id, 'الل', options, { offset: 0 }),
      call<{ total: number; from: number; at: number; matches: unknown[] }>(
        'findInArticle',
        id,
        'الله',
        options,
        {
          offset: Math.floor(text.length / 2),
        },
      ),
    ])
    expect(first).toEqual({ superseded: true })
    expect(second.total).toBe(expected.length)
    const at = expected.findIndex((m) => m.start >= Math.floor(text.length / 2))
    expect(second.at).toBe(at)
    expect(second.matches).toEqual(expected.slice(second.from, second.from + FIND_PAGE_SIZE))
    expect(second.from).toBeLessThanOrEqual(at)
    // Paging through the same search: by index.
    const end = await call<{ from: number; matches: unknown[] }>('findInArticle', id, 'الله', options, {
      index: expected.length - 1,
    })
    expect(end.matches).toEqual(expected.slice(end.from))
  })
})
