import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../common/article'
import {
  CITATION_FORMATS,
  EXPORT_FORMATS,
  EXPORT_FORMAT_SPECS,
  exportFormatSpecs,
  filterExtension,
  isCitationFormat,
  isExportFormat,
} from '../../../common/export/formats'
import { createTranslator } from '../../../common/i18n/translator'
import { planExport } from '../../../main/export/exporter'
import { Library } from '../../../main/library/library'
import { SAMPLE_ARTICLE } from '../../support/sample-library'

/**
 * The format registry is the one description of each export: the exporter
 * names its files, types them and picks its writer from it. Checked on the
 * sample article from a real library.
 */
let dir: string
let article: Article

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-formats-'))
  const library = await Library.open(join(dir, 'lib'), { noSample: true })
  const outcome = await library.importFile(SAMPLE_ARTICLE)
  article = await library.getArticle(outcome.article!.id)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the export format registry', () => {
  it('lists every format once, in order, each with its own extension and words in both languages', () => {
    expect(exportFormatSpecs().map((s) => s.id)).toEqual([...EXPORT_FORMATS])
    expect(new Set(exportFormatSpecs().map((s) => s.extension)).size).toBe(EXPORT_FORMATS.length)
    for (const lang of ['en', 'ar'] as const) {
      const t = createTranslator(lang)
      for (const spec of exportFormatSpecs()) {
        expect(t(spec.nameKey)).not.toBe(spec.nameKey)
        expect(t(spec.hintKey)).not.toBe(spec.hintKey)
      }
    }
    expect(isExportFormat('pdf')).toBe(true)
    expect(isExportFormat('docx')).toBe(false)
    expect(isExportFormat('toString')).toBe(false)
    expect(filterExtension('.gfm.md')).toBe('md')
    // The contract's citation list and the rows' groups say the same.
    expect(EXPORT_FORMATS.filter(isCitationFormat)).toEqual([...CITATION_FORMATS])
  })

  it('names, types and writes each export as its row says, printing only when rendered', async () => {
    const printed: string[] = []
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n')
    const printer = async (html: string, options: { paper: 'A4' | 'Letter' }) => {
      printed.push(`${options.paper} ${html.slice(0, 15)}`)
      return pdf
    }
    for (const format of EXPORT_FORMATS) {
      printed.length = 0
      const spec = EXPORT_FORMAT_SPECS[format]
      const pending = planExport(article, { format, paper: 'Letter' }, printer)
      expect(pending.fileName).toBe(`${article.summary.title.slice(0, 100).trim()}${spec.extension}`)
      expect(pending.mimeType).toBe(spec.mime)
      expect(printed).toEqual([])
      const bytes = await pending.render()
      const text = new TextDecoder().decode(bytes)
      if (spec.writer === 'pdf') {
        expect(bytes).toEqual(pdf)
        expect(printed).toEqual(['Letter <!DOCTYPE html>'])
      } else {
        const starts = {
          markdown: '---\ntitle: ',
          'notes-markdown': '# ',
          html: '<!DOCTYPE html>',
          'csl-json': '[\n  {\n    "id": ',
          bibtex: '@misc{',
        }[spec.writer]
        expect(text.startsWith(starts)).toBe(true)
        expect(text).toContain(article.summary.title.split(' ')[0]!)
      }
    }
  })
})
