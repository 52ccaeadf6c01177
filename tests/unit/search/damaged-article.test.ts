import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../main/library/library'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-search-damaged-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const utf8 = (s: string) => new TextEncoder().encode(s)

/** Three articles that all mention عثمان; the first one's file is then damaged or removed, with no backup. */
async function libraryWithBrokenArticle(breakIt: (file: string) => Promise<void>) {
  const library = await Library.open(dir, { noSample: true })
  const ids: string[] = []
  for (const [name, body] of [
    ['a.txt', 'الأول\n\nكتب عثمان رسالة طويلة.\n'],
    ['b.txt', 'الثاني\n\nوصل عثمان إلى المدينة.\n'],
    ['c.txt', 'الثالث\n\nقال عثمان كلمته.\n'],
  ]) {
    const outcome = await library.importFile({ name: name!, bytes: utf8(body!) })
    ids.push(outcome.article!.id)
  }
  const [broken, ...good] = ids as [string, ...string[]]
  await breakIt(join(dir, 'articles', `${broken}.json`))
  await rm(join(dir, 'search-index', `${broken}.json`))
  // Its import kept a backup of its file: gone too, so nothing can restore it.
  for (const name of await readdir(join(dir, 'backups')))
    if (name.startsWith(`${broken}.json.`)) await rm(join(dir, 'backups', name))
  return { library: await Library.open(dir, { noSample: true }), broken, good }
}

const messages = (library: Library) => library.listNotices().map((n) => n.message)

describe('one article that cannot be read does not break search', () => {
  it('searches the others when an article file is damaged with no backup, and says so once', async () => {
    const { library, broken, good } = await libraryWithBrokenArticle((file) =>
      writeFile(file, '{"version":1,'),
    )
    const results = await library.search('عثمان', {})
    expect(results.map((r) => r.articleId).sort()).toEqual([...good].sort())
    expect(messages(library)).toEqual([
      expect.stringMatching(
        new RegExp(`^${broken}\\.json, the file of “الأول”, was damaged .* cannot be opened until`),
      ),
      `“الأول” was left out of the search: The file of article ${broken} is missing or damaged and no backup could be restored.`,
    ])
    expect(library.listNotices().every((n) => n.level === 'error')).toBe(true)
    expect(library.searchIndex().skipped).toEqual(new Set([broken]))

    // Searching again still finds the others and does not repeat the notice.
    expect((await library.search('عثمان', {})).map((r) => r.articleId).sort()).toEqual([...good].sort())
    expect(messages(library)).toHaveLength(2)
    // Its title is still searched: only its text is missing.
    expect((await library.search('الأول', {})).map((r) => r.articleId)).toEqual([broken])
  })

  it('searches the others when an article file is missing, and tells the user', async () => {
    const { library, broken, good } = await libraryWithBrokenArticle((file) => rm(file))
    const results = await library.search('عثمان', {})
    expect(results.map((r) => r.articleId).sort()).toEqual([...good].sort())
    expect(messages(library)).toEqual([
      `“الأول” was left out of the search: The file of article ${broken} is missing or damaged and no backup could be restored.`,
    ])
  })

  it('takes the article back once its file is readable again', async () => {
    let saved = ''
    const { library, broken } = await libraryWithBrokenArticle(async (file) => {
      saved = file
      await rm(file, { force: true })
    })
    expect(await library.search('رسالة', {})).toEqual([])
    // A good copy to put back: the same text imported elsewhere, under this article's id.
    const other = await Library.open(join(dir, 'elsewhere'), { noSample: true })
    const copy = await other.importFile({ name: 'a.txt', bytes: utf8('الأول\n\nكتب عثمان رسالة طويلة.\n') })
    const file = JSON.parse(await readFile(other.paths.articleFile(copy.article!.id), 'utf8')) as object
    const text = JSON.stringify({ ...file, id: broken })
    await writeFile(saved, text)
    expect((await library.search('رسالة', {})).map((r) => r.articleId)).toEqual([broken])
    expect(library.searchIndex().skipped.size).toBe(0)
  })
})
