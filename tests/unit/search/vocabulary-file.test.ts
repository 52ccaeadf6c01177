import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../main/library/library'
import { stampOfTerms, type VocabularyFile } from '../../../main/library/search-vocabulary-file'

const FIXTURES = join(__dirname, '../../fixtures')
const FIRST = 'lavrov-shaibani-moscow.ar.txt'
const SECOND = 'arcd-01-osman-i.txt'
/** Words of each article, one only in the second, and a phrase. */
const QUERIES = ['الشيباني', 'موسكو', 'عثمان', 'الدولة العثمانية', 'في', 'على']

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-vocabulary-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const vocabularyPath = () => join(dir, 'search-index', 'vocabulary.json')

async function importFixture(lib: Library, name: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(join(FIXTURES, name)))
  return (await lib.importFile({ name, bytes })).article!.id
}

async function answers(lib: Library): Promise<unknown[]> {
  const out: unknown[] = []
  for (const q of QUERIES) out.push(await lib.search(q, {}), await lib.search(q, { wholeWord: true }))
  return out
}

async function indexVersions(): Promise<number[]> {
  const files = (await readdir(join(dir, 'search-index'))).filter((f) => f !== 'vocabulary.json')
  return Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(dir, 'search-index', f), 'utf8')).version),
  )
}

describe('the library-wide vocabulary file (index files version 5)', () => {
  it('is written at the first search, and a reopened library loads ids without indexing anything again', async () => {
    const lib = await Library.open(dir, { noSample: true })
    await importFixture(lib, FIRST)
    await importFixture(lib, SECOND)
    const before = await answers(lib)
    expect(await indexVersions()).toEqual([5, 5])
    const vocabulary = JSON.parse(await readFile(vocabularyPath(), 'utf8')) as VocabularyFile
    expect(vocabulary.terms.length).toBe(lib.searchIndex().engine.vocabularyIds)
    expect(vocabulary.stamp).toBe(stampOfTerms(vocabulary.terms))
    // Article files are not needed to load the index (texts are read only for answers).
    const reopened = await Library.open(dir, { noSample: true })
    const ids = reopened.listArticles().map((a) => a.id)
    await reopened.searchIndex().ensure(ids)
    expect(reopened.searchIndex().engine.size).toBe(2)
    expect(await answers(reopened)).toEqual(before)
    expect(reopened.searchIndex().rebuilt).toBe(0)
    expect(reopened.listNotices()).toEqual([])
  })

  it('does not trust a vocabulary whose terms are in another order: the articles are indexed again', async () => {
    const lib = await Library.open(dir, { noSample: true })
    await importFixture(lib, FIRST)
    await importFixture(lib, SECOND)
    const before = await answers(lib)
    const vocabulary = JSON.parse(await readFile(vocabularyPath(), 'utf8')) as VocabularyFile
    // Well formed and with a matching checksum, but every id now means another term.
    const terms = [...vocabulary.terms].reverse()
    await writeFile(vocabularyPath(), JSON.stringify({ version: 1, terms, stamp: stampOfTerms(terms) }))
    const reopened = await Library.open(dir, { noSample: true })
    expect(await answers(reopened)).toEqual(before)
    expect(reopened.searchIndex().rebuilt).toBe(2)
    expect(await indexVersions()).toEqual([5, 5])
    // Written again against the vocabulary as it is now: a third opening indexes nothing.
    const third = await Library.open(dir, { noSample: true })
    expect(await answers(third)).toEqual(before)
    expect(third.searchIndex().rebuilt).toBe(0)
  })

  it('rebuilds from the articles when the vocabulary is damaged and has no backup', async () => {
    const lib = await Library.open(dir, { noSample: true })
    await importFixture(lib, FIRST)
    await importFixture(lib, SECOND)
    const before = await answers(lib)
    await rm(join(dir, 'backups', 'search-index'), { recursive: true, force: true })
    const text = await readFile(vocabularyPath(), 'utf8')
    await writeFile(vocabularyPath(), text.replace(/"stamp":\d+/, '"stamp":1'))
    const reopened = await Library.open(dir, { noSample: true })
    expect(await answers(reopened)).toEqual(before)
    expect(reopened.searchIndex().rebuilt).toBe(2)
  })

  it('indexes again only the article that names terms an older copy of the vocabulary lacks', async () => {
    const lib = await Library.open(dir, { noSample: true })
    await importFixture(lib, FIRST)
    await lib.search('الشيباني', {})
    const older = join(dir, 'older-vocabulary.json')
    await copyFile(vocabularyPath(), older)
    // The second article adds terms (ids past the older copy's end).
    await importFixture(lib, SECOND)
    const before = await answers(lib)
    expect(await indexVersions()).toEqual([5, 5])
    await copyFile(older, vocabularyPath())
    const reopened = await Library.open(dir, { noSample: true })
    expect(await answers(reopened)).toEqual(before)
    expect(reopened.searchIndex().rebuilt).toBe(1)
  })
})
