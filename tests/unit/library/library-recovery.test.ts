import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { emptyLibrary, isLibraryData } from '../../../main/library/library-data'

const ROOT = resolve(__dirname, '../../..')
const sampleBytes = new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt')))
const sample = { name: 'lavrov-shaibani-moscow.ar.txt', bytes: sampleBytes }

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-recovery-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function annotate(library: Library, id: string, quote: string, note: string) {
  const text = plainText((await library.getArticle(id)).doc)
  const start = [...text.slice(0, text.indexOf(quote))].length
  await library.addAnnotation({
    articleId: id,
    start,
    end: start + [...quote].length,
    quote,
    color: 'yellow',
    note,
  })
}

describe('an article file and its search-index file keep their own backups', () => {
  it('restores a damaged article from the copy of its import: its annotations, in their log, are all there', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await library.search('الشيباني', {})
    for (const note of ['one', 'two', 'three']) await annotate(library, id, 'الشيباني', note)
    await truncate(join(dir, 'articles', `${id}.json`), 3000)

    const reopened = await Library.open(dir, { sample })
    const annotations = await reopened.listAnnotations(id)
    expect(annotations.map((a) => a.body.note)).toEqual(['one', 'two', 'three'])
    expect(reopened.listNotices().map((n) => n.message)).toEqual([
      expect.stringMatching(new RegExp(`^${id}\\.json was damaged.*last saved state.*nothing was lost`)),
    ])
    // The article file is written once, at import: one copy of it, however many annotations.
    const backups = await readdir(join(dir, 'backups'))
    expect(backups.filter((n) => n.startsWith(`${id}.json.`))).toHaveLength(1)
    // The library's search vocabulary (vocabulary.json, docs/FORMATS.md) keeps its own backup beside it.
    const indexBackups = await readdir(join(dir, 'backups', 'search-index'))
    expect(indexBackups.filter((n) => !n.startsWith('vocabulary.json.'))).toEqual([
      expect.stringMatching(new RegExp(`^${id}\\.json\\.\\d+\\.bak$`)),
    ])
  })

  it('an annotation change rewrites neither the article file nor its search-index file', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await library.search('الشيباني', {})
    const article = await readFile(join(dir, 'articles', `${id}.json`))
    const index = await readFile(join(dir, 'search-index', `${id}.json`))
    for (let i = 0; i < 8; i++) await annotate(library, id, 'الشيباني', `note ${i}`)
    expect(await readFile(join(dir, 'articles', `${id}.json`))).toEqual(article)
    expect(await readFile(join(dir, 'search-index', `${id}.json`))).toEqual(index)
    const backups = await readdir(join(dir, 'backups'))
    expect(backups.filter((n) => n.startsWith(`${id}.json.`))).toHaveLength(1)
    expect((await reopenedSearch('note 7')).length).toBe(1)
  })
})

async function reopenedSearch(query: string) {
  const library = await Library.open(dir, { sample })
  return library.search(query, {})
}

/** A library.json as the app writes it, and a way to damage it. */
async function libraryWithBackup() {
  const library = await Library.open(dir, { sample })
  const id = library.listArticles()[0]!.id
  await library.setReadingPosition(id, 12)
  await library.getProfile()
  await library.renameArticle(id, 'good name')
  // The newest backup holds this rename too: it is taken before the write is acknowledged.
  await library.renameArticle(id, 'newest name')
  const text = await readFile(join(dir, 'library.json'), 'utf8')
  return { id, data: JSON.parse(text) as Record<string, unknown> & { articles: Record<string, unknown>[] } }
}

type Data = Awaited<ReturnType<typeof libraryWithBackup>>['data']
const first = (d: Data) => d.articles[0]!

