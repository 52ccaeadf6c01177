import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { snapshotDir } from '../../support/library-dir'
import { runHamish } from '../../support/cli-run'

let dir: string
let lib: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-cli-'))
  lib = join(dir, 'library')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const run = runHamish

describe('hamish CLI', () => {
  it('imports several files, reports each, and keeps going past a bad one', async () => {
    await writeFile(join(dir, 'a.txt'), 'عنوان أول\n\nنص المقالة الأولى بالعربية.\n')
    await writeFile(join(dir, 'b.md'), '# عنوان ثانٍ\n\nنص *المقالة* الثانية.\n')
    await writeFile(join(dir, 'c.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 255]))
    const r = await run(
      'import',
      join(dir, 'a.txt'),
      join(dir, 'c.bin'),
      join(dir, 'b.md'),
      '--library',
      lib,
      '--json',
    )
    expect(r.code).toBe(1)
    const outcomes = JSON.parse(r.out) as { name: string; status: string; message: string }[]
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['a.txt', 'added'],
      ['c.bin', 'rejected'],
      ['b.md', 'added'],
    ])
    expect(outcomes[1]!.message).toMatch(/^c\.bin: /)
  })

  it('lists id, title, date, language, direction, fingerprint and characters', async () => {
    const r = await run('list', '--library', lib)
    expect(r.code).toBe(0)
    const [header, row] = r.out.trim().split('\n')
    expect(header).toBe('id\ttitle\tdate\tlang\tdir\tfingerprint\tchars')
    const cells = row!.split('\t')
    expect(cells[2]).toBe('2025-12-24')
    expect(cells.slice(3, 5)).toEqual(['ar', 'rtl'])
    expect(cells[5]).toMatch(/^[0-9a-f]{64}$/)
    expect(Number(cells[6])).toBeGreaterThan(2000)
  })

  it('shows an article’s plain text, the text positions count in', async () => {
    const list = JSON.parse((await run('list', '--library', lib, '--json')).out) as {
      id: string
      chars: number
    }[]
    const r = await run('show', list[0]!.id, '--library', lib, '--json')
    const shown = JSON.parse(r.out) as { text: string; chars: number }
    expect([...shown.text].length).toBe(shown.chars)
    expect(shown.text.startsWith('التقى')).toBe(true)
  })

  it('reports a re-import as already in the library and changes nothing', async () => {
    await writeFile(join(dir, 'a.txt'), 'عنوان أول\n\nنص المقالة الأولى بالعربية.\n')
    await run('import', join(dir, 'a.txt'), '--library', lib)
    const before = await snapshotDir(lib)
    const r = await run('import', join(dir, 'a.txt'), '--library', lib)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^duplicate .*already in the library/)
    expect(await snapshotDir(lib)).toEqual(before)
  })

  it('explains usage mistakes with exit code 2, and unknown ids with 1', async () => {
    expect((await run('frobnicate', '--library', lib)).code).toBe(2)
    expect((await run('list', '--jsn', '--library', lib)).err).toMatch(/unknown option --jsn/)
    const missing = await run('show', 'ffff', '--library', lib)
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/no article with id ffff/)
    expect((await run('import', join(dir, 'nope.txt'), '--library', lib)).out).toMatch(/no such file/)
  })

  it('takes the library from HAMISH_LIBRARY', async () => {
    process.env.HAMISH_LIBRARY = lib
    try {
      const r = await run('list', '--json')
      expect(JSON.parse(r.out)).toHaveLength(1)
    } finally {
      delete process.env.HAMISH_LIBRARY
    }
  })
})

