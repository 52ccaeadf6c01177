import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Annotation, NewAnnotation } from '../../../common/annotation'
import { HamishError } from '../../../common/errors'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { nodeFs, type StoreFs } from '../../../main/store/store-fs'
import { SAMPLE_ARTICLE } from '../../support/sample-library'
import { useTempDir } from '../../support/store-helpers'
import { annotationsInLog } from '../../support/annotation-log-file'

// Issue 10, item 12: what the user reads after a failed write is true (saved, not saved, or
// saved with an index behind), a full disk is named, and a retried add makes no duplicate.

const sample = SAMPLE_ARTICLE

const tmp = useTempDir('hamish-write-truth-')

/** A system error as Node makes them (`code` is what the library reads). */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code })
}

/**
 * Which file's writes fail: library.json, the annotation counts, an article's
 * annotation log, or a search-index file.
 */
type Target = 'library.json' | 'annotation-counts.json' | 'annotations' | 'search-index'

/**
 * The real file system, except that opening a file to write to `target` (the
 * temp file of an atomic write, or a log for an append) fails with `code`
 * while told to: a disk that fills up, or turns read-only, at that write.
 */
function faultyFs(): { fs: StoreFs; fail(target: Target | null, code?: string): void } {
  let failing: { target: Target; code: string } | null = null
  const hits = (path: string, target: Target): boolean =>
    target.endsWith('.json')
      ? dirname(path) === tmp.path && basename(path).startsWith(`.${target}.tmp-`)
      : dirname(path) === join(tmp.path, target)
  const fs: StoreFs = {
    ...nodeFs,
    open: (async (path: string, flags?: string) => {
      if (failing && (flags === 'wx' || flags === 'a') && hits(path, failing.target))
        throw systemError(failing.code)
      return nodeFs.open(path, flags)
    }) as StoreFs['open'],
  }
  return {
    fs,
    fail: (target, code = 'ENOSPC') => {
      failing = target === null ? null : { target, code }
    },
  }
}

async function openSample(fs: StoreFs): Promise<{
  library: Library
  id: string
  request(word: string, extra?: Partial<NewAnnotation>): NewAnnotation
}> {
  const library = await Library.open(tmp.path, { sample, fs })
  const id = library.listArticles()[0]!.id
  const text = plainText((await library.getArticle(id)).doc)
  return {
    library,
    id,
    request: (word, extra = {}) => {
      const start = Array.from(text.slice(0, text.indexOf(word))).length
      return {
        articleId: id,
        start,
        end: start + Array.from(word).length,
        quote: word,
        color: 'green',
        ...extra,
      }
    },
  }
}

async function annotationsOnDisk(id: string): Promise<Annotation[]> {
  return annotationsInLog(tmp.path, id)
}

async function rejection(promise: Promise<unknown>): Promise<HamishError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(HamishError)
  return error as HamishError
}

