import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { codePointLength, plainText } from '../../../common/plain-text'
import { fingerprintOf } from '../../../main/library/fingerprint'
import { Library } from '../../../main/library/library'

const ROOT = resolve(__dirname, '../../..')
const sampleBytes = new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt')))
const sample = { name: 'lavrov-shaibani-moscow.ar.txt', bytes: sampleBytes }
// No title line: import derives its title from the first sentence, as relisting does from the document.
const later = {
  name: 'later.txt',
  bytes: new TextEncoder().encode(
    'هذه مقالة استوردت بعد آخر نسخة احتياطية سليمة من المكتبة. وفيها نص المقالة الذي يميّزه القارئ.',
  ),
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-relist-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const articleFile = (id: string) => join(dir, 'articles', `${id}.json`)

/** A library with the sample, then `later` imported, with one live annotation and one deleted. */
async function libraryWithLaterArticle() {
  const library = await Library.open(dir, { sample })
  const before = await readFile(join(dir, 'library.json'), 'utf8')
  const outcome = await library.importFile(later)
  if (outcome.status !== 'added' || !outcome.article) throw new Error('import failed')
  const id = outcome.article.id
  const text = plainText((await library.getArticle(id)).doc)
  const quote = 'نص المقالة'
  const start = [...text.slice(0, text.indexOf(quote))].length
  for (const note of ['kept', 'gone']) {
    await library.addAnnotation({
      articleId: id,
      start,
      end: start + [...quote].length,
      quote,
      color: 'yellow',
      note,
    })
  }
  const gone = (await library.listAnnotations(id)).find((a) => a.body.note === 'gone')!
  await library.deleteAnnotation(id, gone.id)
  return { library, id, summary: outcome.article, before }
}

/**
 * Damages every backup of library.json, and leaves as its oldest one a copy of it from
 * before `later` was imported (`before`): the only one that can be restored lists only the sample.
 */
async function damageNewerLibraryBackups(before: string) {
  const names = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('library.json.'))
  for (const name of names) await truncate(join(dir, 'backups', name), 100)
  await writeFile(join(dir, 'backups', 'library.json.1000.bak'), before)
}

/** Cuts library.json as in the review's repro: `head -c 300`. */
async function damageLibraryJson() {
  await truncate(join(dir, 'library.json'), 300)
}

describe('articles left out of a recovered library.json are listed again', () => {
  it('lists an article imported after the restored backup, with its annotations, and says so', async () => {
    const { id, summary, before } = await libraryWithLaterArticle()
    const fileBefore = await readFile(articleFile(id), 'utf8')
    const { mtime } = await stat(articleFile(id))
    // Only the oldest backup of library.json, from before the import, can be read: the one restored lists only the sample.
    await damageNewerLibraryBackups(before)
    await damageLibraryJson()

    const reopened = await Library.open(dir, { sample })
    const listed = reopened.listArticles()
    const found = listed.find((a) => a.id === id)
    expect(found).toBeDefined()
    const doc = JSON.parse(fileBefore).doc
    expect(found).toEqual({
      id,
      title: summary.title,
      source: `${id}.json`,
      date: null,
      added: mtime.toISOString(),
      lang: 'ar',
      dir: 'rtl',
      tags: [],
      fingerprint: fingerprintOf(doc),
      chars: codePointLength(plainText(doc)),
      annotationCount: 1,
      trashed: null,
    })
    expect(found!.fingerprint).toBe(summary.fingerprint)
    expect(found!.chars).toBe(summary.chars)
    expect((await reopened.listAnnotations(id)).map((a) => a.body.note)).toEqual(['kept'])
    expect((await reopened.listAnnotations(id, { includeDeleted: true })).map((a) => a.body.note)).toEqual([
      'kept',
      'gone',
    ])
    expect(await readFile(articleFile(id), 'utf8')).toBe(fileBefore)

    const messages = reopened.listNotices().map((n) => n.message)
    expect(messages).toHaveLength(2)
    expect(messages[0]).toMatch(/^library\.json was damaged.*changes saved after it could not be recovered/)
    expect(messages[1]).toContain(`(1 in all): “${summary.title}” (file articles/${id}.json).`)
    const notice = reopened.listNotices()[1]!
    expect(notice.level).toBe('warning')
    expect(notice.text).toMatchObject({ key: 'messages.articlesRelisted', values: { count: 1 } })

    // Written to library.json: the next open lists it without any notice.
    const third = await Library.open(dir, { sample })
    expect(third.listArticles().map((a) => a.id)).toContain(id)
    expect(third.listNotices()).toEqual([])
  })

  it('lists every article file again when library.json starts empty, without importing the sample twice', async () => {
    const { library, id } = await libraryWithLaterArticle()
    const sampleId = library.listArticles().find((a) => a.id !== id)!.id
    for (const name of await readdir(join(dir, 'backups')))
      if (name.startsWith('library.json.')) await rm(join(dir, 'backups', name))
    await damageLibraryJson()

    const reopened = await Library.open(dir, { sample })
    expect(
      reopened
        .listArticles()
        .map((a) => a.id)
        .sort(),
    ).toEqual([id, sampleId].sort())
    const messages = reopened.listNotices().map((n) => n.message)
    expect(messages[0]).toMatch(/started with an empty one/)
    expect(messages[1]).toContain('(2 in all)')
  })

  it('leaves an unlisted article file unlisted when library.json is intact', async () => {
    const { library, id } = await libraryWithLaterArticle()
    const fileBefore = await readFile(articleFile(id), 'utf8')
    // As after a crash inside "delete forever": library.json forgot it, its file is still there.
    await library.trashArticle(id)
    await library.deleteArticleForever(id)
    await writeFile(articleFile(id), fileBefore)

    const reopened = await Library.open(dir, { sample })
    expect(reopened.listArticles().map((a) => a.id)).not.toContain(id)
    expect(reopened.listNotices()).toEqual([])
  })

  it('skips, and leaves alone, a damaged unlisted article file without failing the open', async () => {
    const { id, before } = await libraryWithLaterArticle()
    const damaged = (await readFile(articleFile(id), 'utf8')).slice(0, 200)
    await writeFile(articleFile(id), damaged)
    const wrongId = join(dir, 'articles', 'feedfacefeedface.json')
    await writeFile(
      wrongId,
      JSON.stringify({ version: 1, id: 'someoneelse', doc: { type: 'doc', content: [] } }),
    )
    await damageNewerLibraryBackups(before)
    await damageLibraryJson()

    const reopened = await Library.open(dir, { sample })
    expect(reopened.listArticles().map((a) => a.id)).not.toContain(id)
    expect(reopened.listArticles().map((a) => a.id)).not.toContain('feedfacefeedface')
    expect(await readFile(articleFile(id), 'utf8')).toBe(damaged)
    expect(await readdir(join(dir, 'articles'))).toContain(`${id}.json`)
    expect(reopened.listNotices().map((n) => n.message)).toEqual([
      expect.stringMatching(/^library\.json was damaged.*changes saved after it could not be recovered/),
    ])
  })
})

