import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { SAMPLE_ARTICLE } from '../../support/sample-library'

/**
 * File > Export… in Electron, against a recording stand-in for the electron
 * module (the binary cannot run here): the real library, the real API
 * service and main/app/export-dialog.ts, with a PDF printer that records
 * when it is called. The save dialog comes first, so a cancelled one prints
 * nothing; and its filters come from the format registry, named in the
 * interface's language.
 */
const recorded = vi.hoisted(() => ({
  log: [] as string[],
  dialogs: [] as {
    title?: string
    defaultPath?: string
    filters?: { name: string; extensions: string[] }[]
  }[],
  answer: { canceled: true, filePath: undefined as string | undefined },
  documents: '',
}))

vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'documents' ? recorded.documents : '/nowhere') },
  dialog: {
    showSaveDialog: async (options: (typeof recorded.dialogs)[number]) => {
      recorded.log.push('save dialog')
      recorded.dialogs.push(options)
      return recorded.answer
    },
  },
  shell: { showItemInFolder: (path: string) => recorded.log.push(`show ${path}`) },
}))

const { dialogExports } = await import('../../../main/app/export-dialog')
const { createApiService } = await import('../../../main/library/api-service')
const { Library } = await import('../../../main/library/library')
const { createTranslator } = await import('../../../common/i18n/translator')
const { EXPORT_FORMATS, EXPORT_FORMAT_SPECS } = await import('../../../common/export/formats')

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 recorded printer\n%%EOF\n')

let dir: string
let api: ReturnType<typeof createApiService>
let articleId: string
let language: 'en' | 'ar' = 'en'

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-export-dialog-'))
  recorded.documents = join(dir, 'Documents')
  const library = await Library.open(join(dir, 'lib'), { noSample: true })
  const outcome = await library.importFile(SAMPLE_ARTICLE)
  articleId = outcome.article!.id
  api = createApiService(library, {
    host: dialogExports(
      () => null,
      () => createTranslator(language),
    ),
    printPdf: async (html, options) => {
      recorded.log.push(`print ${options.paper} ${html.length > 0 ? 'html' : 'empty'}`)
      return PDF_BYTES
    },
  })
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})
beforeEach(() => {
  recorded.log.length = 0
  recorded.dialogs.length = 0
  language = 'en'
})

describe('Export in Electron asks where to save first', () => {
  it('prints no PDF and writes nothing when the save dialog is cancelled', async () => {
    recorded.answer = { canceled: true, filePath: undefined }
    const result = await api.exportArticle({ articleId, format: 'pdf', paper: 'Letter' })
    expect(result).toEqual({ status: 'cancelled' })
    expect(recorded.log).toEqual(['save dialog'])
    expect(await readdir(dir)).toEqual(['lib'])
  })

  it('prints the PDF once the path is chosen, and saves the printer’s bytes there', async () => {
    const target = join(dir, 'chosen.pdf')
    recorded.answer = { canceled: false, filePath: target }
    const result = await api.exportArticle({ articleId, format: 'pdf', paper: 'Letter' })
    expect(recorded.log).toEqual(['save dialog', 'print Letter html'])
    expect(result).toMatchObject({ status: 'saved', location: target })
    expect(new Uint8Array(await readFile(target))).toEqual(PDF_BYTES)
    expect(recorded.dialogs[0]!.defaultPath).toMatch(/^.*Documents[/\\].+\.pdf$/)
  })

  it('offers each format’s filter from the registry, named in the interface language', async () => {
    recorded.answer = { canceled: true, filePath: undefined }
    for (const lang of ['en', 'ar'] as const) {
      language = lang
      const t = createTranslator(lang)
      for (const format of EXPORT_FORMATS) {
        recorded.dialogs.length = 0
        await api.exportArticle({ articleId, format })
        const spec = EXPORT_FORMAT_SPECS[format]
        const options = recorded.dialogs[0]!
        expect(options.title).toBe(t('exportAction'))
        expect(options.filters).toEqual([
          { name: t(spec.nameKey), extensions: [spec.extension.split('.').pop()] },
        ])
        expect(options.defaultPath!.endsWith(spec.extension)).toBe(true)
      }
      recorded.dialogs.length = 0
      await api.exportAnnotations(articleId, { bundle: false })
      expect(recorded.dialogs[0]!.filters).toEqual([{ name: t('annotationFileType'), extensions: ['json'] }])
    }
    // The Arabic dialog speaks Arabic: not the English words of before.
    language = 'ar'
    recorded.dialogs.length = 0
    await api.exportArticle({ articleId, format: 'html' })
    expect(recorded.dialogs[0]!.filters![0]!.name).toBe('صفحة ويب')
    expect(recorded.log.filter((l) => l.startsWith('print'))).toEqual([])
  })
})
