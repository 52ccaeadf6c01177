import type { ExportFormat } from '../export/formats'
import type { NotesGroup, NotesOrder } from '../export/notes-order'
import type { UiLanguage } from '../i18n/ui-language'

export interface ExportRequest {
  articleId: string
  format: ExportFormat
  /** notes-md: group the notes under a heading per colour (the old form of `notesGroup: 'colour'`). */
  groupByColor?: boolean
  /** notes-md: notes in text order (default) or by date made. */
  notesOrder?: NotesOrder
  /** notes-md: headings per colour or per tag; none by default. Wins over `groupByColor`. */
  notesGroup?: NotesGroup
  /** pdf: paper size (default A4). */
  paper?: 'A4' | 'Letter'
  /** The language of the export's own words ("Notes", "Colour"…): the dialog's choice, the CLI's `--lang`; default English. */
  labelLang?: UiLanguage
}

/**
 * What became of an export. In Electron main asks where to save and writes
 * the file itself (`saved`); in the browser preview the page is handed the
 * bytes and saves them as a download (`download`).
 */
export type ExportResult =
  | { status: 'saved'; fileName: string; location: string }
  | { status: 'download'; fileName: string; mimeType: string; bytes: Uint8Array }
  | { status: 'cancelled' }