const damages: [string, (d: Data, id: string) => void][] = [
  ['an article with only an id', (d) => void d.articles.push({ id: 'zzz' })],
  ['two articles with one id', (d) => void d.articles.push({ ...first(d) })],
  ['an id that is a path', (d) => void (first(d).id = '../library')],
  ['an id in capitals', (d) => void (first(d).id = 'ABC')],
  ['an id that is a number', (d) => void (first(d).id = 7)],
  ['a title that is null', (d) => void (first(d).title = null)],
  ['a missing source', (d) => void delete first(d).source],
  ['a date that is a number', (d) => void (first(d).date = 2025)],
  ['an added that is no date', (d) => void (first(d).added = 'yesterday')],
  ['a lang that is missing', (d) => void delete first(d).lang],
  ['a dir that is no direction', (d) => void (first(d).dir = 'up')],
  ['tags that are a string', (d) => void (first(d).tags = 'politics')],
  ['a tag that is a number', (d) => void (first(d).tags = ['a', 3])],
  ['a fingerprint that is not SHA-256 hex', (d) => void (first(d).fingerprint = 'abc')],
  ['chars negative', (d) => void (first(d).chars = -1)],
  ['chars a fraction', (d) => void (first(d).chars = 1.5)],
  ['chars a string', (d) => void (first(d).chars = '12')],
  ['chars huge (Infinity)', (d) => void (first(d).chars = 'INFINITY')],
  ['annotationCount missing', (d) => void delete first(d).annotationCount],
  ['trashed a number', (d) => void (first(d).trashed = 5)],
  ['trashed empty', (d) => void (first(d).trashed = '')],
  ['trashed missing', (d) => void delete first(d).trashed],
  ['an article that is null', (d) => void d.articles.push(null as unknown as Record<string, unknown>)],
  ['articles an object', (d) => void (d.articles = {} as unknown as Data['articles'])],
  ['settings null', (d) => void (d.settings = null)],
  ['settings an array', (d) => void (d.settings = [])],
  ['a font size that is a string', (d) => void ((d.settings as Record<string, unknown>).fontSize = 'big')],
  ['a font size that is huge', (d) => void ((d.settings as Record<string, unknown>).fontSize = 'INFINITY')],
  ['a line height of zero', (d) => void ((d.settings as Record<string, unknown>).lineHeight = 0)],
  ['an unknown theme', (d) => void ((d.settings as Record<string, unknown>).theme = 'neon')],
  ['an unknown font', (d) => void ((d.settings as Record<string, unknown>).font = 3)],
  ['an unknown language', (d) => void ((d.settings as Record<string, unknown>).language = 'fr')],
  ['a negative position', (d, id) => void (d.positions = { [id]: -1 })],
  ['a fractional position', (d, id) => void (d.positions = { [id]: 2.5 })],
  ['a huge position', (d, id) => void (d.positions = { [id]: 'INFINITY' })],
  ['a position that is a string', (d, id) => void (d.positions = { [id]: '12' })],
  ['a position under a path', (d) => void (d.positions = { '../x': 1 })],
  ['positions an array', (d) => void (d.positions = [])],
  ['sampleSeeded missing', (d) => void delete d.sampleSeeded],
  ['sampleSeeded a string', (d) => void (d.sampleSeeded = 'yes')],
  ['a profile without an author id', (d) => void (d.profile = { displayName: null })],
  ['a display name that is a number', (d) => void ((d.profile as Record<string, unknown>).displayName = 1)],
  ['another version', (d) => void (d.version = 2)],
]

describe('a library.json of the wrong shape is damaged: moved aside, its backup restored, the user told', () => {
  it.each(damages)('%s', async (_, damage) => {
    const { id, data } = await libraryWithBackup()
    damage(data, id)
    // 1e400 parses as Infinity: written as such, since JSON.stringify cannot.
    const text = JSON.stringify(data, null, 2).replace('"INFINITY"', '1e400')
    await writeFile(join(dir, 'library.json'), text)

    const reopened = await Library.open(dir, { sample })
    const notices = reopened.listNotices()
    expect(notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/^library\.json was damaged.*last saved state.*nothing was lost/),
    ])
    const [article] = reopened.listArticles()
    expect(reopened.listArticles()).toHaveLength(1)
    expect(article!.title).toBe('newest name')
    expect(reopened.getReadingPosition(id)).toBe(12)
    expect(reopened.getSettings()).toMatchObject({ fontSize: 20 })
    expect(await reopened.search('الشيباني', {})).toHaveLength(1)
    const moved = (await readdir(dir)).filter((f) => f.startsWith('library.json.corrupt-'))
    expect(moved).toHaveLength(1)
    expect(await readFile(join(dir, moved[0]!), 'utf8')).toBe(text)
  })

  it('accepts what the app writes, and older files without a profile or a language setting', async () => {
    const { data } = await libraryWithBackup()
    expect(isLibraryData(data)).toBe(true)
    expect(isLibraryData(emptyLibrary())).toBe(true)
    delete data.profile
    delete (data.settings as Record<string, unknown>).language
    expect(isLibraryData(data)).toBe(true)
    await writeFile(join(dir, 'library.json'), JSON.stringify(data))
    const reopened = await Library.open(dir, { sample })
    expect(reopened.listNotices()).toEqual([])
    expect(reopened.listArticles()[0]!.title).toBe('newest name')
  })
})

const articlePath = (id: string) => join(dir, 'articles', `${id}.json`)
const articleBackups = async (id: string) =>
  (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith(`${id}.json.`)).sort()

