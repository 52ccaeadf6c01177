/**
 * Export writers (DESIGN §7): annotated Markdown (`md`, `md-gfm`), a
 * notes-only Markdown summary and self-contained HTML (the source of the
 * PDF). Pure: strings in, a string out; callers do the file writing.
 */
export type { ExportInput } from './export-input'
export { toMarkdown, type MarkdownExportOptions } from './markdown'
export { toNotesMarkdown, type NotesMarkdownOptions } from './notes-markdown'
export { toHtml, EXPORT_CSP, type HtmlExportOptions } from './html'
export type { EmbeddedFont, Paper } from './html-style'
export {
  segmentDocument,
  type SegmentedDocument,
  type SegmentedBlock,
  type Piece,
  type Cover,
} from './segments'
