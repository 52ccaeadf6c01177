import { unzipSync } from 'fflate'
import { HamishError } from '../../common/errors'
import { localText, type LocalText } from '../../common/i18n/local-text'
import { MAX_ZIP_UNPACKED_BYTES, ZIP_LIMITS, scanZipDirectory, unpackedSize } from './zip-directory'

/** The error for an EPUB that is broken or not an EPUB at all; `why` says what is wrong. */
export function invalidEpub(name: string, why: LocalText): HamishError {
  return new HamishError('invalid-content', localText('messages.invalidEpub', { name, detail: why }))
}

class TooBig extends Error {}

/**
 * Read access to an EPUB's ZIP container that never unpacks more than it
 * must. Opening reads only the central directory and refuses archives that
 * declare more than 200 MB or 5,000 entries; `read` then inflates only the
 * named entries, into buffers of their declared size (fflate does not grow
 * them), so a lying size cannot make an entry bigger than what was checked.
 * Stored entries count by the bytes they span, so entries that overlap in
 * the file cannot multiply it. All reads together are held to the same
 * 200 MB: an entry read twice counts twice.
 */
export class EpubArchive {
  private unpacked = 0

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
    private readonly entries: ReadonlyMap<string, number>,
  ) {}

  /** Scans the archive's directory; throws HamishError for non-ZIP data and for zip bombs. */
  static open(bytes: Uint8Array, name: string): EpubArchive {
    const directory = scanZipDirectory(bytes)
    if (!directory.ok) {
      if (directory.why === 'too-big') throw tooBig(name)
      throw invalidEpub(name, localText('messages.reasonNotZip'))
    }
    const entries = directory.entries
    return new EpubArchive(bytes, name, entries)
  }

  /** Whether the archive holds an entry with exactly this path. */
  has(path: string): boolean {
    return this.entries.has(path)
  }

  /** How many bytes reading this entry unpacks, by the directory (0 when there is no such entry). */
  size(path: string): number {
    return this.entries.get(path) ?? 0
  }

  /**
   * The named entries that exist, unpacked; throws HamishError when their
   * data is damaged, or when this read would take everything read from the
   * archive past 200 MB (checked before each entry is unpacked).
   */
  read(paths: Iterable<string>): Map<string, Uint8Array> {
    const wanted = new Set([...paths].filter((p) => this.entries.has(p)))
    if (wanted.size === 0) return new Map()
    try {
      const files = unzipSync(this.bytes, {
        filter: (file) => {
          if (!wanted.has(file.name)) return false
          this.unpacked += unpackedSize(file)
          if (this.unpacked > MAX_ZIP_UNPACKED_BYTES) throw new TooBig()
          return true
        },
      })
      return new Map(Object.entries(files))
    } catch (err) {
      if (err instanceof TooBig) throw tooBig(this.name)
      throw invalidEpub(this.name, localText('messages.reasonZipDamaged'))
    }
  }
}

function tooBig(name: string): HamishError {
  return new HamishError('too-large', localText('messages.epubTooBig', { name, ...ZIP_LIMITS }))
}
