import { mkdtemp, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AnnotationImportReport } from '../../../common/contract/annotation-import'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'

const ROOT = resolve(__dirname, '../../..')
/** The vocalised edition (corpus fixture) and a bare copy: the same text without harakat, shadda and sukun. */
const VOCALISED = readFileSync(join(ROOT, 'tests/fixtures/arcd-02-al-andalus.txt'), 'utf8')
const BARE = VOCALISED.replace(/[\u064B-\u0652]/g, '')
/** The bare copy without one sentence, so a note on it has nowhere to anchor. */
const CUT = 'وتلك الوحدات تقابل تقريبا كلا من: منطقة أندلوسيا'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-editions-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const encode = (s: string) => new TextEncoder().encode(s)

async function libraryWith(
  name: string,
  text: string,
): Promise<{ library: Library; id: string; text: string }> {
  const library = await Library.open(join(dir, name), { noSample: true })
  const outcome = await library.importFile({ name: `${name}.txt`, bytes: encode(text) })
  const id = outcome.article!.id
  return { library, id, text: plainText((await library.getArticle(id)).doc) }
}

async function note(lib: { library: Library; id: string; text: string }, quote: string, body: string) {
  const start = Array.from(lib.text.slice(0, lib.text.indexOf(quote))).length
  return lib.library.addAnnotation({
    articleId: lib.id,
    start,
    end: start + Array.from(quote).length,
    quote,
    color: 'green',
    note: body,
  })
}

type Item = {
  target: {
    source: string
    selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }]
  }
  'hamish:extension': { original?: { quote: { exact: string } }; orphan?: true }
  body: { value: string }[]
}

const items = (bytes: Uint8Array): Item[] => JSON.parse(new TextDecoder().decode(bytes)).first.items
const cps = (s: string) => Array.from(s)

/** What a tool without folding does with a file: the quote must be the text at the positions. */
function describesText(item: Item, text: string): void {
  const [quote, position] = item.target.selector
  const points = cps(text)
  expect(points.slice(position.start, position.end).join('')).toBe(quote.exact)
  expect(points.slice(position.start - cps(quote.prefix).length, position.start).join('')).toBe(quote.prefix)
  expect(points.slice(position.end, position.end + cps(quote.suffix).length).join('')).toBe(quote.suffix)
}

async function imported(
  library: Library,
  bytes: Uint8Array,
  articleId?: string,
): Promise<AnnotationImportReport> {
  const result = await library.importAnnotationFile({
    name: 'f.hamish.json',
    bytes,
    ...(articleId ? { articleId } : {}),
  })
  if (result.status !== 'imported') throw new Error(`not imported: ${result.status}`)
  return result.report
}

describe('re-shared annotations describe the exported article’s own text (issue 10 item 6b)', () => {
  it('A (vocalised) → B (bare) → C: selectors of B’s file are B’s text, the original travels, and nothing conflicts back at A', async () => {
    const a = await libraryWith('a', VOCALISED)
    const b = await libraryWith('b', BARE.replace(`${CUT}، `, ''))
    expect(b.text).not.toContain(CUT)
    const placed = await note(a, 'إقليمٌ وحضارةٌ إسلاميَّة', 'تعريف الأندلس')
    const lost = await note(a, 'وتلك الوحدات تُقابلُ تقريبًا كُلًا من: منطقة أندلوسيا', 'ليست في نسخة ب')
    const fromA = await a.library.exportAnnotationFile(a.id, { bundle: false })

    // B has the bare copy: the fingerprint differs, the user picks it, one note is found, one is not.
    const asked = await b.library.importAnnotationFile({ name: 'a.hamish.json', bytes: fromA.bytes })
    expect(asked.status === 'needs-article' && asked.candidates[0]!.articleId).toBe(b.id)
    const atB = await imported(b.library, fromA.bytes, b.id)
    expect(atB.orphaned).toEqual([lost.id])

    // B's file: under B's fingerprint, the placed note's selectors are B's own text, A's kept as `original`.
    const fromB = await b.library.exportAnnotationFile(b.id, { bundle: true })
    const [first, second] = items(fromB.bytes)
    const byNote = (n: string) => [first!, second!].find((i) => i.body[0]!.value === n)!
    const placedItem = byNote('تعريف الأندلس')
    expect(placedItem.target.source).toBe(`urn:sha256:${b.library.listArticles()[0]!.fingerprint}`)
    expect(placedItem.target.selector[0].exact).toBe('إقليم وحضارة إسلامية')
    describesText(placedItem, b.text)
    expect(placedItem['hamish:extension'].original?.quote.exact).toBe('إقليمٌ وحضارةٌ إسلاميَّة')
    // The note B cannot place keeps A's selectors, marked as an orphan.
    const lostItem = byNote('ليست في نسخة ب')
    expect(lostItem['hamish:extension'].orphan).toBe(true)
    expect(lostItem.target.selector[0].exact).toBe(lost.target!.quote.exact)

    // C gets B's bundle: the article arrives with the notes, and C's own export describes C's text.
    const c = await Library.open(join(dir, 'c'), { noSample: true })
    const atC = await imported(c, fromB.bytes)
    expect(atC.articleCreated).toBe(true)
    const cId = c.listArticles()[0]!.id
    const cText = plainText((await c.getArticle(cId)).doc)
    const shown = (await c.getArticle(cId)).annotations.find((x) => x.id === placed.id)!
    expect(shown.anchor).not.toBeNull()
    expect(cps(cText).slice(shown.anchor!.start, shown.anchor!.end).join('')).toBe('إقليم وحضارة إسلامية')
    const fromC = await c.exportAnnotationFile(cId, { bundle: false })
    describesText(
      items(fromC.bytes).find((i) => i.body[0]!.value === 'تعريف الأندلس')!,
      cText,
    )

    // Back at A: the same versions, so nothing is updated or in conflict.
    const backAtA = await imported(a.library, fromC.bytes, a.id)
    expect(backAtA).toMatchObject({ added: [], updated: [], conflicts: [], rejected: [] })
    expect(backAtA.unchanged.sort()).toEqual([placed.id, lost.id].sort())
  })
})
