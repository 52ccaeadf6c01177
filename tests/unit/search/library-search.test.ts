import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { foldQuery, foldText, originalRange } from '../../../common/arabic-fold'
import { SearchEngine } from '../../../common/search/engine'
import { originalRangeMapper, prepareSearchText, toOriginalRange } from '../../../common/search/search-text'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { runHamish } from '../../support/cli-run'

const FIXTURES = join(__dirname, '../../fixtures')
const SAMPLE = 'lavrov-shaibani-moscow.ar.txt'
const BOOK = 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-search-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function importFixture(lib: Library, name: string, as?: string) {
  const bytes = new Uint8Array(await readFile(join(FIXTURES, name)))
  const outcome = await lib.importFile({ name: as ?? name.split('/').pop()!, bytes })
  expect(outcome.status).toBe('added')
  return outcome.article!
}

const cpSlice = (s: string, a: number, b: number) => [...s].slice(a, b).join('')

async function textOf(lib: Library, id: string) {
  return plainText((await lib.getArticle(id)).doc)
}

describe('search text and its map back', () => {
  it('maps folded ranges back like foldText, through the sparse checkpoints', () => {
    const original = 'مُقَدِّمَةُ الْمُؤَلِّفِ  الْحَمْدُ لِلَّهِ 😀 ﷺ وَالْآلَاءِ'.repeat(40)
    const t = prepareSearchText(original)
    expect(t.folded).toBe(foldQuery(original))
    for (const q of ['الحمد', 'لله', 'مولف', 'صلي', 'ه 😀 ص']) {
      for (let i = t.folded.indexOf(q); i >= 0; i = t.folded.indexOf(q, i + 1)) {
        const [a, b] = toOriginalRange(t, i, i + q.length)
        expect(foldQuery(original.slice(a, b))).toContain(q)
      }
    }
  })

  it('maps a match ending inside an expansion (ﷺ) over the marks after it, wherever the checkpoints fall', () => {
    for (let k = 55; k < 85; k++) {
      const original = `x${'\u064e'.repeat(k)}\ufdfa\u064ey`
      const t = prepareSearchText(original)
      const whole = foldText(original)
      for (let i = t.folded.indexOf('صلي'); i >= 0; i = t.folded.indexOf('صلي', i + 1))
        expect(toOriginalRange(t, i, i + 3), `k=${k}`).toEqual(originalRange(whole, i, i + 3))
    }
  })

  it('maps every match of a query in one pass (shared re-folds) exactly as one at a time', () => {
    const original =
      'مُقَدِّمَةُ الْمُؤَلِّفِ ﷺ وَالْآلَاءِ 😀 لِلَّهِ '.repeat(300) + 'x' + '\u064e'.repeat(70) + '\ufdfa\u064ey'
    const t = prepareSearchText(original)
    const whole = foldText(original)
    for (const stretch of [0, 50, 4096]) {
      for (const q of ['ا', 'لله', 'صلي', 'ه 😀 ل']) {
        const toOriginal = originalRangeMapper(t, stretch)
        for (let i = t.folded.indexOf(q); i >= 0; i = t.folded.indexOf(q, i + 1))
          expect(toOriginal(i, i + q.length), `${q} at ${i}, stretch ${stretch}`).toEqual(
            originalRange(whole, i, i + q.length),
          )
      }
    }
  })

  it('finds the same matches through the word index as a scan, whole word or not', () => {
    const e = new SearchEngine()
    e.put({ id: 'a', text: 'كتب الكاتب كتابا في المكتبة، كتب كتب.', annotations: [] })
    e.put({ id: 'b', text: 'لا شيء هنا سوى كتبٍ قديمة', annotations: [] })
    for (const q of ['كتب', 'كت', 'تب', 'كتب كتب', 'ب ال', '،', 'كتاب']) {
      for (const ww of [false, true]) expect(e.findFolded(q, ww)).toEqual(e.scanFolded(q, ww))
    }
    expect(e.findFolded('كتب', true).get('a')).toHaveLength(3)
    expect(e.findFolded('كتب', false).get('a')!.length).toBeGreaterThan(3)
  })
})

