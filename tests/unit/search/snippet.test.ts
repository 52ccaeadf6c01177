import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldQuery } from '../../../common/arabic-fold'
import { MAX_MATCHES_PER_ARTICLE } from '../../../common/contract/limits'
import type { SearchMatch } from '../../../common/contract/search'
import { plainText } from '../../../common/plain-text'
import { SNIPPET_CONTEXT, SNIPPET_ELLIPSIS, snippetOf } from '../../../common/search/snippet'
import { Library } from '../../../main/library/library'

const FIXTURES = join(__dirname, '../../fixtures')
const BOOK = 'large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt'
/** A combining mark: harakat U+064B–U+065F, superscript alef U+0670, and every other \p{M}. */
const MARK = /^[\p{M}\u064B-\u065F\u0670]/u
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u

let dir: string
let lib: Library
let text: string
let articleId: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-snippets-'))
  lib = await Library.open(dir, { noSample: true })
  const bytes = new Uint8Array(await readFile(join(FIXTURES, BOOK)))
  const outcome = await lib.importFile({ name: 'adab.txt', bytes })
  articleId = outcome.article!.id
  text = plainText((await lib.getArticle(articleId)).doc)
})
afterAll(async () => {
  await lib.flush()
  await rm(dir, { recursive: true, force: true })
})

/** Checks one match's snippet against the article's text: whole words, marks on their letters, the match itself. */
function checkSnippet(cps: string[], m: SearchMatch): void {
  const { before, match, after } = m.snippet
  expect(match).toBe(m.text)
  expect(cps.slice(m.start, m.end).join('')).toBe(m.text)
  const cutBefore = before.startsWith(SNIPPET_ELLIPSIS)
  const shownBefore = [...(cutBefore ? before.slice(1) : before)]
  const cutAfter = after.endsWith(SNIPPET_ELLIPSIS)
  const shownAfter = [...(cutAfter ? after.slice(0, -1) : after)]
  expect(shownBefore.length).toBeLessThanOrEqual(SNIPPET_CONTEXT)
  expect(shownAfter.length).toBeLessThanOrEqual(SNIPPET_CONTEXT)
  // The snippet is the text around the match, as it is.
  const from = m.start - shownBefore.length
  if (!cutBefore || shownBefore.length > 0)
    expect(cps.slice(from, m.start).join('')).toBe(shownBefore.join(''))
  expect(cps.slice(m.end, m.end + shownAfter.length).join('')).toBe(shownAfter.join(''))
  if (cutBefore) {
    // Never an orphan mark or half a word after the ellipsis: what precedes the cut is not part of a word.
    expect(shownBefore.join(''), JSON.stringify(before)).not.toMatch(MARK)
    if (shownBefore.length > 0) {
      expect(WORD_CHAR.test(cps[from - 1] ?? ' ') && WORD_CHAR.test(shownBefore[0]!), before).toBe(false)
    }
  } else expect(from).toBe(0)
  if (cutAfter) {
    const end = m.end + shownAfter.length
    // The cut leaves no letter without its marks and no half word.
    expect(cps[end] ?? '', JSON.stringify(after)).not.toMatch(MARK)
    if (shownAfter.length > 0) {
      expect(
        WORD_CHAR.test(shownAfter[shownAfter.length - 1]!) && WORD_CHAR.test(cps[end] ?? ' '),
        after,
      ).toBe(false)
    }
  } else expect(m.end + shownAfter.length).toBe(cps.length)
}

describe('search snippets on the vocalised Tashkeela book', () => {
  it('start and end at word boundaries, never between a letter and its marks, with the ellipsis outside', async () => {
    const cps = [...text]
    for (const q of ['رجع', 'العقل', 'الحمد لله', 'قال']) {
      const [r] = await lib.search(q, { limitPerArticle: MAX_MATCHES_PER_ARTICLE })
      const matches = r!.matches.filter((m) => m.field === 'text')
      expect(matches.length).toBeGreaterThan(2)
      for (const m of matches) {
        expect(foldQuery(m.snippet.match)).toBe(foldQuery(q))
        checkSnippet(cps, m)
      }
    }
  })

  it('shows the whole title, without an ellipsis, when nothing of it was cut', async () => {
    const [r] = await lib.search('الدنيا', {})
    const title = r!.matches.find((m) => m.field === 'title')!
    expect(title.snippet).toEqual({ before: 'أدب ', match: 'الدنيا', after: ' والدين' })
  })
})

describe('snippetOf', () => {
  // «فَرَجَعَ الرَّجُلُ» from the book: a cut 40 units before the match used to fall between «ر» and its shadda.
  const line = 'وَقَدْ كَانَ الْقَوْمُ فِي حَرْبٍ شَدِيدَةٍ مَعَ عَدُوِّهِمْ فَرَجَعَ الرَّجُلُ إلَى قَطَرِيِّ بْنِ الْفُجَاءَةِ'
  it('drops the half word and orphan marks at a cut and keeps the match whole', () => {
    const a = line.indexOf('إلَى')
    const b = a + 'إلَى'.length
    for (let lead = 0; lead < 30; lead++) {
      const window = line.slice(lead)
      const s = snippetOf(window, a - lead, b - lead, lead === 0, true)
      expect(s.match).toBe('إلَى')
      const shown = s.before.replace(/^…/u, '')
      expect(shown).not.toMatch(MARK)
      expect(line.slice(0, a).endsWith(shown)).toBe(true)
      if (s.before.startsWith('…')) {
        const at = a - shown.length
        expect(/[\p{L}\p{M}]/u.test(line[at - 1]!) && /[\p{L}\p{M}]/u.test(line[at]!)).toBe(false)
      }
    }
  })

  it('cuts a side with one word longer than the context at a letter, with its marks', () => {
    const long = 'الْ'.repeat(60)
    const s = snippetOf(`${long} كَلِمَة ${long}`, long.length + 1, long.length + 7, true, true)
    expect(s.before.startsWith('…')).toBe(true)
    expect(s.before.slice(1)).not.toMatch(MARK)
    expect(s.after.endsWith('…')).toBe(true)
  })
})
