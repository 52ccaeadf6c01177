import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../../../common/article-meta'
import { hasPandoc, pandoc } from '../export/helpers'
import { runHamish } from '../../support/cli-run'

/**
 * `hamish export ID… --format csl-json|bibtex --out FILE` on a real library
 * whose library.json carries metadata (set directly: nothing fills it yet),
 * read by Pandoc's citeproc as a bibliography.
 */
const repo = fileURLToPath(new URL('../../..', import.meta.url))

const META: ArticleMeta[] = [
  {
    authors: [{ literal: 'محمد بن علي الشيباني' }],
    container: 'الجزيرة نت',
    published: [2025, 12, 24],
    url: 'https://example.com/news/lavrov',
  },
  {
    authors: [{ family: 'Smith', given: 'Jane' }],
    container: 'Journal of Arabic Studies',
    published: [2019],
    doi: '10.1000/xyz',
  },
]

let dir: string
let ids: string[]
let titles: string[]

/** `hamish ARGS…` as a real process (tsx, no build), with its own library. */
function hamish(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repo, 'main/cli/index.ts'), ...args, '--library', join(dir, 'library')],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, HAMISH_LIBRARY: '' } },
      (err, out, errText) => done({ code: err ? Number(err.code ?? 1) : 0, out, err: errText }),
    ),
  )
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-cite-'))
  await writeFile(join(dir, 'a.txt'), 'لافروف والشيباني في موسكو\n\nنص المقالة الأولى بالعربية.\n')
  await writeFile(join(dir, 'b.txt'), 'Reading Arabic marginalia\n\nThe text of the second article.\n')
  const imported = await hamish('import', join(dir, 'a.txt'), join(dir, 'b.txt'), '--json')
  expect(imported.code).toBe(0)
  const outcomes = JSON.parse(imported.out) as { article: { id: string; title: string } }[]
  ids = outcomes.map((o) => o.article.id)
  titles = outcomes.map((o) => o.article.title)
  const path = join(dir, 'library', 'library.json')
  const library = JSON.parse(await readFile(path, 'utf8')) as {
    articles: { id: string; meta?: ArticleMeta }[]
  }
  for (const a of library.articles) {
    const i = ids.indexOf(a.id)
    if (i >= 0) a.meta = META[i]
  }
  await writeFile(path, JSON.stringify(library))
}, 60_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const available = hasPandoc()

describe('hamish export --format csl-json|bibtex', () => {
  for (const [format, file] of [
    ['csl-json', 'refs.json'],
    ['bibtex', 'refs.bib'],
  ] as const) {
    it(`${format}: several articles in one file, each cited by Pandoc's citeproc under its key`, async () => {
      const out = join(dir, file)
      const r = await hamish('export', ...ids, '--format', format, '--out', out)
      expect(r.err).toBe('')
      expect(r.code).toBe(0)
      expect(r.out).toContain(`Exported 2 citations as ${format} to ${out}`)
      const text = await readFile(out, 'utf8')
      expect(text).toContain('محمد بن علي الشيباني')
      const keys =
        format === 'csl-json'
          ? (JSON.parse(text) as { id: string }[]).map((i) => i.id)
          : [...text.matchAll(/^@\w+\{([^,]+),$/gmu)].map((m) => m[1]!)
      expect(keys).toEqual(['محمد-2025-لافروف', 'smith-2019-reading'])
      if (!available) return
      const cited = pandoc(
        ['-f', 'markdown', '-t', 'plain', '--wrap=none', '--citeproc', '--bibliography', out],
        keys.map((k) => `See [@${k}].`).join('\n\n'),
      )!
      expect(cited).not.toContain('???')
      // The default style (Chicago) title-cases English titles: compared without case.
      for (const title of titles) expect(cited.toLowerCase()).toContain(title.toLowerCase())
      expect(cited).toContain('محمد بن علي الشيباني')
      expect(cited).toContain('Smith, Jane')
      expect(cited).toContain('الجزيرة نت')
    }, 60_000)
  }
})

describe('bad arguments: a clear message, nothing written', () => {
  it('refuses an unknown id among several, no --out, no id, several ids for an article format', async () => {
    const lib = join(dir, 'library')
    const before = await readdir(dir)
    const run = (...args: string[]) => runHamish(...args, '--library', lib)
    // In-process runs use their own copy of the library folder's lock; the child runs above have ended.
    const unknown = await run(
      'export',
      ids[0]!,
      'ffffffffffffffff',
      '--format',
      'bibtex',
      '--out',
      join(dir, 'x.bib'),
    )
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('There is no article with id ffffffffffffffff')
    const noOut = await run('export', ids[0]!, '--format', 'csl-json')
    expect(noOut.code).toBe(2)
    expect(noOut.err.startsWith('hamish: export needs --out FILE\n')).toBe(true)
    const noId = await run('export', '--format', 'csl-json', '--out', join(dir, 'y.json'))
    expect(noId.code).toBe(2)
    expect(noId.err.startsWith('hamish: export needs an ARTICLE_ID\n')).toBe(true)
    const several = await run('export', ...ids, '--format', 'md', '--out', join(dir, 'z.md'))
    expect(several.code).toBe(2)
    expect(several.err).toContain(
      'export of md takes exactly one ARTICLE_ID (several only with csl-json or bibtex)',
    )
    expect(await readdir(dir)).toEqual(before)
  })

  it('lists the citation formats in the usage', async () => {
    const r = await runHamish('--help')
    expect(r.out).toContain('export ARTICLE_ID... --format csl-json|bibtex --out FILE')
    expect(r.out).toContain('export ARTICLE_ID --format md|md-gfm|md-pandoc|notes-md|html|pdf --out FILE')
  })
})