describe('Library.search', () => {
  it('finds الشيباني in the sample and returns the original characters in code points', async () => {
    const lib = await Library.open(dir, { noSample: true })
    const a = await importFixture(lib, SAMPLE)
    const results = await lib.search('الشيباني', {})
    expect(results.map((r) => r.articleId)).toEqual([a.id])
    const text = await textOf(lib, a.id)
    const inText = results[0]!.matches.filter((m) => m.field === 'text')
    expect(inText.length).toBe((text.match(/الشيباني/g) ?? []).length)
    for (const m of inText) {
      expect(cpSlice(text, m.start, m.end)).toBe(m.text)
      expect(foldQuery(m.text)).toBe('الشيباني')
      expect(m.snippet.match).toBe(m.text)
      expect(m.snippet.before.length).toBeLessThanOrEqual(41)
    }
  })

  it('finds an unvocalised word in the vocalised Tashkeela book; every match folds to the query', async () => {
    const lib = await Library.open(dir, { noSample: true })
    const a = await importFixture(lib, BOOK)
    const text = await textOf(lib, a.id)
    for (const q of ['العقل', 'الحمد لله', 'أدب']) {
      const [r] = await lib.search(q, { limitPerArticle: 100000 })
      const matches = r!.matches.filter((m) => m.field === 'text')
      const fq = foldQuery(q)
      expect(matches.length).toBeGreaterThan(0)
      let count = 0
      const folded = foldQuery(text)
      const cps = [...text]
      for (let i = folded.indexOf(fq); i >= 0; i = folded.indexOf(fq, i + fq.length)) count++
      expect(matches.length).toBe(count)
      for (const m of matches) {
        expect(cps.slice(m.start, m.end).join('')).toBe(m.text)
        expect(foldQuery(m.text)).toBe(fq)
      }
      expect(matches.some((m) => m.text.length > q.length + 2)).toBe(true) // vocalised in the original
    }
    const whole = (await lib.search('العقل', { wholeWord: true, limitPerArticle: 1e6 }))[0]!.matches
    const sub = (await lib.search('العقل', { limitPerArticle: 1e6 }))[0]!.matches
    expect(whole.length).toBeGreaterThan(0)
    expect(whole.length).toBeLessThan(sub.length) // والعقل, بالعقل… are not whole words
  }, 20000)

  it('whole word vs substring, exact vs folded, titles, quotes, notes and tags', async () => {
    const lib = await Library.open(dir, { noSample: true })
    const bytes = new TextEncoder().encode('مَكتبة المدينة\n\nفي المكتبةِ كتبٌ كثيرة، والكتب قديمة.\n')
    const a = (await lib.importFile({ name: 'a.txt', bytes })).article!
    expect((await lib.search('كتب', {}))[0]!.matches.map((m) => m.text)).toEqual([
      'كتب', // the title
      'كتب',
      'كتبٌ',
      'كتب',
    ])
    expect((await lib.search('كتب', { wholeWord: true }))[0]!.matches.map((m) => m.text)).toEqual(['كتبٌ'])
    expect(await lib.search('المكتبه', { folded: false })).toEqual([])
    expect((await lib.search('المكتبةِ', { folded: false }))[0]!.matches).toHaveLength(1)
    expect((await lib.search('مكتبه', {}))[0]!.matches.map((m) => m.field)).toEqual(['title', 'text'])
    const text = await textOf(lib, a.id)
    const start = [...text].indexOf('ق')
    const ann = await lib.addAnnotation({
      articleId: a.id,
      start,
      end: start + 5,
      quote: cpSlice(text, start, start + 5),
      color: 'yellow',
      note: 'ملاحظة عن الورق',
      tags: ['تاريخ'],
    } as never)
    const fields = (q: string) => lib.search(q, {}).then((r) => r[0]?.matches.map((m) => m.field) ?? [])
    expect(await fields('الورق')).toEqual(['note'])
    expect(await fields('تاريخ')).toEqual(['tag'])
    expect(await fields('قديمه')).toEqual(['text', 'quote'])
    await lib.deleteAnnotation(a.id, ann.id)
    expect(await fields('الورق')).toEqual([])
    await lib.restoreAnnotation(a.id, ann.id)
    expect(await fields('الورق')).toEqual(['note'])
    await lib.renameArticle(a.id, 'عنوان آخر')
    expect(await fields('اخر')).toEqual(['title'])
    await lib.setArticleTags(a.id, ['مراجع'])
    expect(await fields('مراجع')).toEqual(['tag'])
    await lib.trashArticle(a.id)
    expect(await lib.search('كتب', {})).toEqual([])
    await lib.restoreArticle(a.id)
    expect(await lib.search('كتب', {})).toHaveLength(1)
  })

  it('keeps the index across a restart and reads only the texts a query shows', async () => {
    let lib = await Library.open(dir, { noSample: true })
    const a = await importFixture(lib, SAMPLE)
    expect(await readdir(join(dir, 'search-index'))).toContain(`${a.id}.json`)
    const before = await lib.search('الشيباني', {})
    // A new import after the first search is indexed as well.
    await lib.importFile({
      name: 'b.txt',
      bytes: new TextEncoder().encode('عنوان\n\nلقاء الشيبانيّ اليوم.\n'),
    })
    expect(await lib.search('الشيباني', {})).toHaveLength(2)
    lib = await Library.open(dir, { noSample: true })
    // The index files hold no text: a query that finds nothing in an article does not read it.
    expect(await lib.search('لقاء', {})).toHaveLength(1)
    expect(lib.searchIndex().engine.hasText(a.id)).toBe(false)
    const after = await lib.search('الشيباني', {})
    expect(after).toHaveLength(2)
    expect(after.find((r) => r.articleId === a.id)).toEqual(before[0])
    expect(lib.searchIndex().rebuilt).toBe(0)
  })

  it("gives a first page of articles with matches and every other article its total, reading only the page's texts", async () => {
    let lib = await Library.open(dir, { noSample: true })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const text = `مقالة ${i}\n\n${'قال الشيباني كلاما. '.repeat(i + 2)}\n`
      ids.push(
        (await lib.importFile({ name: `a${i}.txt`, bytes: new TextEncoder().encode(text) })).article!.id,
      )
    }
    lib = await Library.open(dir, { noSample: true })
    const page = await lib.search('الشيباني', { limitPerArticle: 1, articleLimit: 2 })
    // Every article with its total, in the library's order; matches only for the first two.
    expect(page.map((r) => r.total)).toEqual([2, 3, 4, 5, 6])
    expect(page.map((r) => r.matches.length)).toEqual([1, 1, 0, 0, 0])
    expect(page[0]!.matches[0]!.text).toBe('الشيباني')
    // A one-word query is counted from the index: only the two texts shown were read.
    expect(ids.map((id) => lib.searchIndex().engine.hasText(id))).toEqual([true, true, false, false, false])
    // The next page, then all of one article's matches: the same totals, the matches a full search gives.
    const next = await lib.search('الشيباني', { limitPerArticle: 1, articleOffset: 2, articleLimit: 2 })
    expect(next.map((r) => r.matches.length)).toEqual([0, 0, 1, 1, 0])
    const full = await lib.search('الشيباني', { limitPerArticle: 100 })
    expect(next[2]!.matches).toEqual(full[2]!.matches.slice(0, 1))
    const rest = await lib.search('الشيباني', { articleId: ids[4]!, offset: 1, limitPerArticle: 100 })
    expect(rest[0]!.matches).toEqual(full[4]!.matches.slice(1))
    expect(lib.searchIndex().rebuilt).toBe(0)
  })

  it('rebuilds a damaged or missing index file and says so', async () => {
    let lib = await Library.open(dir, { noSample: true })
    const a = await importFixture(lib, SAMPLE)
    const b = (
      await lib.importFile({ name: 'b.txt', bytes: new TextEncoder().encode('عنوان\n\nالشيباني\n') })
    ).article!
    await rm(join(dir, 'backups'), { recursive: true })
    await writeFile(join(dir, 'search-index', `${a.id}.json`), '{"version":1,"id":"broken')
    await rm(join(dir, 'search-index', `${b.id}.json`))
    lib = await Library.open(dir, { noSample: true })
    expect(await lib.search('الشيباني', {})).toHaveLength(2)
    expect(lib.searchIndex().rebuilt).toBe(2)
    expect(
      lib
        .listNotices()
        .map((n) => n.message)
        .join('\n'),
    ).toContain(`${a.id}.json was damaged`)
    lib = await Library.open(dir, { noSample: true })
    expect(await lib.search('الشيباني', {})).toHaveLength(2)
    expect(lib.searchIndex().rebuilt).toBe(0)
  })
})