describe('recovery brings back the last acknowledged state and says exactly what was lost', () => {
  it('a damaged article comes back with all 7 acknowledged annotations: nothing lost', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    const notes = ['1', '2', '3', '4', '5', '6', '7']
    for (const note of notes) await annotate(library, id, 'الشيباني', note)
    await truncate(articlePath(id), 500)

    const reopened = await Library.open(dir, { sample })
    expect((await reopened.listAnnotations(id)).map((a) => a.body.note)).toEqual(notes)
    const [notice] = reopened.listNotices()
    expect(notice!.text).toMatchObject({ key: 'messages.recoveredLastSaved' })
    expect(notice!.message).toMatch(/its last saved state was restored .*: nothing was lost\.$/)
  })

  it('a damaged library.json keeps its latest setting', async () => {
    const library = await Library.open(dir, { sample })
    await library.updateSettings({ fontSize: 24 })
    await library.updateSettings({ theme: 'sepia' })
    await truncate(join(dir, 'library.json'), 200)

    const reopened = await Library.open(dir, { sample })
    expect(reopened.getSettings()).toMatchObject({ fontSize: 24, theme: 'sepia' })
    expect(reopened.listNotices().map((n) => n.text?.key)).toEqual(['messages.recoveredLastSaved'])
  })

  it('an article never annotated has a backup, and is restored from it', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    const doc = (await library.getArticle(id)).doc
    expect(await articleBackups(id)).toHaveLength(1)
    await writeFile(articlePath(id), '')

    const reopened = await Library.open(dir, { sample })
    expect((await reopened.getArticle(id)).doc).toEqual(doc)
    expect(reopened.listNotices().map((n) => n.text?.key)).toEqual(['messages.recoveredLastSaved'])
  })

  it('an article file from before annotation logs, with no copy of its last state, is kept as a copy when converted', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await annotate(library, id, 'الشيباني', 'kept')
    const [annotation] = await library.listAnnotations(id, { includeDeleted: true })
    // As an older Hamish left it: the annotations inside the article file, no copy of that file.
    const legacy = JSON.parse(await readFile(articlePath(id), 'utf8')) as Record<string, unknown>
    const { anchor: _, ...stored } = annotation!
    legacy.annotations = [stored]
    await writeFile(articlePath(id), JSON.stringify(legacy))
    for (const name of await articleBackups(id)) await rm(join(dir, 'backups', name))
    await rm(join(dir, 'annotations'), { recursive: true })
    const data = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as Record<string, unknown>
    delete data.annotationsIn
    await writeFile(join(dir, 'library.json'), JSON.stringify(data))

    const converted = await Library.open(dir, { sample })
    expect((await converted.listAnnotations(id)).map((a) => a.body.note)).toEqual(['kept'])
    const copies = await Promise.all(
      (await articleBackups(id)).map(
        async (n) => JSON.parse(await readFile(join(dir, 'backups', n), 'utf8')) as Record<string, unknown>,
      ),
    )
    // The file as the older Hamish left it, and as converted (its text alone).
    expect(copies.map((c) => (c.annotations as unknown[] | undefined)?.length ?? 'none')).toEqual([1, 'none'])
    await truncate(articlePath(id), 100)
    const third = await Library.open(dir, { sample })
    expect((await third.listAnnotations(id)).map((a) => a.body.note)).toEqual(['kept'])
  })

  const shapes: [string, (file: Record<string, unknown>) => void][] = [
    ['annotations that are an object', (f) => void (f.annotations = {})],
    ['a doc whose content is a string', (f) => void ((f.doc as Record<string, unknown>).content = 'x')],
    ['a doc with a node outside the schema', (f) => void (f.doc = { type: 'doc', content: [{ type: 'x' }] })],
  ]

  it.each(shapes)('an article file with %s is damaged: restored, and the user told', async (_, damage) => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    for (const note of ['a', 'b', 'c', 'd', 'e']) await annotate(library, id, 'الشيباني', note)
    const file = JSON.parse(await readFile(articlePath(id), 'utf8')) as Record<string, unknown>
    damage(file)
    await writeFile(articlePath(id), JSON.stringify(file))

    const reopened = await Library.open(dir, { sample })
    const article = await reopened.getArticle(id)
    expect(article.annotations.map((a) => a.body.note)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(plainText(article.doc)).toContain('الشيباني')
    expect(reopened.listNotices().map((n) => n.text?.key)).toEqual(['messages.recoveredLastSaved'])
    expect((await readdir(join(dir, 'articles'))).filter((n) => n.includes('.corrupt-'))).toHaveLength(1)
  })

  it('says which changes are lost when the newest backups are damaged too', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    for (const title of ['one', 'two', 'three']) await library.renameArticle(id, title)
    const names = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('library.json.')).sort()
    // The copies of 'three' and 'two' are damaged: the copy holding 'one' is the newest good one.
    for (const name of names.slice(-2)) await truncate(join(dir, 'backups', name), 10)
    await truncate(join(dir, 'library.json'), 10)

    const reopened = await Library.open(dir, { sample })
    expect(reopened.listArticles().map((a) => a.title)).toEqual(['one'])
    const [notice] = reopened.listNotices()
    const restored = names.at(-3)!
    expect(notice!.text).toMatchObject({
      key: 'messages.recoveredOlderCopy',
      values: { backup: restored, time: Number(/\.(\d+)\.bak$/.exec(restored)![1]) },
    })
    expect(notice!.message).toMatch(/the changes saved after it could not be recovered\.$/)
    expect(notice!.level).toBe('warning')
  })

  it('a library.json whose last saved state came back lists no file it did not list', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    const leftover = await readFile(articlePath(id), 'utf8')
    // A crash inside "delete forever": library.json forgot it, its file stayed.
    await library.trashArticle(id)
    await library.deleteArticleForever(id)
    await writeFile(articlePath(id), leftover)
    await truncate(join(dir, 'library.json'), 100)

    const reopened = await Library.open(dir, { sample })
    expect(reopened.listArticles()).toEqual([])
    expect(reopened.listNotices().map((n) => n.text?.key)).toEqual(['messages.recoveredLastSaved'])
  })
})
