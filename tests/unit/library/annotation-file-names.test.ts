import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'

const ROOT = resolve(__dirname, '../../..')
const article = {
  name: 'arcd-02-al-andalus.txt',
  bytes: new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/arcd-02-al-andalus.txt'))),
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-annotation-names-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** `hamish annotations import FILE --library DIR --json` as a real process. */
function cliImport(file: string, library: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'main/cli/index.ts'),
        'annotations',
        'import',
        file,
        '--library',
        library,
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HAMISH_LIBRARY: '' } },
      (err, out, errText) => done({ code: err ? Number(err.code ?? 1) : 0, out, err: errText }),
    ),
  )
}

describe('plain and bundle annotation files', () => {
  it('get different names, the bundle’s saying so, and both are read back as annotation files', async () => {
    const mine = await Library.open(join(dir, 'mine'), { noSample: true })
    const { article: added } = await mine.importFile(article)
    const { id, title } = added!
    expect(title).toBe('الأندلس')
    const text = plainText((await mine.getArticle(id)).doc)
    const start = Array.from(text.slice(0, text.indexOf('إسپانيا'))).length
    await mine.addAnnotation({
      articleId: id,
      start,
      end: start + 7,
      quote: 'إسپانيا',
      color: 'blue',
      note: 'الاسم الحديث',
    })

    const plain = await mine.exportAnnotationFile(id, { bundle: false })
    const bundle = await mine.exportAnnotationFile(id, { bundle: true })
    expect(plain.fileName).toBe(`${title}.hamish.json`)
    expect(bundle.fileName).toBe(`${title}.bundle.hamish.json`)

    // Saved side by side in one folder, neither overwrites the other.
    const shared = join(dir, 'shared')
    await mkdir(shared)
    await writeFile(join(shared, plain.fileName), plain.bytes)
    await writeFile(join(shared, bundle.fileName), bundle.bytes)
    expect((await readdir(shared)).sort()).toEqual([bundle.fileName, plain.fileName].sort())

    // (The page tells a dropped file by its name: tests/unit/renderer/features/sharing/annotation-file-kind.test.ts.)
    // The bundle brings the article to a colleague who lacks it (a new library holds only the sample);
    // the plain file then merges into it.
    const colleague = join(dir, 'colleague')
    const fromBundle = await cliImport(join(shared, bundle.fileName), colleague)
    expect(fromBundle.code, fromBundle.err).toBe(0)
    expect(JSON.parse(fromBundle.out)).toMatchObject({ articleCreated: true, articleTitle: title })
    const fromPlain = await cliImport(join(shared, plain.fileName), colleague)
    expect(fromPlain.code, fromPlain.err).toBe(0)
    expect(JSON.parse(fromPlain.out)).toMatchObject({ articleCreated: false, articleTitle: title })
  })
})
