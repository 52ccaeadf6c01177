import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseHamishLink } from '../../../common/hamish-link'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { unlockLibrary } from '../../../main/library/library-lock'

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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-cli-show-'))
  lib = join(dir, 'library')
  const imported = await cli('import', PAGE, '--json')
  expect(imported.code).toBe(0)
  id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
}, 60_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('hamish show (text) and hamish link', () => {
  it('show prints the metadata lines, the citation line and the link before the text', async () => {
    const shown = await cli('show', id)
    expect(shown.code, shown.err).toBe(0)
    const [head] = shown.out.split('\n\n')
    const lines = head!.split('\n')
    expect(lines).toContain('authors: فاطمة الزهراء بن علي; محمد عبد الرحمن')
    expect(lines).toContain('published: 2023-06-15')
    expect(lines).toContain('doi: 10.31185/jls.v12i2.345')
    expect(lines.some((l) => l.startsWith('container: '))).toBe(true)
    const citation = lines.find((l) => l.startsWith('citation: '))!
    expect(citation).toContain('فاطمة الزهراء بن علي')
    expect(citation).toContain('https://doi.org/10.31185/jls.v12i2.345')
    expect(lines).toContain(`link: hamish://read/${id}`)
    // The JSON form already carries the same metadata.
    const json = JSON.parse((await cli('show', id, '--json')).out)
    expect(json.meta.doi).toBe('10.31185/jls.v12i2.345')
  })

  it('link prints the article’s and an annotation’s link, and refuses an unknown annotation', async () => {
    const article = await cli('link', id)
    expect(article.code, article.err).toBe(0)
    expect(parseHamishLink(article.out.trim())).toEqual({ articleId: id })

    // An annotation made as the app makes one, then the library left for the CLI.
    const library = await Library.open(lib, { noSample: true })
    const text = plainText((await library.getArticle(id)).doc)
    const made = await library.addAnnotation({
      articleId: id,
      start: 10,
      end: 20,
      quote: Array.from(text).slice(10, 20).join(''),
      color: 'green',
      note: '',
    })
    await library.flush()
    unlockLibrary(lib)
    const one = await cli('link', id, made.id)
    expect(one.code, one.err).toBe(0)
    expect(one.out).toBe(`hamish://read/${id}?annotation=${made.id}\n`)
    expect(parseHamishLink(one.out.trim())).toEqual({ articleId: id, annotationId: made.id })

    const missing = await cli('link', id, 'no-such-annotation')
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('No annotation no-such-annotation')
    expect(missing.out).toBe('')
    const noArticle = await cli('link', 'ffff')
    expect(noArticle.code).toBe(1)
    expect(noArticle.out).toBe('')
  })
})
