import { englishText, localText, type LocalText } from '../i18n/local-text'
import { MAX_IMPORT_BYTES } from './limits'

/**
 * The one wording for a file over MAX_IMPORT_BYTES, used wherever a file can
 * be refused for its size (the importer, the native dialog, the CLI, the
 * preview server, the page before it sends), so the user reads the same
 * sentence and the same limit everywhere.
 */
export function tooLargeText(name: string, byteLength: number): LocalText {
  return localText('messages.tooLarge', {
    name,
    megabytes: byteLength / 1024 / 1024,
    limit: MAX_IMPORT_BYTES / 1024 / 1024,
  })
}

/** The English wording of `tooLargeText`, for the CLI and for errors whose message is English. */
export function tooLargeMessage(name: string, byteLength: number): string {
  return englishText(tooLargeText(name, byteLength))
}
