import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePreviewArgs, PREVIEW_USAGE } from '../../../main/preview/args'
import { pickLibraryDir } from '../../../main/library/library-dir-arg'

/** `npm run preview -- …` arguments (util.parseArgs): bad ones are refused before a library is opened. */
const repo = fileURLToPath(new URL('../../..', import.meta.url))
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-preview-args-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('preview arguments', () => {
  it('reads --port N, --port=N, --no-sample and --help', () => {
    expect(parsePreviewArgs([])).toEqual({ port: 0, noSample: false, help: false })
    expect(parsePreviewArgs(['--port', '8123', '--no-sample'])).toEqual({
      port: 8123,
      noSample: true,
      help: false,
    })
    expect(parsePreviewArgs(['--port=0'])).toEqual({ port: 0, noSample: false, help: false })
    expect(parsePreviewArgs(['-h', '--bogus']).help).toBe(true)
    expect(parsePreviewArgs(['--help']).help).toBe(true)
  })

  it('refuses a bad port, unknown options, a flag given a value and stray words, with the usage', () => {
    for (const port of [
      ['--port'],
      ['--port', 'x'],
      ['--port', '70000'],
      ['--port', '-1'],
      ['--port='],
      ['--port', '--no-sample'],
    ])
      expect(() => parsePreviewArgs(port)).toThrow(`--port needs a number. ${PREVIEW_USAGE}`)
    for (const [argv, shown] of [
      [['--bogus'], '--bogus'],
      [['--no-sample=yes'], '--no-sample=yes'],
      [['-x'], '-x'],
      [['-hx'], '-hx'],
      [['library'], 'library'],
      [['--', '--port', '1'], '--port'],
    ] as const)
      expect(() => parsePreviewArgs([...argv])).toThrow(`unknown option ${shown}. ${PREVIEW_USAGE}`)
  })

  it('takes --library (or --library=DIR) out wherever it is before --, the last one winning', () => {
    const env = { HAMISH_LIBRARY: '/env/lib' }
    expect(pickLibraryDir(['--port', '1', '--library', '/a', '--no-sample'], env, '/d')).toEqual({
      dir: '/a',
      rest: ['--port', '1', '--no-sample'],
    })
    expect(pickLibraryDir(['--library=/a', 'list', '--library', '/b'], env, '/d')).toEqual({
      dir: '/b',
      rest: ['list'],
    })
    expect(pickLibraryDir(['list', '-x', '--json'], env, '/d')).toEqual({
      dir: '/env/lib',
      rest: ['list', '-x', '--json'],
    })
    expect(pickLibraryDir(['list'], {}, '/d').dir).toBe('/d')
    expect(pickLibraryDir(['import', '--', '--library', 'f'], {}, '/d')).toEqual({
      dir: '/d',
      rest: ['import', '--', '--library', 'f'],
    })
    expect(() => pickLibraryDir(['--library'], env, '/d')).toThrow('--library needs a folder: --library DIR')
    expect(() => pickLibraryDir(['--library', '--port'], env, '/d')).toThrow('--library needs a folder')
  })

  it('the real preview process refuses an unknown option and opens nothing', async () => {
    const library = join(dir, 'never-made')
    const r = await new Promise<{ code: number; out: string; err: string }>((done) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', join(repo, 'main/preview/index.ts'), '--library', library, '--port=1', '--bogus'],
        { cwd: repo, encoding: 'utf8' },
        (err, out, errText) => done({ code: err ? Number(err.code ?? 1) : 0, out, err: errText }),
      ),
    )
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toBe(`hamish preview: unknown option --bogus. ${PREVIEW_USAGE}\n`)
    expect(await readdir(dir)).toEqual([])
  })
})
