import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { snapshotDir } from '../../support/library-dir'

const ROOT = resolve(__dirname, '../../..')
const sampleBytes = new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt')))
const sample = { name: 'lavrov-shaibani-moscow.ar.txt', bytes: sampleBytes }
const utf8 = (s: string) => new TextEncoder().encode(s)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-library-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a new library', () => {
  it('starts with the sample article, dated from its first line, right to left', async () => {
    const library = await Library.open(dir, { sample })
    const [article] = library.listArticles()
    expect(article).toBeDefined()
    expect(article!.date).toBe('2025-12-24')
    expect(article!.lang).toBe('ar')
    expect(article!.dir).toBe('rtl')
    expect(article!.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    const text = plainText((await library.getArticle(article!.id)).doc)
    expect(text).not.toMatch(/date 2025/)
    expect(text.startsWith('التقى وزراء الخارجية')).toBe(true)
    expect(article!.chars).toBe([...text].length)
  })

  it('keeps the sample deleted once the user has deleted it', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await library.trashArticle(id)
    const reopened = await Library.open(dir, { sample })
    expect(reopened.listArticles()).toHaveLength(1)
    expect(reopened.listArticles()[0]!.trashed).not.toBeNull()
  })

  it('can start empty', async () => {
    const library = await Library.open(dir, { sample, noSample: true })
    expect(library.listArticles()).toEqual([])
  })
})

describe('import', () => {
  it('recognises the same text again and adds nothing', async () => {
    const library = await Library.open(dir, { sample })
    const before = await snapshotDir(dir)
    const again = await library.importFile({ name: 'copy.txt', bytes: sampleBytes })
    expect(again.status).toBe('duplicate')
    expect(again.message).toMatch(/already in the library/)
    expect(await snapshotDir(dir)).toEqual(before)
  })

  it.each([
    [
      'picture.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 0, 0]),
    ],
    ['notes.docx', utf8('hello')],
    ['empty.txt', new Uint8Array()],
    ['blank.txt', utf8('   \n\n  ')],
    ['random.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)],
    ['broken.epub', utf8('this is not a zip')],
  ])(
    'rejects %s with a clear message and leaves the library byte-for-byte unchanged',
    async (name, bytes) => {
      const library = await Library.open(dir, { sample })
      const before = await snapshotDir(dir)
      const outcome = await library.importFile({ name, bytes })
      expect(outcome.status).toBe('rejected')
      expect(outcome.message.startsWith(name)).toBe(true)
      expect(outcome.message.length).toBeGreaterThan(name.length + 10)
      expect(await snapshotDir(dir)).toEqual(before)
      expect(library.listArticles()).toHaveLength(1)
    },
  )

  it('writes the article file and library.json before it says "added"', async () => {
    const library = await Library.open(dir, { noSample: true })
    const outcome = await library.importFile({ name: 'a.md', bytes: utf8('# عنوان\n\nفقرة *مهمة* هنا.\n') })
    expect(outcome.status).toBe('added')
    const id = outcome.article!.id
    const onDisk = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as {
      articles: { id: string }[]
    }
    expect(onDisk.articles.map((a) => a.id)).toEqual([id])
    const file = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')) as { id: string }
    expect(file.id).toBe(id)
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([])
  })
})

describe('changes persist across a restart', () => {
  it('rename, tags, trash and restore, settings and reading position', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await library.renameArticle(id, 'لافروف والشيباني')
    await library.setArticleTags(id, ['سياسة', 'روسيا', 'سياسة'])
    await library.trashArticle(id)
    await library.updateSettings({ theme: 'sepia', fontSize: 24 })
    await library.setReadingPosition(id, 120)
    let reopened = await Library.open(dir, { sample })
    let a = reopened.listArticles()[0]!
    expect(a.title).toBe('لافروف والشيباني')
    expect(a.tags).toEqual(['سياسة', 'روسيا'])
    expect(a.trashed).not.toBeNull()
    expect(reopened.getSettings()).toMatchObject({ theme: 'sepia', fontSize: 24 })
    expect(reopened.getReadingPosition(id)).toBe(120)
    await reopened.restoreArticle(id)
    reopened = await Library.open(dir, { sample })
    a = reopened.listArticles()[0]!
    expect(a.trashed).toBeNull()
  })

  it('answers unknown ids with not-found', async () => {
    const library = await Library.open(dir, { sample })
    await expect(library.getArticle('ffffffff')).rejects.toMatchObject({ code: 'not-found' })
    await expect(library.renameArticle('ffffffff', 'x')).rejects.toBeInstanceOf(HamishError)
  })
})

