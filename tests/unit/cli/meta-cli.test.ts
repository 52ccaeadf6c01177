import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
const PAGE = join(repo, 'tests/fixtures/meta/ojs-journal-article.html')

/** The real CLI as a process (main/cli/index.ts through tsx), with its own stdout and stderr. */
function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repo, 'main/cli/index.ts'), ...argv, '--library', lib],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, HAMISH_LIBRARY: '' } },
      (err, out, errText) => done({ code: err ? Number(err.code ?? 1) : 0, out, err: errText }),
    )
  })
}

let dir: string
let lib: string
let id: string
const libraryJson = () => readFile(join(lib, 'library.json'), 'utf8')

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-cli-meta-'))
  lib = join(dir, 'library')
  const imported = await cli('import', PAGE, '--json')
  expect(imported.code).toBe(0)
  id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
}, 60_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('hamish meta, show and list with article metadata', () => {
  it('show --json and list --json carry the metadata read on import', async () => {
    const shown = JSON.parse((await cli('show', id, '--json')).out)
    expect(shown.meta.authors).toEqual([{ literal: 'فاطمة الزهراء بن علي' }, { literal: 'محمد عبد الرحمن' }])
    const listed = JSON.parse((await cli('list', '--json')).out)
    expect(listed.find((a: { id: string }) => a.id === id).meta.doi).toBe('10.31185/jls.v12i2.345')
  })

  it('meta prints it as lines; --set and --unset change it in one write, kept on disk', async () => {
    const printed = await cli('meta', id)
    expect(printed.out).toContain('authors: فاطمة الزهراء بن علي; محمد عبد الرحمن\n')
    expect(printed.out).toContain('published: 2023-06-15\n')
    const set = await cli(
      'meta',
      id,
      '--set',
      'authors=عبد الله بن سالم; Anna Smith',
      '--set',
      'published=2024-02',
      '--set',
      'kind=article-magazine',
      '--unset',
      'doi',
      '--json',
    )
    expect(set.code).toBe(0)
    const meta = JSON.parse(set.out)
    expect(meta.authors).toEqual([{ literal: 'عبد الله بن سالم' }, { literal: 'Anna Smith' }])
    expect(meta.published).toEqual([2024, 2])
    expect(meta.kind).toBe('article-magazine')
    expect(meta.doi).toBeUndefined()
    expect(meta.volume).toBe('12')
    const stored = JSON.parse(await libraryJson()).articles.find((a: { id: string }) => a.id === id)
    expect(stored.meta).toEqual(meta)
  })

  it('an unknown key or a bad value is refused with a clear message, and nothing is changed', async () => {
    const before = await libraryJson()
    for (const [edit, says] of [
      ['colour=red', /unknown key colour \(known: authors, container/],
      ['published=2024-02-30', /published: «2024-02-30» is not a date as YYYY, YYYY-MM or YYYY-MM-DD/],
      ['url=javascript:alert(1)', /url: .* is not an http:\/\/ or https:\/\/ address/],
      ['kind=poem', /kind: «poem» is not one of article, /],
    ] as const) {
      // A good edit first: it must not be written when a later one is bad.
      const result = await cli('meta', id, '--set', 'container=X', '--set', edit)
      expect(result.code).toBe(2)
      expect(result.err).toMatch(says)
      expect(result.err).toMatch(/nothing was changed/)
    }
    expect(await libraryJson()).toBe(before)
  })
})