describe('relisting never lists one text twice', () => {
  /** The file an import that crashed before listing its article leaves: the same document under a new id. */
  async function crashedImportCopy(of: string, newId: string, annotations: unknown[] = []) {
    const file = JSON.parse(await readFile(articleFile(of), 'utf8')) as Record<string, unknown>
    await writeFile(articleFile(newId), JSON.stringify({ ...file, id: newId, annotations }))
  }

  it('lists one copy of a text left unlisted twice: the one with the notes', async () => {
    const { id, before } = await libraryWithLaterArticle()
    // An import of later.txt crashed after writing its file; the user imported it again (id) and annotated it.
    await crashedImportCopy(id, 'c0ffee0000000001')
    await damageNewerLibraryBackups(before)
    await damageLibraryJson()

    const reopened = await Library.open(dir, { sample })
    const listed = reopened.listArticles()
    expect(new Set(listed.map((a) => a.fingerprint)).size).toBe(listed.length)
    expect(listed.map((a) => a.id)).toContain(id)
    expect(listed.map((a) => a.id)).not.toContain('c0ffee0000000001')
    expect((await reopened.listAnnotations(id)).map((a) => a.body.note)).toEqual(['kept'])
    expect(reopened.listNotices().map((n) => n.text?.key)).toEqual([
      'messages.recoveredOlderCopy',
      'messages.articlesRelisted',
    ])
    expect(await readdir(join(dir, 'articles'))).toContain('c0ffee0000000001.json')
  })

  it('does not list a file whose text is already listed, and names it when it holds notes', async () => {
    const { library, id, before } = await libraryWithLaterArticle()
    const sampleId = library.listArticles().find((a) => a.id !== id)!.id
    const [note] = await library.listAnnotations(id)
    await crashedImportCopy(sampleId, 'c0ffee0000000002')
    await crashedImportCopy(sampleId, 'c0ffee0000000003', [{ ...note, anchor: undefined }])
    await damageNewerLibraryBackups(before)
    await damageLibraryJson()

    const reopened = await Library.open(dir, { sample })
    expect(
      reopened
        .listArticles()
        .map((a) => a.id)
        .sort(),
    ).toEqual([id, sampleId].sort())
    const notices = reopened.listNotices()
    expect(notices.map((n) => n.text?.key)).toEqual([
      'messages.recoveredOlderCopy',
      'messages.relistSkippedDuplicates',
      'messages.articlesRelisted',
    ])
    expect(notices[1]!.message).toContain('file articles/c0ffee0000000003.json')
    expect(notices[1]!.message).not.toContain('c0ffee0000000002')
  })

  it('lists 62 articles left unlisted by a crashed import once each, though the import was made again', async () => {
    const library = await Library.open(dir, { noSample: true })
    const before = await readFile(join(dir, 'library.json'), 'utf8')
    const ids: string[] = []
    for (let i = 0; i < 62; i++) {
      const outcome = await library.importFile({
        name: `a${i}.txt`,
        bytes: new TextEncoder().encode(`المقالة رقم ${i}. نص قصير للمقالة رقم ${i} يميّزها عن غيرها.`),
      })
      ids.push(outcome.article!.id)
    }
    // The first attempt crashed after writing every article file and before listing any.
    for (const [i, id] of ids.entries())
      await crashedImportCopy(id, `dead0000000${String(i).padStart(5, '0')}`)
    await damageNewerLibraryBackups(before)
    await damageLibraryJson()

    const reopened = await Library.open(dir, { noSample: true })
    const listed = reopened.listArticles()
    expect(listed).toHaveLength(62)
    expect(new Set(listed.map((a) => a.fingerprint)).size).toBe(62)
  })
})
