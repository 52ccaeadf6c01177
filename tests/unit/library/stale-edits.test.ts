import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { SAMPLE_ARTICLE } from '../../support/sample-library'
import { useTempDir } from '../../support/store-helpers'

// Issue 10, item 15: an edit made on an old version does not replace a newer one, and two
// windows editing an article's tags at once both keep their changes.

const sample = SAMPLE_ARTICLE

const tmp = useTempDir('hamish-stale-edits-')

/** The sample with one highlight; `now` is the library's clock (fixed: every edit in one millisecond). */
async function withHighlight(now?: () => Date) {
  const library = await Library.open(tmp.path, { sample, ...(now ? { now } : {}) })
  const id = library.listArticles()[0]!.id
  const text = plainText((await library.getArticle(id)).doc)
  const start = Array.from(text.slice(0, text.indexOf('موسكو'))).length
  const made = await library.addAnnotation({
    articleId: id,
    start,
    end: start + 5,
    quote: 'موسكو',
    color: 'yellow',
  })
  return { library, id, made }
}

const fileText = (id: string) => readFile(join(tmp.path, 'articles', `${id}.json`), 'utf8')

describe('an annotation edit made on an older version', () => {
  it('is refused with a clear message and changes nothing; one made on the current version is saved', async () => {
    const { library, id, made } = await withHighlight()
    // Window A saves a note; window B still holds the version before it.
    const fromA = await library.updateAnnotation(id, made.id, { note: 'نص النافذة الأولى' }, made.modified)
    const before = await fileText(id)

    const error = await library
      .updateAnnotation(id, made.id, { note: 'نسخة النافذة الثانية القديمة' }, made.modified)
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(HamishError)
    expect((error as HamishError).code).toBe('conflict')
    expect((error as HamishError).text?.key).toBe('messages.annotationChangedElsewhere')
    expect((error as HamishError).message).toMatch(/changed elsewhere .* your change was not saved/)
    expect(await fileText(id)).toBe(before)
    expect((await library.getArticle(id)).annotations[0]!.body.note).toBe('نص النافذة الأولى')

    // B reloaded (A's version) and edits again: saved.
    const fromB = await library.updateAnnotation(id, made.id, { color: 'blue' }, fromA.modified)
    expect(fromB.body).toMatchObject({ note: 'نص النافذة الأولى', color: 'blue' })
  })

  it('is told apart even when both versions were made in the same millisecond', async () => {
    const frozen = new Date('2026-03-01T10:00:00.000Z')
    const { library, id, made } = await withHighlight(() => frozen)
    const first = await library.updateAnnotation(id, made.id, { note: 'أ' }, made.modified)
    expect(first.modified).not.toBe(made.modified)
    expect(Date.parse(first.modified)).toBeGreaterThan(Date.parse(made.modified))
    await expect(library.updateAnnotation(id, made.id, { note: 'ب' }, made.modified)).rejects.toMatchObject({
      code: 'conflict',
    })
    await library.deleteAnnotation(id, made.id)
    const restored = await library.restoreAnnotation(id, made.id)
    expect(Date.parse(restored.modified)).toBeGreaterThan(Date.parse(first.modified))
  })
})

describe('tag edits from two windows at once', () => {
  it('keep both windows’ changes', async () => {
    const library = await Library.open(tmp.path, { sample })
    const id = library.listArticles()[0]!.id
    await library.setArticleTags(id, ['سياسة', 'روسيا'], [])
    const base = library.listArticles()[0]!.tags
    // Both windows opened the Tags dialog on ['سياسة', 'روسيا'].
    await library.setArticleTags(id, [...base, 'سوريا'], base)
    const merged = await library.setArticleTags(id, ['سياسة', 'دبلوماسية'], base)
    expect(merged.tags).toEqual(['سياسة', 'سوريا', 'دبلوماسية'])
    expect(library.listArticles()[0]!.tags).toEqual(['سياسة', 'سوريا', 'دبلوماسية'])
  })

  it('set exactly the list sent when nothing changed meanwhile (order and spelling included)', async () => {
    const library = await Library.open(tmp.path, { sample })
    const id = library.listArticles()[0]!.id
    await library.setArticleTags(id, ['a', 'b', 'c'], [])
    const done = await library.setArticleTags(id, ['C', 'a'], ['a', 'b', 'c'])
    expect(done.tags).toEqual(['C', 'a'])
  })
})
