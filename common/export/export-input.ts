import type { AnchoredAnnotation } from '../annotation'
import type { ArticleSummary } from '../article'
import type { DocNode } from '../document'
import type { UiLanguage } from '../i18n/ui-language'

/**
 * Everything an export needs, gathered by the caller (app, CLI, tests) so the
 * writers stay pure: they never read files, the clock or the library. The
 * same input always gives the same bytes.
 */
export interface ExportInput {
  summary: ArticleSummary
  doc: DocNode
  /**
   * The article's live annotations, anchored in `doc`'s plain text, in any
   * order. `anchor: null` (orphaned) ones go to "Unplaced notes"; a deleted
   * tombstone that slips in is left out, so an export never resurrects it.
   */
  annotations: AnchoredAnnotation[]
  /** When the export was made (ISO 8601), written into the file. */
  exportedAt: string
  /** What made the file, e.g. 'Hamish 0.1.0'. */
  generator: string
  /**
   * The language of the words the export adds ("Notes", "Colour", colour
   * names; common/export/labels.ts): the interface's, or one chosen in the
   * export dialog or with the CLI's `--lang`. English when left out.
   */
  labelLang?: UiLanguage
  /**
   * Where each page of the PDF the article came from starts in its plain
   * text (the article file's `pdfPages`, docs/FORMATS.md), so quotes can
   * name their PDF page; absent for other articles.
   */
  pdfPages?: readonly (number | null)[]
}
