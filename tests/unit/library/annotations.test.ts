import { readFile } from 'node:fs/promises'
import { annotationsInLog } from '../../support/annotation-log-file'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { runCli } from '../../../main/cli/index'
import { Library } from '../../../main/library/library'
import { SAMPLE_ARTICLE } from '../../support/sample-library'
import { useTempDir } from '../../support/store-helpers'

const sample = SAMPLE_ARTICLE

const tmp = useTempDir('hamish-annotations-')

/** Opens the sample and finds a word's code-point range in its plain text. */
async function openSample(): Promise<{
  library: Library
  id: string
  text: string
  range(word: string): [number, number]
}> {
  const library = await Library.open(tmp.path, { sample })
  const id = library.listArticles()[0]!.id
  const text = plainText((await library.getArticle(id)).doc)
  return {
    library,
    id,
    text,
    range: (word) => {
      const i = text.indexOf(word)
      const start = Array.from(text.slice(0, i)).length
      return [start, start + Array.from(word).length]
    },
  }
}

describe('annotations in the library', () => {
  it('saves a highlight with both selectors and its creator, and finds it again after a restart', async () => {
    const { library, id, range } = await openSample()
    const [start, end] = range('أسعد الشيباني')
    const made = await library.addAnnotation({
      articleId: id,
      start,
      end,
      quote: 'أسعد الشيباني',
      color: 'green',
    })
    expect(made.anchor).toEqual({ start, end, method: 'position' })
    expect(made.target!.quote.exact).toBe('أسعد الشيباني')
    expect(made.target!.quote.prefix.length).toBeGreaterThan(0)
    expect(made.target!.position).toEqual({ type: 'TextPositionSelector', start, end })
    expect(made.creator.id).toMatch(/^urn:uuid:/)
    expect(made.creator.name.length).toBeGreaterThan(0)

    // Saved in the article's annotation log; its text file is not rewritten for it.
    expect((await annotationsInLog(tmp.path, id)).map((a) => a.id)).toEqual([made.id])
    const file = JSON.parse(await readFile(join(tmp.path, 'articles', `${id}.json`), 'utf8')) as object
    expect(file).not.toHaveProperty('annotations')

    const reopened = await Library.open(tmp.path, { sample })
    const article = await reopened.getArticle(id)
    expect(article.annotations.map((a) => [a.id, a.anchor?.start, a.anchor?.end])).toEqual([
      [made.id, start, end],
    ])
    expect(reopened.listArticles()[0]!.annotationCount).toBe(1)
  })

  it('recolours, edits notes and tags, deletes as a tombstone and restores', async () => {
    const { library, id, range } = await openSample()
    const [start, end] = range('موسكو')
    const a = await library.addAnnotation({ articleId: id, start, end, quote: 'موسكو', color: 'yellow' })
    const edited = await library.updateAnnotation(id, a.id, {
      color: 'pink',
      note: '**مهم**',
      tags: ['روسيا', 'روسيا'],
    })
    expect(edited.body).toEqual({ color: 'pink', note: '**مهم**', tags: ['روسيا'] })
    expect(edited.modified >= a.modified).toBe(true)
    await library.deleteAnnotation(id, a.id)
    expect((await library.getArticle(id)).annotations).toEqual([])
    expect(library.listArticles()[0]!.annotationCount).toBe(0)
    const all = await library.listAnnotations(id, { includeDeleted: true })
    expect(all.map((x) => x.deleted)).toEqual([true])
    const back = await library.restoreAnnotation(id, a.id)
    expect(back.deleted).toBe(false)
    expect(back.body.note).toBe('**مهم**')
    expect(library.listArticles()[0]!.annotationCount).toBe(1)
  })

  it('refuses a selection whose text does not match the article, or lies outside it', async () => {
    const { library, id, range, text } = await openSample()
    const [start, end] = range('موسكو')
    await expect(
      library.addAnnotation({ articleId: id, start, end, quote: 'دمشق', color: 'blue' }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    })
    const n = Array.from(text).length
    await expect(
      library.addAnnotation({ articleId: id, start: n, end: n + 3, quote: 'abc', color: 'blue' }),
    ).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(library.updateAnnotation(id, 'no-such-id', { color: 'blue' })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('signs annotations with the display name, which defaults to the OS user and can be set', async () => {
    const { library, id, range } = await openSample()
    const first = await library.getProfile()
    expect(first.displayName.length).toBeGreaterThan(0)
    const renamed = await library.setDisplayName('ليلى')
    expect(renamed).toEqual({ authorId: first.authorId, displayName: 'ليلى' })
    const [start, end] = range('دمشق')
    const a = await library.addAnnotation({ articleId: id, start, end, quote: 'دمشق', color: 'purple' })
    expect(a.creator).toEqual({ id: first.authorId, name: 'ليلى' })
    expect((await (await Library.open(tmp.path, { sample })).getProfile()).authorId).toBe(first.authorId)
  })

  it('counts positions in code points when the text has characters outside the BMP', async () => {
    const library = await Library.open(tmp.path, { noSample: true })
    const outcome = await library.importFile({
      name: 'astral.txt',
      bytes: new TextEncoder().encode('عنوان\n\n𝔸𝔹 قبل الكلمة المقصودة بعدها 😀 نهاية\n'),
    })
    const id = outcome.article!.id
    const text = plainText((await library.getArticle(id)).doc)
    const units = text.indexOf('المقصودة')
    const start = Array.from(text.slice(0, units)).length
    expect(start).toBe(units - 2)
    const a = await library.addAnnotation({
      articleId: id,
      start,
      end: start + 8,
      quote: 'المقصودة',
      color: 'yellow',
    })
    expect(a.target!.position).toMatchObject({ start, end: start + 8 })
    expect(a.anchor).toMatchObject({ start, end: start + 8 })
  })

  it('lists annotations from the CLI', async () => {
    const { library, id, range } = await openSample()
    const [start, end] = range('موسكو')
    await library.addAnnotation({ articleId: id, start, end, quote: 'موسكو', color: 'yellow', note: 'عاصمة' })
    let out = ''
    const code = await runCli(['annotations', 'list', id, '--library', tmp.path, '--json'], {
      out: (l) => (out += l),
      err: () => undefined,
      interactive: false,
    })
    expect(code).toBe(0)
    const listed = JSON.parse(out) as {
      target: { quote: { exact: string } }
      body: { note: string }
      anchor: unknown
    }[]
    expect(listed).toHaveLength(1)
    expect(listed[0]!.target.quote.exact).toBe('موسكو')
    expect(listed[0]!.body.note).toBe('عاصمة')
    expect(listed[0]!.anchor).toMatchObject({ start, end })
  })
})