describe('hamish search', () => {
  const run = runHamish

  it('prints id, title and each match with code-point positions and the original text', async () => {
    const lib = join(dir, 'lib')
    expect((await run('import', join(FIXTURES, SAMPLE), '--library', lib)).code).toBe(0)
    const json = await run('search', 'الشيباني', '--library', lib, '--json')
    expect(json.code).toBe(0)
    const results = JSON.parse(json.out) as { articleId: string; title: string; matches: unknown[] }[]
    const sample = results.find((r) => r.matches.length > 1)!
    const text = await run('search', 'الشيباني', '--library', lib)
    expect(text.out).toContain(`${sample.articleId}\t${sample.title}`)
    expect(text.out).toMatch(/^ {2}\d+-\d+\tالشيباني\t/m)
    expect((await run('search', 'الشيباني', '--whole-word', '--exact', '--library', lib)).code).toBe(0)
    const none = await run('search', 'لاشيءمطلقا', '--library', lib)
    expect(none.code).toBe(1)
    expect(none.err).toContain('No matches')
    // Nothing to look for: a usage error, not "no matches for “”".
    for (const empty of ['   ', '\u064e\u0651', 'ـــ']) {
      const r = await run('search', empty, '--library', lib)
      expect(r.code, JSON.stringify(empty)).toBe(2)
      expect(r.err).toContain('diacritics alone are ignored')
    }
    // A very long query is not echoed whole.
    const long = await run('search', 'ق'.repeat(10_000), '--library', lib)
    expect(long.code).toBe(1)
    expect(long.err.length).toBeLessThan(300)
  })
})
