import { HamishError } from '../../common/errors'
import { localText, type LocalText } from '../../common/i18n/local-text'
import { PDF_LIMITS } from './pdf-limits'

/** A PDF Hamish cannot read, with the reason in Hamish's own words (pdf.js's error text is English only). */
export function invalidPdf(name: string, detail: LocalText): HamishError {
  return new HamishError('invalid-content', localText('messages.invalidPdf', { name, detail }))
}

/** The refusal of a file with a stream that unpacks past PDF_LIMITS.maxStreamBytes (a "PDF bomb"). */
export function oversizeStreamRefusal(name: string): HamishError {
  return new HamishError(
    'too-large',
    localText('messages.invalidPdf', {
      name,
      detail: localText('messages.reasonPdfStreamTooLarge', {
        limit: PDF_LIMITS.maxStreamBytes / 1024 / 1024,
      }),
    }),
  )
}