describe('what follows an annotation change, when its writes fail (a full disk)', () => {
  it('the change is saved when the counts file cannot be written: the list counts it, now and after a restart', async () => {
    const disk = faultyFs()
    const { library, id, request } = await openSample(disk.fs)
    await library.getProfile()
    const libraryJson = await readFile(join(tmp.path, 'library.json'), 'utf8')
    disk.fail('annotation-counts.json')
    const req = request('الشيباني', { requestId: '0b6f3c1e-2a4d-4e8f-9c1a-7d5e3b2a1f00' })

    const made = await library.addAnnotation(req)
    await library.flush()

    expect(made.id).toBe(req.requestId)
    expect((await annotationsOnDisk(id)).map((a) => a.id)).toEqual([made.id])
    expect(library.listArticles()[0]!.annotationCount).toBe(1)
    // A change never rewrites library.json (the count is not kept there).
    expect(await readFile(join(tmp.path, 'library.json'), 'utf8')).toBe(libraryJson)
    expect(library.listNotices()).toEqual([])
    // The page retries (its answer was lost): the same highlight comes back, none is added.
    const again = await library.addAnnotation(req)
    expect(again.id).toBe(made.id)
    expect(again.anchor).toEqual(made.anchor)
    expect(await annotationsOnDisk(id)).toHaveLength(1)

    // The counts file missed the change: the next open counts that article again from its log.
    disk.fail(null)
    const reopened = await Library.open(tmp.path, { sample })
    expect(reopened.listArticles()[0]!.annotationCount).toBe(1)
  })

  it('an annotation change writes nothing to the search index: with it failing, no notice, and the next search (and the next start) finds the change', async () => {
    const disk = faultyFs()
    const { library, id, request } = await openSample(disk.fs)
    // The index is loaded (a search ran) before the change, as in a running app.
    expect(await library.search('فريدةجدا', {})).toEqual([])
    disk.fail('search-index')

    const made = await library.addAnnotation(request('الشيباني', { note: 'فريدةجدا' }))

    expect((await annotationsOnDisk(id)).map((a) => a.id)).toEqual([made.id])
    expect(library.listNotices()).toEqual([])
    const found = await library.search('فريدةجدا', {})
    expect(found.flatMap((r) => r.matches.map((m) => [r.articleId, m.field, m.annotationId]))).toEqual([
      [id, 'note', made.id],
    ])
    disk.fail(null)
    const reopened = await Library.open(tmp.path, { sample })
    const after = await reopened.search('فريدةجدا', {})
    expect(after.flatMap((r) => r.matches.map((m) => m.annotationId))).toEqual([made.id])
  })

  it('a new article whose index file cannot be written is told, still searched, and indexed again at the next start', async () => {
    const disk = faultyFs()
    const { library } = await openSample(disk.fs)
    disk.fail('search-index')
    const bytes = new TextEncoder().encode('مقالة قصيرة عن الكلمةالنادرة في مكتبة هامش.')
    const outcome = await library.importFile({ name: 'short.txt', bytes })
    expect(outcome.status).toBe('added')

    const notice = library.listNotices().find((n) => n.text?.key === 'messages.searchIndexNotWritten')
    expect(notice?.message).toContain(`the disk holding ${tmp.path} is full`)
    expect((await library.search('الكلمةالنادرة', {})).map((r) => r.articleId)).toEqual([outcome.article!.id])
    disk.fail(null)
    const reopened = await Library.open(tmp.path, { sample })
    expect((await reopened.search('الكلمةالنادرة', {})).map((r) => r.articleId)).toEqual([
      outcome.article!.id,
    ])
  })
})

describe('an annotation change whose own write fails', () => {
  it.each([
    ['ENOSPC', (dir: string) => `the disk holding ${dir} is full`],
    ['EDQUOT', (dir: string) => `the disk holding ${dir} is full`],
    ['EROFS', (dir: string) => `the disk holding ${dir} is read-only`],
    ['EACCES', (dir: string) => `Hamish is not permitted to write in ${dir}`],
    ['EIO', () => 'system error EIO'],
  ])('says it was not saved, and why (%s), and changes nothing', async (code, why) => {
    const disk = faultyFs()
    const { library, id, request } = await openSample(disk.fs)
    const kept = await library.addAnnotation(request('موسكو'))
    const before = await readFile(join(tmp.path, 'annotations', `${id}.jsonl`), 'utf8')
    disk.fail('annotations', code)

    const error = await rejection(library.addAnnotation(request('الشيباني')))
    expect(error.code).toBe('storage')
    expect(error.text?.key).toBe('messages.changeNotSaved')
    expect(error.message).toMatch(/^Your change was not saved: /)
    expect(error.message).toContain(why(tmp.path))
    const update = await rejection(library.updateAnnotation(id, kept.id, { note: 'x' }, kept.modified))
    expect(update.message).toContain(why(tmp.path))

    expect(await readFile(join(tmp.path, 'annotations', `${id}.jsonl`), 'utf8')).toBe(before)
    expect(library.listArticles()[0]!.annotationCount).toBe(1)
    expect((await library.getArticle(id)).annotations.map((a) => a.id)).toEqual([kept.id])
  })

  it('names the disk when library.json cannot take a tag change', async () => {
    const disk = faultyFs()
    const { library, id } = await openSample(disk.fs)
    disk.fail('library.json')
    const error = await rejection(library.setArticleTags(id, ['سياسة'], []))
    expect(error.message).toBe(
      `Your change was not saved: the disk holding ${tmp.path} is full; free some space on it and try again.`,
    )
    expect(library.listArticles()[0]!.tags).toEqual([])
  })
})
