import { englishText, localText, type LocalText } from './i18n/local-text'

/**
 * The contract's plain values, apart from its argument schemas: the renderer
 * needs these (method names for the preview bridge, export formats, the size
 * limit and its wording) but never validates a call itself, so importing them from here keeps
 * valibot and every schema out of its bundle and heap. common/api.ts
 * re-exports them.
 */

export { API_METHODS } from './channels'

/** The export formats (issue 4), from their registry (common/export/formats.ts). */
export { EXPORT_FORMATS, type ExportFormat } from './export/formats'

/** Largest file the library accepts. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/**
 * The one wording for a file over the size limit, used wherever a file can be
 * refused for its size (the importer, the native dialog, the CLI, the bridge).
 */
export function tooLargeText(name: string, byteLength: number): LocalText {
  return localText('messages.tooLarge', {
    name,
    megabytes: byteLength / 1024 / 1024,
    limit: MAX_IMPORT_BYTES / 1024 / 1024,
  })
}

/** The English wording of `tooLargeText`. */
export function tooLargeMessage(name: string, byteLength: number): string {
  return englishText(tooLargeText(name, byteLength))
}
