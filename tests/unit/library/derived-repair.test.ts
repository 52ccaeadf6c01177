/**
 * An annotation change is acknowledged when the article file is written; the
 * library list's count and the search index follow it. A crash between left
 * them behind for good (972 of 1,050 kills left the index behind, 1,006 a
 * wrong count). Now a mark beside the article file says "derived data may be
 * behind" until both are written, and opening the library repairs every
 * marked article from its file.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { SAMPLE_ARTICLE } from '../../support/sample-library'
import { useTempDir } from '../../support/store-helpers'

const sample = SAMPLE_ARTICLE

const tmp = useTempDir('hamish-derived-')

/** The state a kill leaves right after the article file of `id` took a new note: list and index behind. */
async function killedAfterArticleWrite(): Promise<{ id: string; note: string }> {
  const library = await Library.open(tmp.path, { sample })
  const id = library.listArticles()[0]!.id
  const text = plainText((await library.getArticle(id)).doc)
  const word = 'الشيباني'
  const start = [...text.slice(0, text.indexOf(word))].length
  const base = { articleId: id, start, end: start + [...word].length, quote: word, color: 'yellow' as const }
  await library.addAnnotation({ ...base, note: 'أول ملاحظة' })
  const listBefore = await readFile(join(tmp.path, 'library.json'), 'utf8')
  const indexDir = join(tmp.path, 'search-index')
  const indexBefore = new Map<string, string>()
  for (const name of await readdir(indexDir))
    indexBefore.set(name, await readFile(join(indexDir, name), 'utf8'))
  const note = 'ملاحظة كتبت قبل الانهيار zqcrashx'
  await library.addAnnotation({ ...base, note })
  // Put the list and the index back as they were before the second note, and leave the mark
  // the change had made before its article write: what a SIGKILL after that write leaves.
  await writeFile(join(tmp.path, 'library.json'), listBefore)
  for (const [name, bytes] of indexBefore) await writeFile(join(indexDir, name), bytes)
  await writeFile(join(tmp.path, 'articles', `${id}.derived-pending`), '')
  return { id, note }
}

describe('repair of derived data at open', () => {
  it('recounts and re-indexes an article left marked, then removes the mark', async () => {
    const { id } = await killedAfterArticleWrite()
    const library = await Library.open(tmp.path, { sample })
    expect(library.listArticles().find((a) => a.id === id)?.annotationCount).toBe(2)
    const results = await library.search('zqcrashx', {})
    expect(results.flatMap((r) => r.matches.map((m) => m.field))).toEqual(['note'])
    expect((await readdir(join(tmp.path, 'articles'))).filter((n) => n.endsWith('.derived-pending'))).toEqual(
      [],
    )
  })

  it('leaves no mark behind after changes that caught up, and ignores a mark of an unlisted article', async () => {
    const library = await Library.open(tmp.path, { sample })
    const id = library.listArticles()[0]!.id
    const text = plainText((await library.getArticle(id)).doc)
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        library.addAnnotation({
          articleId: id,
          start: i * 3,
          end: i * 3 + 2,
          quote: [...text].slice(i * 3, i * 3 + 2).join(''),
          color: 'blue',
        }),
      ),
    )
    await Promise.all(made.slice(0, 3).map((a) => library.deleteAnnotation(id, a.id)))
    expect((await readdir(join(tmp.path, 'articles'))).filter((n) => n.endsWith('.derived-pending'))).toEqual(
      [],
    )
    // Overlapping adds and deletes still leave the count right.
    expect(library.listArticles()[0]!.annotationCount).toBe(3)
    await writeFile(join(tmp.path, 'articles', 'gone.derived-pending'), '')
    await Library.open(tmp.path, { sample })
    expect((await readdir(join(tmp.path, 'articles'))).filter((n) => n.endsWith('.derived-pending'))).toEqual(
      [],
    )
  })
})
