import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toHtml, toMarkdown, toNotesMarkdown } from '../../../common/export'
import { ar } from '../../../common/i18n/ar'
import { en } from '../../../common/i18n/en'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { runHamish } from '../../support/cli-run'
import { annotate, article, input, orphan, rangeOf } from './helpers'

/** The sample article with a noted, tagged yellow highlight and an unplaced note. */
function sample(): ReturnType<typeof input> {
  const art = article('lavrov-shaibani-moscow.ar.txt')
  const annotations = [
    ...annotate(art.doc, [
      { ...rangeOf(art.doc, 'الشيباني'), color: 'yellow', note: 'ملاحظة', tags: ['سياسة'] },
    ]),
    orphan('ليس في النص', 'يتيمة'),
  ]
  return input(art, annotations)
}

describe('export labels follow the chosen language, from the i18n tables', () => {
  it('notes-md, md and md-pandoc in Arabic', () => {
    const arabic = { ...sample(), labelLang: 'ar' as const }
    for (const md of [
      toNotesMarkdown(arabic),
      toMarkdown(arabic, { flavor: 'md' }),
      toMarkdown(arabic, { flavor: 'md-pandoc' }),
    ]) {
      expect(md).toContain(`${ar.exportLabels.colour}: ${ar.colorNames.yellow}`)
      expect(md).toContain(`${ar.exportLabels.tags}: `)
      expect(md).toContain(`## ${ar.exportLabels.unplaced}`)
      expect(md).not.toContain(`${en.exportLabels.colour}:`)
      expect(md).not.toContain(en.exportLabels.unplaced)
    }
    expect(toNotesMarkdown(arabic)).toContain(`${ar.exportLabels.source}: `)
  })

  it('English when no language is given, as before', () => {
    const md = toNotesMarkdown(sample())
    expect(md).toContain('Colour: Yellow')
    expect(md).toContain('## Unplaced notes')
  })

  it('HTML: the labels in Arabic, marked lang="ar" dir="rtl"; the article keeps its own lang', () => {
    const html = toHtml({ ...sample(), labelLang: 'ar' }, { fonts: [] })
    const { document } = parseHTML(html)
    expect(document.documentElement.getAttribute('lang')).toBe('ar')
    const notes = document.querySelector('#notes-heading')!
    expect(notes.textContent).toBe(ar.exportLabels.notes)
    expect([notes.getAttribute('lang'), notes.getAttribute('dir')]).toEqual(['ar', 'rtl'])
    const unplaced = document.querySelector('#unplaced-heading')!
    expect(unplaced.textContent).toBe(ar.exportLabels.unplaced)
    expect(unplaced.getAttribute('lang')).toBe('ar')
    const meta = document.querySelector('.note-meta span[lang]')!
    expect([meta.getAttribute('lang'), meta.getAttribute('dir')]).toEqual(['ar', 'rtl'])
    expect(meta.textContent).toContain(ar.colorNames.yellow)
    expect(document.querySelector('a.back')!.getAttribute('aria-label')).toBe(ar.exportLabels.backToText)
    const english = parseHTML(toHtml({ ...sample(), labelLang: 'en' }, { fonts: [] })).document
    expect(english.querySelector('#notes-heading')!.getAttribute('lang')).toBe('en')
    expect(english.querySelector('#notes-heading')!.getAttribute('dir')).toBe('ltr')
  })
})

describe('hamish export --lang', () => {
  let dir: string
  let lib: string
  let id: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hamish-labels-'))
    lib = join(dir, 'library')
    await writeFile(join(dir, 'a.txt'), 'عنوان\n\nنص عن الشيباني في موسكو.\n')
    const imported = await runHamish('import', join(dir, 'a.txt'), '--library', lib, '--json')
    id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
    const library = await Library.open(lib, { noSample: true })
    const text = plainText((await library.getArticle(id)).doc)
    const start = [...text.slice(0, text.indexOf('الشيباني'))].length
    await library.addAnnotation({ articleId: id, start, end: start + 8, quote: 'الشيباني', color: 'green' })
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const exported = async (...flags: string[]): Promise<string> => {
    const out = join(dir, 'notes.md')
    const r = await runHamish('export', id, '--format', 'notes-md', '--out', out, '--library', lib, ...flags)
    expect(r.code, r.err).toBe(0)
    return readFile(out, 'utf8')
  }

  it('writes Arabic labels with --lang ar, English ones by default', async () => {
    expect(await exported('--lang', 'ar')).toContain(`${ar.exportLabels.colour}: ${ar.colorNames.green}`)
    expect(await exported()).toContain('Colour: Green')
  })

  it('follows the library interface language when it is set to Arabic; --lang en still wins', async () => {
    const library = await Library.open(lib, { noSample: true })
    await library.updateSettings({ language: 'ar' })
    expect(await exported()).toContain(`${ar.exportLabels.colour}: ${ar.colorNames.green}`)
    expect(await exported('--lang', 'en')).toContain('Colour: Green')
  })

  it('refuses another language and writes nothing', async () => {
    const r = await runHamish(
      'export',
      id,
      '--format',
      'md',
      '--out',
      join(dir, 'x.md'),
      '--library',
      lib,
      '--lang',
      'fr',
    )
    expect(r.code).not.toBe(0)
    expect(r.err).toContain('--lang is ar or en')
    await expect(readFile(join(dir, 'x.md'))).rejects.toThrow()
  })
})
