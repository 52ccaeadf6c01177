import { HamishError } from '../../common/errors'
import { safeFileBase } from './exporter'
import { parseAnnotationFile, type ParsedFile } from '../../common/sharing'

/** The file name of an article's shared annotations: its title, safe for every platform, and `.hamish.json`. */
export function annotationFileName(title: string): string {
  return `${safeFileBase(title)}.hamish.json`
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
    throw new HamishError(
      'undecodable',
      `${name}: not a text file (annotation files are UTF-8 JSON); nothing was imported.`,
    )
  }
  try {
    return parseAnnotationFile(text)
  } catch (err) {
    if (err instanceof HamishError) throw new HamishError(err.code, `${name}: ${err.message}`)
    throw err
  }
}
