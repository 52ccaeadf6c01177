import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
const ESC = '\u001b'
const BEL = '\u0007'
const CSI = '\u009b' // C1: ESC [ in one character
const RLO = '\u202e' // right-to-left override: reverses the rest of its line
/** Every character a terminal might act on or reorder by; none may reach it raw. */
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

/** The real CLI as a process (main/cli/index.ts through tsx), with its own stdout and stderr. */
function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repo, 'main/cli/index.ts'), ...argv],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, HAMISH_LIBRARY: '' } },
      (err, out, errText) => done({ code: err ? Number(err.code ?? 1) : 0, out, err: errText }),
    )
  })
}

let dir: string
let lib: string
let id: string
const title = `عنوان ${CSI}2J ${RLO}مقلوب`

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-cli-esc-'))
  lib = join(dir, 'library')
  await writeFile(join(dir, 'article.txt'), `${title}\n\nنص عن الشيباني في موسكو، وحديثه هناك.\n`)
  const imported = await cli('import', join(dir, 'article.txt'), '--library', lib, '--json')
  expect(imported.code).toBe(0)
  id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the CLI never prints a control character raw', () => {
  it('titles: shown escaped in lines, and JSON output reads back to the stored title', async () => {
    const listed = await cli('list', '--library', lib)
    expect(listed.code).toBe(0)
    expect(listed.out).not.toMatch(RAW)
    expect(listed.out).toContain('عنوان \\u009b2J \\u202eمقلوب')
    const json = await cli('list', '--library', lib, '--json')
    expect(json.out).not.toMatch(RAW)
    const titles = (JSON.parse(json.out) as { id: string; title: string }[]).map((a) => a.title)
    expect(titles).toContain(title)
    const shown = await cli('show', id, '--library', lib)
    expect(shown.out).toContain('title: عنوان \\u009b2J \\u202eمقلوب')
    expect(shown.out).not.toMatch(RAW)
  })

  it('echoed file names: an import that fails and an annotation file that is not there', async () => {
    const name = `bad${ESC}]52;c;ZXZpbA==${BEL}${ESC}[2J.bin`
    await writeFile(join(dir, name), Buffer.from([0, 1, 2, 3, 0, 0, 255]))
    const rejected = await cli('import', join(dir, name), '--library', lib)
    expect(rejected.code).toBe(1)
    expect(rejected.out).toContain('bad\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J.bin')
    expect(rejected.out + rejected.err).not.toMatch(RAW)
    const missing = await cli('annotations', 'import', join(dir, `gone${ESC}[2J.json`), '--library', lib)
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('gone\\u001b[2J.json: no such file.')
    expect(missing.out + missing.err).not.toMatch(RAW)
  })

  it("a colleague's note, tags and name: controls removed on import, bidi controls kept and escaped when printed", async () => {
    const exported = await cli(
      'annotations',
      'export',
      id,
      '--out',
      join(dir, 'empty.json'),
      '--library',
      lib,
    )
    expect(exported.code).toBe(0)
    const file = JSON.parse(await readFile(join(dir, 'empty.json'), 'utf8'))
    const source = `urn:sha256:${file['hamish:extension'].article.fingerprint}`
    file.first.items = [
      {
        id: 'urn:uuid:6f1c3a52-8a0e-4b4f-9a43-6f1c1f0b9a11',
        type: 'Annotation',
        created: '2026-01-01T00:00:00Z',
        modified: '2026-01-01T00:00:00Z',
        creator: {
          id: 'urn:uuid:0d1c3f53-8a0e-4b4f-9a43-6f1c1f0b9a99',
          type: 'Person',
          name: `زميل${ESC}[31m`,
        },
        body: [
          { type: 'TextualBody', value: `ملاحظة${ESC}]52;c;ZXZpbA==${BEL} ${RLO}عكس`, purpose: 'commenting' },
          { type: 'TextualBody', value: `وسم${CSI}2J`, purpose: 'tagging' },
        ],
        target: { source, selector: [{ type: 'TextQuoteSelector', exact: 'الشيباني' }] },
      },
    ]
    file.total = 1
    await writeFile(join(dir, 'colleague.json'), JSON.stringify(file))
    const imported = await cli('annotations', 'import', join(dir, 'colleague.json'), '--library', lib)
    expect(imported.code).toBe(0)
    expect(imported.out).toMatch(/added 1/)
    const listed = await cli('annotations', 'list', id, '--library', lib, '--json')
    expect(listed.out).not.toMatch(RAW)
    const [a] = JSON.parse(listed.out) as {
      body: { note: string; tags: string[] }
      creator: { name: string }
    }[]
    expect(a!.body.note).toBe(`ملاحظة]52;c;ZXZpbA== ${RLO}عكس`)
    expect(a!.body.tags).toEqual(['وسم2J'])
    expect(a!.creator.name).toBe('زميل[31m')
    const table = await cli('annotations', 'list', id, '--library', lib)
    expect(table.out).not.toMatch(RAW)
    expect(table.out).toContain('ملاحظة]52;c;ZXZpbA== \\u202eعكس')
  })
})
