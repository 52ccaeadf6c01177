import type { MessageKey } from '../i18n/translator'

/**
 * The export formats, in the order the dialog lists them and the CLI names
 * them: annotated Markdown (Obsidian, GitHub, Pandoc), a notes summary, HTML,
 * PDF; then the citation formats, CSL-JSON and BibTeX.
 */
export const EXPORT_FORMATS = [
  'md',
  'md-gfm',
  'md-pandoc',
  'notes-md',
  'html',
  'pdf',
  'csl-json',
  'bibtex',
] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/**
 * Which writer makes a format's bytes. A name rather than the function, so
 * the renderer can read this table without bundling the writers (markdown-it,
 * the HTML writer); main/export/exporter.ts maps each name to its writer.
 */
export type ExportWriter = 'markdown' | 'notes-markdown' | 'html' | 'pdf' | 'csl-json' | 'bibtex'

/**
 * What a format holds: an article (its text, highlights and notes) or its
 * citation (what a reference manager or Pandoc reads). A citation file can
 * hold several articles (the CLI's `export ID… --format bibtex`).
 */
export type ExportGroup = 'article' | 'citation'

/** An option a format takes beside the article: the dialog's extra rows, the CLI's extra flags. */
export type ExportOption = 'notesOrder' | 'notesGroup' | 'paper'

/** One export format: everything the CLI, the dialog, the save filters and the messages say about it. */
export interface ExportFormatSpec {
  id: ExportFormat
  /** Its name for the user (the dialog, the save dialog's filter, "Exporting … "). */
  nameKey: MessageKey
  /** One line saying what the file holds (the dialog). */
  hintKey: MessageKey
  /** Appended to the title to make the file name (`.gfm.md`: a second dot tells the flavour). */
  extension: string
  mime: string
  writer: ExportWriter
  group: ExportGroup
  options: readonly ExportOption[]
}

const MARKDOWN = 'text/markdown; charset=utf-8'

/**
 * The format registry: one row per format, read by the CLI's usage and
 * argument check, the renderer's export dialog, Electron's save filters and
 * the exporter itself, so a format is added (or renamed) in one place.
 */
export const EXPORT_FORMAT_SPECS: { readonly [F in ExportFormat]: ExportFormatSpec & { id: F } } = {
  md: {
    id: 'md',
    nameKey: 'exportFormats.md.name',
    hintKey: 'exportFormats.md.hint',
    extension: '.md',
    mime: MARKDOWN,
    writer: 'markdown',
    group: 'article',
    options: [],
  },
  'md-gfm': {
    id: 'md-gfm',
    nameKey: 'exportFormats.md-gfm.name',
    hintKey: 'exportFormats.md-gfm.hint',
    extension: '.gfm.md',
    mime: MARKDOWN,
    writer: 'markdown',
    group: 'article',
    options: [],
  },
  'md-pandoc': {
    id: 'md-pandoc',
    nameKey: 'exportFormats.md-pandoc.name',
    hintKey: 'exportFormats.md-pandoc.hint',
    extension: '.pandoc.md',
    mime: MARKDOWN,
    writer: 'markdown',
    group: 'article',
    options: [],
  },
  'notes-md': {
    id: 'notes-md',
    nameKey: 'exportFormats.notes-md.name',
    hintKey: 'exportFormats.notes-md.hint',
    extension: '.notes.md',
    mime: MARKDOWN,
    writer: 'notes-markdown',
    group: 'article',
    options: ['notesOrder', 'notesGroup'],
  },
  html: {
    id: 'html',
    nameKey: 'exportFormats.html.name',
    hintKey: 'exportFormats.html.hint',
    extension: '.html',
    mime: 'text/html; charset=utf-8',
    writer: 'html',
    group: 'article',
    options: [],
  },
  pdf: {
    id: 'pdf',
    nameKey: 'exportFormats.pdf.name',
    hintKey: 'exportFormats.pdf.hint',
    extension: '.pdf',
    mime: 'application/pdf',
    writer: 'pdf',
    group: 'article',
    options: ['paper'],
  },
  'csl-json': {
    id: 'csl-json',
    nameKey: 'exportFormats.csl-json.name',
    hintKey: 'exportFormats.csl-json.hint',
    extension: '.csl.json',
    mime: 'application/vnd.citationstyles.csl+json',
    writer: 'csl-json',
    group: 'citation',
    options: [],
  },
  bibtex: {
    id: 'bibtex',
    nameKey: 'exportFormats.bibtex.name',
    hintKey: 'exportFormats.bibtex.hint',
    extension: '.bib',
    mime: 'application/x-bibtex; charset=utf-8',
    writer: 'bibtex',
    group: 'citation',
    options: [],
  },
}

/** Every format's spec, in EXPORT_FORMATS order. */
export const exportFormatSpecs = (): ExportFormatSpec[] => EXPORT_FORMATS.map((f) => EXPORT_FORMAT_SPECS[f])

/** Whether a format is a citation (several articles may go in one file) rather than an article export. */
export function isCitationFormat(format: ExportFormat): format is CitationFormat {
  return EXPORT_FORMAT_SPECS[format].group === 'citation'
}

/** The formats whose row says `group: 'citation'` (format-registry.test.ts checks the two agree). */
export const CITATION_FORMATS = ['csl-json', 'bibtex'] as const satisfies readonly ExportFormat[]
export type CitationFormat = (typeof CITATION_FORMATS)[number]

/** Whether a word (a CLI argument) names a format: the argument check reads the registry, not a copy. */
export function isExportFormat(word: string): word is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMAT_SPECS, word)
}

/**
 * The save dialog's filter extension: the last part of the file extension
 * (`.gfm.md` is still a Markdown file, `md`), without the dot.
 */
export function filterExtension(extension: string): string {
  return extension.slice(extension.lastIndexOf('.') + 1)
}

/**
 * A shared annotation file (W3C AnnotationCollection, docs/FORMATS.md): not
 * an article export, saved the same way. A bundle (the article travels with
 * its annotations) is named `….bundle.hamish.json`, so the two files of one
 * article neither overwrite each other nor look alike in a folder; both end
 * in `.json`, which is how a dropped or picked file is known for one.
 */
export const ANNOTATION_FILE = {
  nameKey: 'annotationFileType',
  extension: '.hamish.json',
  bundleExtension: '.bundle.hamish.json',
  mime: 'application/ld+json',
} as const satisfies { nameKey: MessageKey; extension: string; bundleExtension: string; mime: string }
