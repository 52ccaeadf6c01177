import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, isCitationFormat } from '../../../common/export/formats'
import { runHamish } from '../../support/cli-run'

/**
 * How the CLI reads its arguments (util.parseArgs under main/cli/args.ts):
 * an unknown flag, a flag given a value, an option without one are usage
 * errors (exit 2, the message, then the usage); `--name=value` is the same
 * as `--name value`; after `--` every word is a word, `--library` too.
 */
const repo = fileURLToPath(new URL('../../..', import.meta.url))

let dir: string
let lib: string
let id: string

const run = runHamish

/** A usage error: exit 2, `hamish: <message>`, then the usage text. */
function expectUsageError(r: { code: number; out: string; err: string }, message: string): void {
  expect(r.code).toBe(2)
  expect(r.out).toBe('')
  expect(r.err.startsWith(`hamish: ${message}\n\nusage: hamish COMMAND`)).toBe(true)
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-cli-flags-'))
  lib = join(dir, 'library')
  await writeFile(join(dir, 'a.txt'), 'عنوان أول\n\nنص المقالة الأولى بالعربية.\n')
  const imported = await run('import', join(dir, 'a.txt'), '--library', lib, '--json')
  expect(imported.code).toBe(0)
  id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('bad flags are usage errors that change nothing', () => {
  it('refuses unknown flags, another command’s flags and a flag given a value', async () => {
    expectUsageError(await run('list', '--jsn', '--library', lib), 'unknown option --jsn')
    expectUsageError(await run('list', '--json=yes', '--library', lib), 'unknown option --json=yes')
    expectUsageError(
      await run('annotations', 'list', id, '--bundle', '--library', lib),
      'unknown option --bundle',
    )
    expectUsageError(await run('search', 'نص', '--exact=1', '--library', lib), 'unknown option --exact=1')
    expectUsageError(
      await run('export', id, '--format', 'md', '--out', join(dir, 'x.md'), '--paper=A5', '--library', lib),
      '--paper is A4 or Letter',
    )
  })

  it('refuses an option without its value, even when the next word is a flag', async () => {
    expectUsageError(await run('export', id, '--format', '--library', lib), '--format needs a value')
    expectUsageError(
      await run('export', id, '--format', 'md', '--out', '--json', '--library', lib),
      '--out needs a value',
    )
    expectUsageError(
      await run('annotations', 'import', '--article', '--library', lib),
      '--article needs a value',
    )
  })

  it('checks --format against the format registry, and names every format in the usage', async () => {
    const out = join(dir, 'never.docx')
    expectUsageError(
      await run('export', id, '--format', 'docx', '--out', out, '--library', lib),
      `export needs --format, one of ${EXPORT_FORMATS.join(', ')}`,
    )
    await expect(readFile(out)).rejects.toThrow(/ENOENT/)
    const help = await run('--help')
    expect(help.code).toBe(0)
    // Article formats on one line, citation formats (several ids) on the next: every format named once.
    const articles = EXPORT_FORMATS.filter((f) => !isCitationFormat(f))
    const citations = EXPORT_FORMATS.filter(isCitationFormat)
    expect(help.out).toContain(`export ARTICLE_ID --format ${articles.join('|')} --out FILE`)
    expect(help.out).toContain(`export ARTICLE_ID... --format ${citations.join('|')} --out FILE`)
    expect([...articles, ...citations].sort()).toEqual([...EXPORT_FORMATS].sort())
  })

  it('reads --name=value as --name value', async () => {
    const out = join(dir, 'inline.notes.md')
    const r = await run('export', id, '--format=notes-md', `--out=${out}`, `--library=${lib}`, '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ path: out, format: 'notes-md' })
    expect(await readFile(out, 'utf8')).toContain('عنوان أول')
  })

  it('after --, every word is a word: flags, and --library too', async () => {
    const asWord = await run('search', '--library', lib, '--', '--json')
    expect(asWord.code).toBe(1)
    expect(asWord.out).toBe('')
    expect(asWord.err).toContain('No matches for “--json”')
    const file = await run('import', '--library', lib, '--', '--library')
    expect(file.code).toBe(1)
    expect(file.out).toMatch(/^rejected {2}--library: no such file\./)
    // A word with one dash is a word, as before (a negative number, a file name).
    const dash = await run('search', '-5', '--library', lib)
    expect(dash.code).toBe(1)
    expect(dash.err).toContain('No matches for “-5”')
  })

  it('--library without a folder is an error, not a library named after the next flag', async () => {
    const r = await run('list', '--library', '--json')
    expect(r.code).toBe(1)
    expect(r.err).toBe('hamish: --library needs a folder: --library DIR\n')
  })

  it('exits 2 with the usage on stderr as a real process', async () => {
    // Its own library: this test process holds the lock of `lib`.
    const r = await new Promise<{ code: number; out: string; err: string }>((done) =>
      execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          join(repo, 'main/cli/index.ts'),
          'list',
          '--library',
          join(dir, 'own'),
          '--bogus',
        ],
        { cwd: repo, encoding: 'utf8', env: { ...process.env, HAMISH_LIBRARY: '' } },
        (err, out, errText) => done({ code: err ? Number(err.code ?? 1) : 0, out, err: errText }),
      ),
    )
    expectUsageError(r, 'unknown option --bogus')
  })
})