describe('damaged files', () => {
  it('moves a corrupt library.json aside, restores the newest backup and tells the user', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await library.renameArticle(id, 'first name')
    await library.renameArticle(id, 'second name')
    await writeFile(join(dir, 'library.json'), '{"version": 1, "articles": [ {"id": ')
    const reopened = await Library.open(dir, { sample })
    const notices = reopened.listNotices()
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toMatch(/library\.json was damaged/)
    expect(notices[0]!.message).toMatch(/corrupt-/)
    // The last acknowledged rename is back: the newest backup is taken before each write is acknowledged.
    expect(reopened.listArticles()[0]!.title).toBe('second name')
    const moved = (await readdir(dir)).filter((f) => f.startsWith('library.json.corrupt-'))
    expect(moved).toHaveLength(1)
    expect(await readFile(join(dir, moved[0]!), 'utf8')).toBe('{"version": 1, "articles": [ {"id": ')
    reopened.dismissNotice(notices[0]!.id)
    expect(reopened.listNotices()).toEqual([])
  })

  it('says clearly when an article file is gone and cannot be restored', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await rm(join(dir, 'articles', `${id}.json`))
    const reopened = await Library.open(dir, { sample })
    await expect(reopened.getArticle(id)).rejects.toMatchObject({ code: 'storage' })
  })
})

describe('deleting an article for good', () => {
  it('refuses an article that is not in the Trash and changes nothing', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await library.search('الشيباني', {})
    const before = await snapshotDir(dir)
    await expect(library.deleteArticleForever(id)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('not in the Trash') as string,
    })
    expect(await snapshotDir(dir)).toEqual(before)
    await expect(library.deleteArticleForever('ffffffff')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('removes a trashed article, its file, annotations, reading position and index entry, for good', async () => {
    const library = await Library.open(dir, { sample })
    const keep = await library.importFile({ name: 'other.txt', bytes: utf8('نص آخر عن الشيباني في دمشق.\n') })
    const id = library.listArticles().find((a) => a.source.startsWith('lavrov'))!.id
    const quote = 'الشيباني'
    const text = plainText((await library.getArticle(id)).doc)
    const start = [...text.slice(0, text.indexOf(quote))].length
    await library.addAnnotation({
      articleId: id,
      start,
      end: start + 8,
      quote,
      color: 'yellow',
      note: 'ملاحظة',
    })
    await library.setReadingPosition(id, 40)
    expect((await library.search(quote, {})).map((r) => r.articleId)).toContain(id)
    const indexFile = library.searchIndex().file(id)
    expect(await readdir(join(dir, 'search-index'))).toContain(`${id}.json`)

    await library.trashArticle(id)
    await library.deleteArticleForever(id)

    expect(library.listArticles().map((a) => a.id)).toEqual([keep.article!.id])
    await expect(library.getArticle(id)).rejects.toMatchObject({ code: 'not-found' })
    expect(await readdir(join(dir, 'articles'))).toEqual([`${keep.article!.id}.json`])
    expect(await readdir(join(dir, 'search-index'))).not.toContain(indexFile.split('/').pop())
    expect((await library.search(quote, {})).map((r) => r.articleId)).toEqual([keep.article!.id])
    const listed = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as {
      positions: Record<string, number>
    }
    expect(Object.keys(listed.positions)).not.toContain(id)

    // A restart finds it gone too, and the same file imports again as new.
    const reopened = await Library.open(dir, { sample })
    expect(reopened.listArticles().map((a) => a.id)).toEqual([keep.article!.id])
    expect((await reopened.importFile(sample)).status).toBe('added')
  })
})
