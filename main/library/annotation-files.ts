import { HamishError } from '../../common/errors'
import { ANNOTATION_FILE } from '../../common/export/formats'
import { safeFileBase } from '../export/file-name'
import { parseAnnotationFile, type ParsedFile } from '../../common/sharing'
import { localText } from '../../common/i18n/local-text'

/**
 * The file name of an article's shared annotations: its title, safe for
 * every platform, and `.hamish.json` — `.bundle.hamish.json` for a bundle,
 * so that saving both kinds for one article does not offer the same name.
 */
export function annotationFileName(title: string, options: { bundle: boolean } = { bundle: false }): string {
  return safeFileBase(title) + (options.bundle ? ANNOTATION_FILE.bundleExtension : ANNOTATION_FILE.extension)
}

/**
 * Reads an annotation file's bytes: UTF-8 text, then common/sharing's strict
 * reader (a Hamish/W3C collection or a Hypothesis export). Anything wrong
 * with the file as a whole is one clear error naming it; the library is not
 * touched until this has succeeded.
 */
export function readAnnotationFileBytes(name: string, bytes: Uint8Array): ParsedFile {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new HamishError('undecodable', localText('messages.annotationFileNotText', { name }))
  }
  try {
    return parseAnnotationFile(text)
  } catch (err) {
    if (err instanceof HamishError)
      throw new HamishError(
        err.code,
        localText('messages.inFile', { name, message: err.text ?? err.message }),
      )
    throw err
  }
}
