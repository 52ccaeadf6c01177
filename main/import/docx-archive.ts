import { unzipSync, zipSync } from 'fflate'
import { HamishError } from '../../common/errors'
import { localText, type LocalText } from '../../common/i18n/local-text'
import { MAX_DOCX_BODY_BYTES, ZIP_LIMITS, scanZipDirectory } from './zip-directory'

/** The part every Word document has: its body. */
export const DOCX_BODY = 'word/document.xml'

/** The first bytes of an OLE compound file: an encrypted (password-protected) DOCX, or an old .doc. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** The error for a file that is not a usable Word document; `why` says what is wrong. */
export function invalidDocx(name: string, why: LocalText): HamishError {
  return new HamishError('invalid-content', localText('messages.invalidDocx', { name, detail: why }))
}

/** What a DOCX holds, unpacked and bounded, ready for the converter. */
export interface DocxParts {
  /** Every entry, except images and other media, which are left empty (never converted). */
  files: Record<string, Uint8Array>
  /** How many image or media entries the archive has under word/media/. */
  mediaCount: number
}

/**
 * Opens a .docx the way the EPUB reader opens a book: the central directory
 * is scanned first and an archive declaring more than 200 MB or 5,000
 * entries, or a body (word/document.xml) over 64 MB, is refused BEFORE
 * anything is inflated; entries are then inflated
 * into buffers of their declared size (fflate does not grow them), media
 * left out. An OLE compound file (what Word writes for a password-protected
 * document, or an old .doc) and a ZIP without word/document.xml are refused
 * with a sentence saying what to do.
 */
export function openDocx(bytes: Uint8Array, name: string): DocxParts {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new HamishError('invalid-content', localText('messages.docxEncrypted', { name }))
  }
  const directory = scanZipDirectory(bytes)
  if (!directory.ok) {
    if (directory.why === 'too-big')
      throw new HamishError('too-large', localText('messages.docxTooBig', { name, ...ZIP_LIMITS }))
    throw invalidDocx(name, localText('messages.reasonNotZip'))
  }
  const bodySize = directory.entries.get(DOCX_BODY)
  if (bodySize === undefined)
    throw invalidDocx(name, localText('messages.reasonPartMissing', { part: DOCX_BODY }))
  if (bodySize > MAX_DOCX_BODY_BYTES)
    throw new HamishError(
      'too-large',
      localText('messages.docxBodyTooBig', { name, limit: MAX_DOCX_BODY_BYTES / 1024 / 1024 }),
    )
  const media: string[] = []
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!file.name.startsWith('word/media/')) return true
        media.push(file.name)
        return false
      },
    })
  } catch {
    throw invalidDocx(name, localText('messages.reasonZipDamaged'))
  }
  for (const path of media) files[path] = new Uint8Array(0)
  return { files, mediaCount: media.length }
}

/** The parts packed again, uncompressed, for a converter that reads a ZIP. */
export function repack(parts: DocxParts): Uint8Array {
  return zipSync(parts.files, { level: 0 })
}
