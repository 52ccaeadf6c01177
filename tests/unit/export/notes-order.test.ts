import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AnchoredAnnotation } from '../../../common/annotation'
import { toNotesMarkdown } from '../../../common/export'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { runHamish } from '../../support/cli-run'
import { annotate, article, fold, input, parse, rangeOf, renderWithMarkdownIt } from './helpers'

/** The rendered summary as headings and quotes, in order: `# heading` or the quote's text. */
function outline(markdown: string): string[] {
  const dom = parse(renderWithMarkdownIt(markdown, false))
  return Array.from(dom.body.children)
    .filter((el) => ['H2', 'BLOCKQUOTE'].includes(el.tagName.toUpperCase()))
    .map((el) => (el.tagName.toUpperCase() === 'H2' ? '# ' : '') + fold(el.textContent ?? ''))
}

describe('notes summary order and grouping', () => {
  const art = article('lavrov-shaibani-moscow.ar.txt')
  const quotes = ['أسعد الشيباني اليوم', 'مرحلة جديدة', 'تجارة المخدرات', 'موسكو مستعدة']
  const tags = [['سياسة'], ['اقتصاد', 'سياسة'], [], ['اقتصاد']]
  // Made in the order 3, 1, 4, 2 of the text.
  const made = ['2026-01-03', '2026-01-01', '2026-01-04', '2026-01-02']
  const annotations: AnchoredAnnotation[] = annotate(
    art.doc,
    quotes.map((q, i) => ({ ...rangeOf(art.doc, q), tags: tags[i]!, color: 'yellow' as const })),
  ).map((a, i) => ({ ...a, created: `${made[i]!}T00:00:00.000Z` }))
  const q = quotes.map(fold)

  it('in text order by default, in the order they were made with order: date', () => {
    expect(outline(toNotesMarkdown(input(art, annotations)))).toEqual(q)
    expect(outline(toNotesMarkdown(input(art, annotations), { order: 'date' }))).toEqual([
      q[1],
      q[3],
      q[0],
      q[2],
    ])
  })

  it('groups by tag, alphabetically, a note with two tags under both, untagged last; none dropped', () => {
    const out = outline(toNotesMarkdown(input(art, annotations), { group: 'tag' }))
    expect(out).toEqual(['# اقتصاد', q[1], q[3], '# سياسة', q[0], q[1], '# No tags', q[2]])
    const dated = outline(
      toNotesMarkdown({ ...input(art, annotations), labelLang: 'ar' }, { group: 'tag', order: 'date' }),
    )
    expect(dated).toEqual(['# اقتصاد', q[1], q[3], '# سياسة', q[1], q[0], '# بلا وسوم', q[2]])
  })

  it('keeps the old groupByColor option meaning group: colour', () => {
    const md = toNotesMarkdown(input(art, annotations), { groupByColor: true })
    expect(md).toBe(toNotesMarkdown(input(art, annotations), { group: 'colour' }))
    expect(outline(md)[0]).toBe('# Yellow')
  })
})

describe('hamish export --sort / --group', () => {
  let dir: string
  let lib: string
  let id: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hamish-notes-order-'))
    lib = join(dir, 'library')
    await writeFile(join(dir, 'a.txt'), 'عنوان\n\nالأول هنا ثم الثاني هناك.\n')
    const imported = await runHamish('import', join(dir, 'a.txt'), '--library', lib, '--json')
    id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
    const library = await Library.open(lib, { noSample: true })
    const text = plainText((await library.getArticle(id)).doc)
    const at = (word: string): number => [...text.slice(0, text.indexOf(word))].length
    // The second word is highlighted first.
    for (const [word, color, tags] of [
      ['الثاني', 'green', ['ب']],
      ['الأول', 'pink', ['أ']],
    ] as const) {
      await library.addAnnotation({
        articleId: id,
        start: at(word),
        end: at(word) + [...word].length,
        quote: word,
        color,
        tags: [...tags],
      })
      await new Promise((r) => setTimeout(r, 5))
    }
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const exported = async (...flags: string[]): Promise<string[]> => {
    const out = join(dir, 'notes.md')
    const r = await runHamish('export', id, '--format', 'notes-md', '--out', out, '--library', lib, ...flags)
    expect(r.code, r.err).toBe(0)
    return outline(await readFile(out, 'utf8'))
  }

  it('sorts by date and groups by tag or colour; --group-by-color still works', async () => {
    expect(await exported()).toEqual(['الأول', 'الثاني'])
    expect(await exported('--sort', 'date')).toEqual(['الثاني', 'الأول'])
    expect(await exported('--group', 'tag')).toEqual(['# أ', 'الأول', '# ب', 'الثاني'])
    expect(await exported('--group-by-color')).toEqual(['# Green', 'الثاني', '# Pink', 'الأول'])
    expect(await exported('--group', 'colour', '--lang', 'ar')).toEqual([
      '# أخضر',
      'الثاني',
      '# وردي',
      'الأول',
    ])
  })

  it('refuses an unknown order or grouping and writes nothing', async () => {
    for (const flags of [
      ['--sort', 'size'],
      ['--group', 'author'],
    ]) {
      const out = join(dir, 'x.md')
      const r = await runHamish(
        'export',
        id,
        '--format',
        'notes-md',
        '--out',
        out,
        '--library',
        lib,
        ...flags,
      )
      expect(r.code).not.toBe(0)
      expect(r.err).toMatch(/--(sort|group) is/)
      await expect(readFile(out)).rejects.toThrow()
    }
  })
})
