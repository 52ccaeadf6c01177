import { unzipSync } from 'fflate'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'

/** Most an EPUB may unpack to, by its own central directory: a guard against zip bombs. */
export const MAX_EPUB_UNPACKED_BYTES = 200 * 1024 * 1024
/** Most entries an EPUB may hold. */
export const MAX_EPUB_ENTRIES = 5000

/** The error for an EPUB that is broken or not an EPUB at all; `why` says what is wrong. */
export function invalidEpub(name: string, why: string): HamishError {
  return new HamishError('invalid-content', localText('messages.invalidEpub', { name, detail: why }))
}

class TooBig extends Error {}

/**
 * Read access to an EPUB's ZIP container that never unpacks more than it
 * must. Opening reads only the central directory and refuses archives that
 * declare more than 200 MB or 5,000 entries; `read` then inflates only the
 * named entries, into buffers of their declared size (fflate does not grow
 * them), so a lying size cannot make an entry bigger than what was checked.
 */
export class EpubArchive {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
    private readonly entries: ReadonlySet<string>,
  ) {}

  /** Scans the archive's directory; throws HamishError for non-ZIP data and for zip bombs. */
  static open(bytes: Uint8Array, name: string): EpubArchive {
    const entries = new Set<string>()
    let total = 0
    try {
      unzipSync(bytes, {
        filter: (file) => {
          entries.add(file.name)
          total += file.originalSize
          if (entries.size > MAX_EPUB_ENTRIES || total > MAX_EPUB_UNPACKED_BYTES) throw new TooBig()
          return false
        },
      })
    } catch (err) {
      if (err instanceof TooBig) {
        throw new HamishError('too-large', localText('messages.epubTooBig', { name }))
      }
      throw invalidEpub(name, 'it is not a readable ZIP archive')
    }
    return new EpubArchive(bytes, name, entries)
  }

  /** Whether the archive holds an entry with exactly this path. */
  has(path: string): boolean {
    return this.entries.has(path)
  }

  /** The named entries that exist, unpacked; throws HamishError when their data is damaged. */
  read(paths: Iterable<string>): Map<string, Uint8Array> {
    const wanted = new Set([...paths].filter((p) => this.entries.has(p)))
    if (wanted.size === 0) return new Map()
    try {
      return new Map(Object.entries(unzipSync(this.bytes, { filter: (file) => wanted.has(file.name) })))
    } catch {
      throw invalidEpub(this.name, 'part of the archive is damaged and cannot be unpacked')
    }
  }
}
