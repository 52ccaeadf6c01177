import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { validateCall } from '../../../common/contract/dispatch'
import { Library } from '../../../main/library/library'

const ROOT = resolve(__dirname, '../../..')
const sample = {
  name: 'lavrov-shaibani-moscow.ar.txt',
  bytes: new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt'))),
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-meta-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Writes `meta` into the first article of library.json on disk, as a hand edit or another version would. */
async function putMeta(meta: unknown): Promise<string> {
  const file = join(dir, 'library.json')
  const data = JSON.parse(await readFile(file, 'utf8'))
  data.articles[0].meta = meta
  await writeFile(file, JSON.stringify(data, null, 2))
  return data.articles[0].id
}

describe('article metadata in library.json', () => {
  it('an article without meta (an older library) reads as nothing known', async () => {
    const library = await Library.open(dir, { sample })
    expect(library.listArticles()[0]!.meta).toBeUndefined()
  })

  it('good metadata survives a reopen as written, Arabic names included', async () => {
    await Library.open(dir, { sample })
    const meta = {
      authors: [{ literal: 'سيرغي لافروف' }, { family: 'Smith', given: 'Anna' }],
      container: 'روسيا اليوم',
      publisher: 'RT',
      published: [2025, 12, 24],
      language: 'ar',
      url: 'https://arabic.rt.com/russia/1',
      doi: '10.1000/xyz123',
      pages: '12-34',
      volume: '3',
      issue: '2',
      kind: 'article-newspaper',
    }
    const id = await putMeta(meta)
    const reopened = await Library.open(dir, { sample })
    expect(reopened.listArticles().find((a) => a.id === id)!.meta).toEqual(meta)
    expect(reopened.listNotices()).toEqual([])
  })

  it('a bad field costs that field only: the article, its other fields and the file stay, and the user is told', async () => {
    await Library.open(dir, { sample })
    const id = await putMeta({
      authors: [{ literal: 'سيرغي لافروف' }, { literal: 42 }],
      container: 'روسيا اليوم',
      published: [2025, 2, 30],
      url: 'javascript:alert(1)',
      kind: 'poem',
    })
    const reopened = await Library.open(dir, { sample })
    const article = reopened.listArticles().find((a) => a.id === id)!
    expect(article.title.length).toBeGreaterThan(0)
    expect(article.meta).toEqual({ container: 'روسيا اليوم' })
    const notices = reopened.listNotices().map((n) => n.message)
    expect(notices).toEqual([
      expect.stringMatching(/could not be read and were dropped \(authors, published, url, kind\)/),
    ])
    // Written back cleaned, so the next open says nothing more.
    const onDisk = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
    expect(onDisk.articles[0].meta).toEqual({ container: 'روسيا اليوم' })
    expect((await Library.open(dir, { sample })).listNotices()).toEqual([])
  })

  it('an imported page keeps what its head said, through a reopen', async () => {
    const library = await Library.open(dir, { sample })
    const name = 'ojs-journal-article.html'
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/meta', name)))
    const outcome = await library.importFile({ name, bytes })
    expect(outcome.status).toBe('added')
    const reopened = await Library.open(dir, { sample })
    const article = reopened.listArticles().find((a) => a.source === name)!
    expect(article.meta?.authors).toEqual([
      { literal: 'فاطمة الزهراء بن علي' },
      { literal: 'محمد عبد الرحمن' },
    ])
    expect(article.meta?.doi).toBe('10.31185/jls.v12i2.345')
    const onDisk = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
    expect(onDisk.articles.find((a: { source: string }) => a.source === name).meta.published).toEqual([
      2023, 6, 15,
    ])
  })

  it('a meta that is not an object is dropped whole, the article kept', async () => {
    await Library.open(dir, { sample })
    const id = await putMeta('by Lavrov')
    const reopened = await Library.open(dir, { sample })
    const article = reopened.listArticles().find((a) => a.id === id)!
    expect(article).toBeDefined()
    expect(article.meta).toBeUndefined()
    expect(reopened.listNotices()).toHaveLength(1)
  })

  it('setArticleMeta (the contract method) checks its argument, writes, and tells the change feed', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    const meta = { authors: [{ literal: 'سيرغي لافروف' }], published: [2025, 12] }
    const [checkedId, checked] = validateCall('setArticleMeta', [id, meta])
    const changes: unknown[] = []
    library.changes.subscribe((change) => changes.push(change))
    expect((await library.setArticleMeta(checkedId, checked)).meta).toEqual(meta)
    expect(changes).toContainEqual({ kind: 'article-changed', articleId: id })
    expect((await Library.open(dir, { sample })).listArticles()[0]!.meta).toEqual(meta)
    // An empty record clears it.
    expect((await library.setArticleMeta(id, {})).meta).toBeUndefined()
  })

  it('a bad meta is refused by the contract schema, and by the library itself (the CLI path), nothing written', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    for (const bad of [
      { published: [2025, 13] },
      { url: 'javascript:alert(1)' },
      { authors: [{ literal: '' }] },
      { kind: 'poem' },
      { colour: 'red' },
    ])
      expect(() => validateCall('setArticleMeta', [id, bad])).toThrow()
    const before = await readFile(join(dir, 'library.json'), 'utf8')
    await expect(library.setArticleMeta(id, { published: [2025, 2, 30] } as never)).rejects.toThrow(
      /details were not saved: published not valid/,
    )
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(before)
  })
})
