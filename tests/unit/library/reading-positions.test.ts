/**
 * Reading positions live in positions.json: saving one (every scroll and
 * close) never rewrites library.json, which with 2,000 articles is 0.8 MB.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Library } from '../../../main/library/library'
import { SAMPLE_ARTICLE } from '../../support/sample-library'
import { useTempDir } from '../../support/store-helpers'

const tmp = useTempDir('hamish-positions-')

describe('reading positions', () => {
  it('are saved without rewriting library.json, and found again after a restart', async () => {
    const library = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    const id = library.listArticles()[0]!.id
    const list = await readFile(join(tmp.path, 'library.json'))
    await library.setReadingPosition(id, 120)
    await library.setReadingPosition(id, 240)
    expect(await readFile(join(tmp.path, 'library.json'))).toEqual(list)
    expect(JSON.parse(await readFile(join(tmp.path, 'positions.json'), 'utf8'))).toEqual({
      version: 1,
      positions: { [id]: 240 },
    })
    const reopened = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    expect(reopened.getReadingPosition(id)).toBe(240)
  })

  it('of a library from before are read from library.json, which is never written for them again', async () => {
    const library = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    const id = library.listArticles()[0]!.id
    // As an older Hamish left it: the position inside library.json, no positions.json.
    const data = JSON.parse(await readFile(join(tmp.path, 'library.json'), 'utf8')) as {
      positions: Record<string, number>
    }
    data.positions[id] = 77
    await writeFile(join(tmp.path, 'library.json'), `${JSON.stringify(data, null, 2)}\n`)
    const reopened = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    expect(reopened.getReadingPosition(id)).toBe(77)
    expect(existsSync(join(tmp.path, 'positions.json'))).toBe(false)
    const list = await readFile(join(tmp.path, 'library.json'))
    await reopened.setReadingPosition(id, 90)
    expect(await readFile(join(tmp.path, 'library.json'))).toEqual(list)
    expect((await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })).getReadingPosition(id)).toBe(90)
  })

  it('of an article deleted for good are forgotten', async () => {
    const library = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    const id = library.listArticles()[0]!.id
    await library.setReadingPosition(id, 50)
    await library.trashArticle(id)
    await library.deleteArticleForever(id)
    expect(JSON.parse(await readFile(join(tmp.path, 'positions.json'), 'utf8'))).toEqual({
      version: 1,
      positions: {},
    })
  })
})