describe('hamish annotations: a colleague’s version waiting beside yours', () => {
  /** Your note, changed in a colleague's file and merged back here: their version waits beside it. */
  async function waitingVersion(): Promise<{ id: string; annotationId: string }> {
    await writeFile(join(dir, 'a.txt'), 'عنوان\n\nنص عن الشيباني في موسكو.\n')
    const imported = await run('import', join(dir, 'a.txt'), '--library', lib, '--json')
    const id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
    const mine = await Library.open(lib, { noSample: true })
    const text = plainText((await mine.getArticle(id)).doc)
    const start = [...text.slice(0, text.indexOf('الشيباني'))].length
    const note = await mine.addAnnotation({
      articleId: id,
      start,
      end: start + 8,
      quote: 'الشيباني',
      color: 'yellow',
      note: 'ملاحظتي',
    })
    const file = await mine.exportAnnotationFile(id, { bundle: false })
    const colleague = await Library.open(join(dir, 'colleague'), { noSample: true })
    await colleague.setDisplayName('عمر')
    const theirs = await colleague.importFile({
      name: 'a.txt',
      bytes: new Uint8Array(Buffer.from('عنوان\n\nنص عن الشيباني في موسكو.\n')),
    })
    const theirId = theirs.article?.id ?? ''
    await colleague.importAnnotationFile({ name: 'mine.hamish.json', bytes: file.bytes })
    await colleague.updateAnnotation(theirId, note.id, { note: 'تعديل عمر', tags: ['سوريا'] })
    const back = await colleague.exportAnnotationFile(theirId, { bundle: false })
    await writeFile(join(dir, 'omar.hamish.json'), back.bytes)
    const merged = await run('annotations', 'import', join(dir, 'omar.hamish.json'), '--library', lib)
    expect(merged.out).toMatch(/conflicts 1/)
    return { id, annotationId: note.id }
  }

  const rows = (out: string) =>
    out
      .trim()
      .split('\n')
      .map((l) => l.split('\t'))

  it('list shows the waiting version’s id; resolve --use theirs takes it and nothing waits any more', async () => {
    const { id, annotationId } = await waitingVersion()
    const listed = rows((await run('annotations', 'list', id, '--library', lib)).out)
    const column = listed[0]!.indexOf('their-versions')
    expect(column).toBeGreaterThan(0)
    const row = listed.find((r) => r[0] === annotationId)!
    expect(row[column]).toMatch(/^[0-9a-f]{32}$/)
    expect(row.at(-1)).toBe('ملاحظتي')

    const resolved = await run(
      'annotations',
      'resolve',
      id,
      annotationId,
      row[column]!,
      '--use',
      'theirs',
      '--library',
      lib,
    )
    expect(resolved.code).toBe(0)
    expect(resolved.out).toContain('Used their version')
    expect(resolved.out).toContain('"تعديل عمر"')
    expect(resolved.out).toContain('No other version waits beside it.')
    const after = rows((await run('annotations', 'list', id, '--library', lib)).out).find(
      (r) => r[0] === annotationId,
    )!
    expect(after[column]).toBe('-')
    expect(after.at(-1)).toBe('تعديل عمر')
  })

  it('resolve --use both keeps yours and adds theirs; usage mistakes exit 2 and change nothing', async () => {
    const { id, annotationId } = await waitingVersion()
    const listed = rows((await run('annotations', 'list', id, '--library', lib)).out)
    const version = listed.find((r) => r[0] === annotationId)![listed[0]!.indexOf('their-versions')]!
    for (const argv of [
      [id, annotationId, version],
      [id, annotationId, version, '--use', 'yours'],
      [id, annotationId, '--use', 'theirs'],
    ]) {
      const r = await run('annotations', 'resolve', ...argv, '--library', lib)
      expect(r.code).toBe(2)
      expect(r.err).toMatch(/hamish: .*(--use|needs ARTICLE_ID)/)
    }
    expect(rows((await run('annotations', 'list', id, '--library', lib)).out)).toEqual(listed)
    const both = await run(
      'annotations',
      'resolve',
      id,
      annotationId,
      version,
      '--use',
      'both',
      '--library',
      lib,
    )
    expect(both.code).toBe(0)
    expect(both.out).toMatch(/^Kept both: /)
    const notes = rows((await run('annotations', 'list', id, '--library', lib)).out)
      .slice(1)
      .map((r) => r.at(-1))
    expect(notes.sort()).toEqual(['ملاحظتي', 'تعديل عمر'].sort())
  })
})

describe('hamish CLI notices', () => {
  it('tells what the library mended while the command ran: a damaged article restored from its backup', async () => {
    await writeFile(join(dir, 'a.txt'), 'عنوان\n\nنص عن الشيباني في موسكو.\n')
    const imported = await run('import', join(dir, 'a.txt'), '--library', lib, '--json')
    const id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
    const library = await Library.open(lib, { noSample: true })
    const text = plainText((await library.getArticle(id)).doc)
    const start = [...text.slice(0, text.indexOf('الشيباني'))].length
    for (const color of ['yellow', 'green'] as const)
      await library.addAnnotation({ articleId: id, start, end: start + 8, quote: 'الشيباني', color })
    await truncate(join(lib, 'articles', `${id}.json`), 300)
    // The command opens the library afresh and reads the damaged file.
    const listed = await run('annotations', 'list', id, '--library', lib)
    expect(listed.code).toBe(0)
    expect(listed.err).toMatch(/hamish: .*was damaged.*backup/)
  })
})
