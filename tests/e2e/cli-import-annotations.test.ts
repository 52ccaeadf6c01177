import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plainText } from '../../common/plain-text'
import { Library } from '../../main/library/library'

// The built CLI, a real process (`node out/main/cli.js import …`), given an article and a colleague's
// annotation file together, as they would be dropped on the app's window.
const ROOT = join(__dirname, '../..')
const CLI = join(ROOT, 'out/main/cli.js')
const ARTICLE = 'عنوان المقالة\n\nنص عن الشيباني في موسكو، ونص آخر بعده.\n'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-cli-annotations-'))
  await writeFile(join(dir, 'article.txt'), ARTICLE)
  // The colleague's library, through its own API: the same article, one note, exported as a .hamish.json.
  const colleague = await Library.open(join(dir, 'colleague'), { noSample: true })
  await colleague.setDisplayName('عمر')
  const imported = await colleague.importFile({
    name: 'article.txt',
    bytes: new TextEncoder().encode(ARTICLE),
  })
  const id = imported.article!.id
  const text = plainText((await colleague.getArticle(id)).doc)
  const start = [...text.slice(0, text.indexOf('الشيباني'))].length
  await colleague.addAnnotation({
    articleId: id,
    start,
    end: start + 8,
    quote: 'الشيباني',
    color: 'blue',
    note: 'ملاحظة عمر',
  })
  const file = await colleague.exportAnnotationFile(id, { bundle: false })
  await writeFile(join(dir, 'omar.hamish.json'), file.bytes)
  await writeFile(join(dir, 'broken.hamish.json'), '{ not json')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function hamish(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  if (!existsSync(CLI))
    throw new Error('out/main/cli.js is missing: run `npm run build` before the e2e tests')
  return new Promise((resolve) =>
    execFile('node', [CLI, ...args], { encoding: 'utf8' }, (error, out, err) =>
      resolve({ code: error ? Number(error.code) : 0, out, err }),
    ),
  )
}

/** The source names of the library's articles. */
async function sources(lib: string): Promise<string[]> {
  const list = await hamish('list', '--library', lib, '--json')
  return (JSON.parse(list.out) as { source: string }[]).map((a) => a.source)
}

describe('hamish import FILE.hamish.json', () => {
  it('refuses it under --json before importing anything, naming the command that reports it', async () => {
    const lib = join(dir, 'json-library')
    const run = await hamish(
      'import',
      join(dir, 'article.txt'),
      join(dir, 'omar.hamish.json'),
      '--library',
      lib,
      '--json',
    )
    expect(run.code).toBe(2)
    expect(run.err).toContain('hamish annotations import FILE --json')
    // A new library holds only the sample article: article.txt was not imported.
    expect(await sources(lib)).toEqual(['lavrov-shaibani-moscow.ar.txt'])
  })

  it('imports the article, then merges the annotation file into it with the annotation report', async () => {
    const lib = join(dir, 'library')
    const run = await hamish(
      'import',
      join(dir, 'omar.hamish.json'),
      join(dir, 'article.txt'),
      '--library',
      lib,
    )
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const lines = run.out.trim().split('\n')
    expect(lines[0]).toMatch(/^added +\S+ +article\.txt: added as “عنوان المقالة”\.$/)
    const id = lines[0]!.split(/ +/)[1]!
    expect(lines[1]).toBe(`Merged into “عنوان المقالة” (${id}):`)
    expect(lines[2]).toMatch(/^ {2}added 1, updated 0, unchanged 0, conflicts 0, orphaned 0, rejected 0$/)
    const notes = await hamish('annotations', 'list', id, '--library', lib, '--json')
    expect((JSON.parse(notes.out) as { body: { note: string } }[]).map((a) => a.body.note)).toEqual([
      'ملاحظة عمر',
    ])
  })

  it('refuses a broken annotation file by name, importing nothing from it, exit code 1', async () => {
    const lib = join(dir, 'broken-library')
    const run = await hamish('import', join(dir, 'broken.hamish.json'), '--library', lib)
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/^rejected +broken\.hamish\.json: /)
    expect(run.out).not.toMatch(/cannot import \.json files/)
    expect(await sources(lib)).toEqual(['lavrov-shaibani-moscow.ar.txt'])
  })
})
