import { unzipSync, type UnzipFileInfo } from 'fflate'

/** Most an archive (EPUB, DOCX) may unpack to, by its own central directory. A zip-bomb guard. */
export const MAX_ZIP_UNPACKED_BYTES = 200 * 1024 * 1024
/** Most entries an archive (EPUB, DOCX) may hold. */
export const MAX_ZIP_ENTRIES = 5000
/** The two limits as the refusal's sentence states them (`messages.epubTooBig`, `docxTooBig`), so it is written in the interface's digits. */
export const ZIP_LIMITS = { megabytes: MAX_ZIP_UNPACKED_BYTES / 1024 / 1024, files: MAX_ZIP_ENTRIES }
/**
 * Most a DOCX's body (word/document.xml) may unpack to. mammoth holds the
 * whole XML tree in memory, several times the text's size: a 150 MB body ran
 * the import worker out of memory after 88 s, a 50 MB one took 97 s. A
 * 1,000-page book's body is 20 to 40 MB, so 64 MB keeps real books.
 */
export const MAX_DOCX_BODY_BYTES = 64 * 1024 * 1024

/** What scanning an archive's directory found: its entries' unpacked sizes by path, or why it cannot be read. */
export type ZipDirectory =
  { ok: true; entries: Map<string, number> } | { ok: false; why: 'too-big' | 'not-zip' }

/**
 * How many bytes fflate hands out for an entry: a deflated entry is inflated
 * into a buffer of its declared size, a stored one is copied as it is
 * (its compressed size, whatever size it declares).
 */
export function unpackedSize(file: UnzipFileInfo): number {
  return file.compression === 0 ? file.size : file.originalSize
}

class TooBig extends Error {}

/**
 * Reads only an archive's central directory, inflating nothing, so the EPUB
 * and DOCX readers refuse a zip bomb (more than 200 MB or 5,000 entries
 * declared) before unpacking a byte. Entries of the same name add up.
 */
export function scanZipDirectory(bytes: Uint8Array): ZipDirectory {
  const entries = new Map<string, number>()
  let total = 0
  let count = 0
  try {
    unzipSync(bytes, {
      filter: (file) => {
        const size = unpackedSize(file)
        entries.set(file.name, (entries.get(file.name) ?? 0) + size)
        total += size
        count++
        if (count > MAX_ZIP_ENTRIES || total > MAX_ZIP_UNPACKED_BYTES) throw new TooBig()
        return false
      },
    })
  } catch (err) {
    return { ok: false, why: err instanceof TooBig ? 'too-big' : 'not-zip' }
  }
  return { ok: true, entries }
}
