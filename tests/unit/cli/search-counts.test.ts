import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldQuery } from '../../../common/arabic-fold'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
const BOOK = join(repo, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')

/** The real CLI as a process (main/cli/index.ts through tsx), with its own stdout and stderr. */
function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repo, 'main/cli/index.ts'), ...argv],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, HAMISH_LIBRARY: '' }, maxBuffer: 256 << 20 },
      (err, out, errText) => done({ code: err ? Number(err.code ?? 1) : 0, out, err: errText }),
    )
  })
}

interface Result {
  articleId: string
  title: string
  total: number
  matches: { start: number; end: number; text: string; field: string }[]
}

let dir: string
let lib: string
let id: string
/** How often the query occurs in the book, counted here on its folded text and title, without the index. */
let expected: number
const QUERY = 'العقل'

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-cli-search-'))
  lib = join(dir, 'library')
  const imported = await cli('import', BOOK, '--library', lib, '--json')
  expect(imported.code).toBe(0)
  id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
  const shown = JSON.parse((await cli('show', id, '--library', lib, '--json')).out) as {
    title: string
    text: string
  }
  const q = foldQuery(QUERY)
  const count = (s: string) => {
    const folded = foldQuery(s)
    let n = 0
    for (let i = folded.indexOf(q); i >= 0; i = folded.indexOf(q, i + q.length)) n++
    return n
  }
  expected = count(shown.title) + count(shown.text)
}, 120_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('hamish search counts every match (issue 13)', () => {
  it("--json gives the article's total; the matches are the first 50 unless asked", async () => {
    expect(expected).toBeGreaterThan(50)
    const r = await cli('search', QUERY, '--library', lib, '--json')
    expect(r.code).toBe(0)
    const [result] = JSON.parse(r.out) as Result[]
    expect(result!.articleId).toBe(id)
    expect(result!.total).toBe(expected)
    expect(result!.matches).toHaveLength(50)
  })

  it('--all lists every match, --limit N the first N; the total is the same', async () => {
    const all = (
      JSON.parse((await cli('search', QUERY, '--all', '--library', lib, '--json')).out) as Result[]
    )[0]!
    expect(all.total).toBe(expected)
    expect(all.matches).toHaveLength(expected)
    for (const m of all.matches) expect(foldQuery(m.text)).toBe(foldQuery(QUERY))
    const starts = all.matches.filter((m) => m.field === 'text').map((m) => m.start)
    expect(new Set(starts).size).toBe(starts.length)
    const seven = (
      JSON.parse((await cli('search', QUERY, '--limit', '7', '--library', lib, '--json')).out) as Result[]
    )[0]!
    expect(seven.total).toBe(expected)
    expect(seven.matches).toEqual(all.matches.slice(0, 7))
    const many = (
      JSON.parse((await cli('search', QUERY, '--limit=100000', '--library', lib, '--json')).out) as Result[]
    )[0]!
    expect(many.matches).toEqual(all.matches)
  })

  it('the text output says "50 of N matches" for the article', async () => {
    const r = await cli('search', QUERY, '--library', lib)
    expect(r.code).toBe(0)
    expect(r.out.split('\n')[0]).toMatch(new RegExp(`^${id}\\t.*\\t50 of ${expected} matches$`))
    expect(r.out.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(50)
    const all = await cli('search', QUERY, '--all', '--library', lib)
    expect(all.out.split('\n')[0]).toMatch(new RegExp(`\\t${expected} matches$`))
  })

  it('refuses a bad --limit, or --all with --limit, as a usage error', async () => {
    const cases: [string[], string][] = [
      [['--limit', '0'], '--limit needs a positive whole number, not 0'],
      [['--limit', '2.5'], '--limit needs a positive whole number, not 2.5'],
      [['--all', '--limit', '3'], 'search takes --all or --limit N, not both'],
    ]
    for (const [bad, message] of cases) {
      const r = await cli('search', QUERY, ...bad, '--library', lib)
      expect(r.code, bad.join(' ')).toBe(2)
      expect(r.out).toBe('')
      expect(r.err).toContain(message)
    }
  })
})
