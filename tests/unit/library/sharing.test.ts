import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { snapshotDir } from '../../support/library-dir'

const ROOT = resolve(__dirname, '../../..')
const sample = {
  name: 'lavrov-shaibani-moscow.ar.txt',
  bytes: new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt'))),
}
const encode = (s: string) => new TextEncoder().encode(s)

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-sharing-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A library with the sample and one note on "موسكو". */
async function annotated(name: string): Promise<{ library: Library; id: string }> {
  const library = await Library.open(join(dir, name), { sample })
  const id = library.listArticles()[0]!.id
  const text = plainText((await library.getArticle(id)).doc)
  const start = Array.from(text.slice(0, text.indexOf('موسكو'))).length
  await library.addAnnotation({
    articleId: id,
    start,
    end: start + 5,
    quote: 'موسكو',
    color: 'blue',
    note: 'عاصمة',
  })
  return { library, id }
}

describe('sharing annotation files between libraries', () => {
  it('merges a colleague’s file into the same article, found by fingerprint, keeping the creator', async () => {
    const a = await annotated('a')
    await a.library.setDisplayName('سلمى')
    const b = await Library.open(join(dir, 'b'), { sample })
    const file = await a.library.exportAnnotationFile(a.id, { bundle: false })
    expect(file.fileName).toMatch(/\.hamish\.json$/)
    const result = await b.importAnnotationFile({ name: file.fileName, bytes: file.bytes })
    expect(result.status).toBe('imported')
    if (result.status !== 'imported') return
    expect(result.report.added).toHaveLength(1)
    expect(result.report.articleCreated).toBe(false)
    const [got] = (await b.getArticle(result.report.articleId)).annotations
    expect(got!.body.note).toBe('عاصمة')
    expect(got!.anchor).not.toBeNull()
    const again = await b.importAnnotationFile({ name: file.fileName, bytes: file.bytes })
    expect(again.status === 'imported' && again.report.unchanged).toHaveLength(1)
  })

  it('reports a deletion that came with the file, and an older version it set aside', async () => {
    const a = await annotated('a')
    const b = await Library.open(join(dir, 'b'), { sample })
    const first = await a.library.exportAnnotationFile(a.id, { bundle: false })
    const merged = await b.importAnnotationFile({ name: first.fileName, bytes: first.bytes })
    if (merged.status !== 'imported') throw new Error('not imported')
    const annotationId = merged.report.added[0]!
    // Our colleague deletes it; their newer file deletes it here too, and says so.
    await a.library.deleteAnnotation(a.id, annotationId)
    const deletion = await a.library.exportAnnotationFile(a.id, { bundle: false })
    const afterDeletion = await b.importAnnotationFile({ name: deletion.fileName, bytes: deletion.bytes })
    expect(afterDeletion.status === 'imported' && afterDeletion.report).toMatchObject({
      updated: [annotationId],
      deleted: [annotationId],
      older: [],
    })
    expect((await b.getArticle(merged.report.articleId)).annotations).toEqual([])
    // The first file again: its version is older than the deletion here, and is set aside, listed as such.
    const stale = await b.importAnnotationFile({ name: first.fileName, bytes: first.bytes })
    expect(stale.status === 'imported' && stale.report).toMatchObject({
      unchanged: [annotationId],
      older: [annotationId],
      deleted: [],
    })
  })

  it('creates the article from a bundle when the colleague does not have it', async () => {
    const a = await annotated('a')
    const empty = await Library.open(join(dir, 'empty'), { noSample: true })
    const file = await a.library.exportAnnotationFile(a.id, { bundle: true })
    const result = await empty.importAnnotationFile({ name: file.fileName, bytes: file.bytes })
    expect(result.status === 'imported' && result.report.articleCreated).toBe(true)
    const [article] = empty.listArticles()
    expect(article!.fingerprint).toBe(a.library.listArticles()[0]!.fingerprint)
    expect(article!.annotationCount).toBe(1)
  })

  it('gives the article created from a bundle the metadata that cites it, its bad fields left out', async () => {
    // A user review: a colleague got the notes from a bundle, but no authors, journal, date or DOI.
    const a = await annotated('a')
    const meta = {
      authors: [{ literal: 'سيرغي لافروف' }, { family: 'Smith', given: 'Anna' }],
      container: 'مجلة الدراسات اللغوية',
      published: [2023, 6, 15] as [number, number, number],
      doi: '10.1000/xyz123',
      language: 'ar',
    }
    await a.library.setArticleMeta(a.id, meta)
    const file = await a.library.exportAnnotationFile(a.id, { bundle: true })
    // A hostile or damaged field on the way is dropped, the rest kept.
    const json = JSON.parse(new TextDecoder().decode(file.bytes)) as {
      'hamish:extension': { article: { meta: Record<string, unknown> } }
    }
    json['hamish:extension'].article.meta.isbn = '<script>'
    const empty = await Library.open(join(dir, 'empty'), { noSample: true })
    const result = await empty.importAnnotationFile({
      name: file.fileName,
      bytes: encode(JSON.stringify(json)),
    })
    expect(result.status === 'imported' && result.report.articleCreated).toBe(true)
    expect(empty.listArticles()[0]!.meta).toEqual(meta)
    // And on disk, after a reopen.
    const reopened = await Library.open(join(dir, 'empty'), { noSample: true })
    expect(reopened.listArticles()[0]!.meta).toEqual(meta)
  })

  it('asks which article when the fingerprint is unknown, suggesting the best match, and merges into the chosen one', async () => {
    const a = await annotated('a')
    const other = await Library.open(join(dir, 'other'), { noSample: true })
    const added = await other.importFile({
      name: 'copy.txt',
      bytes: encode(
        'نسخة الزميل\n\nالتقى الوزيران اليوم في العاصمة موسكو، في جلسة مباحثات شاملة تناولت عدداً من القضايا.\n',
      ),
    })
    const file = await a.library.exportAnnotationFile(a.id, { bundle: false })
    const asked = await other.importAnnotationFile({ name: file.fileName, bytes: file.bytes })
    expect(asked.status).toBe('needs-article')
    if (asked.status !== 'needs-article') return
    expect(asked.candidates[0]!.articleId).toBe(added.article!.id)
    // Its one passage is not found in this copy (its context differs): asked first, nothing written.
    const before = await snapshotDir(join(dir, 'other'))
    const chosen = await other.importAnnotationFile({
      name: file.fileName,
      bytes: file.bytes,
      articleId: added.article!.id,
    })
    expect(chosen).toEqual({
      status: 'all-orphans',
      articleId: added.article!.id,
      articleTitle: 'نسخة الزميل',
      count: 1,
    })
    expect(await snapshotDir(join(dir, 'other'))).toEqual(before)
    const confirmed = await other.importAnnotationFile({
      name: file.fileName,
      bytes: file.bytes,
      articleId: added.article!.id,
      confirmOrphans: true,
    })
    expect(confirmed.status === 'imported' && confirmed.report).toMatchObject({
      added: [expect.any(String)],
      orphaned: [expect.any(String)],
    })
  })

  it.each([
    ['not JSON', encode('this is not json')],
    ['wrong shape', encode('{"type": "Something"}')],
    ['prototype keys', encode('{"__proto__": {"x": 1}, "type": "AnnotationCollection"}')],
    ['binary', Uint8Array.from([0xff, 0xfe, 0, 0, 0x80, 0x81])],
  ])('refuses %s with a clear message and changes nothing', async (_what, bytes) => {
    const b = await Library.open(join(dir, 'b'), { sample })
    const before = await snapshotDir(join(dir, 'b'))
    await expect(b.importAnnotationFile({ name: 'bad.hamish.json', bytes })).rejects.toThrow(
      /^bad\.hamish\.json: /,
    )
    expect(await snapshotDir(join(dir, 'b'))).toEqual(before)
  })

  it('refuses a bundle whose article was changed after export', async () => {
    const a = await annotated('a')
    const file = await a.library.exportAnnotationFile(a.id, { bundle: true })
    const tampered = new TextDecoder().decode(file.bytes).replaceAll('التقى وزراء', 'التقى وزيرا')
    const empty = await Library.open(join(dir, 'empty'), { noSample: true })
    await expect(
      empty.importAnnotationFile({ name: 'x.hamish.json', bytes: encode(tampered) }),
    ).rejects.toThrow(/does not match its fingerprint/)
    expect(empty.listArticles()).toEqual([])
  })
})
