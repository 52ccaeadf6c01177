import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { crc32 } from 'node:zlib'
import { fsyncDirectory, writeFileAtomic } from './atomic-write'
import { runSerially } from './serial-queue'
import { errorCode, nodeFs, type StoreFs } from './store-fs'

/** What opening a log found wrong with it, for telling the user. */
export interface LogRepair {
  file: string
  /**
   * 'torn-tail': the last record was cut short by a crash during its append,
   * which was therefore never acknowledged; it was dropped. 'damaged':
   * records before the end could not be read; the file was kept aside as
   * `movedTo` and the readable records written back.
   */
  kind: 'torn-tail' | 'damaged'
  /** Records that could not be read (the torn one counts as one). */
  unreadable: number
  /** For 'damaged': where the file's bytes were kept, untouched. */
  movedTo?: string
}

export interface AppendLogOptions<T> {
  /** Whether a parsed record is one of ours; a record failing it counts as unreadable. */
  isRecord: (value: unknown) => value is T
  /** Called after a torn tail was dropped or a damaged log rewritten. Errors it throws are ignored. */
  onRepaired?: (repair: LogRepair) => void
  /** Mode of a new log file (POSIX); default 0600, like the rest of the library. */
  mode?: number
  fs?: StoreFs
  now?: () => number
}

const NEWLINE = 0x0a
const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** One record as a line: its CRC-32 in hex, a space, its JSON, a newline. */
function encodeRecord(record: unknown): string {
  const json = JSON.stringify(record)
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`
}

/** A line that is not a sound record: cut short or garbled ('torn'), or whole but not one of ours ('foreign'). */
type Unsound = { unsound: 'torn' | 'foreign' }

/** The record of one line (without its newline). */
function decodeLine<T>(line: Uint8Array, isRecord: (value: unknown) => value is T): { record: T } | Unsound {
  let text: string
  try {
    text = decoder.decode(line)
  } catch {
    return { unsound: 'torn' }
  }
  if (text.length < 10 || text[8] !== ' ') return { unsound: 'torn' }
  const json = text.slice(9)
  if (crc32(json).toString(16).padStart(8, '0') !== text.slice(0, 8)) return { unsound: 'torn' }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { unsound: 'torn' }
  }
  return isRecord(value) ? { record: value } : { unsound: 'foreign' }
}

/**
 * A file of records written by appending, so a change costs the size of the
 * change, not of everything before it.
 *
 * Each record is one line carrying its own CRC-32, appended and flushed
 * (fdatasync) before `append` resolves: that flush is the change's commit
 * point. A crash during an append can leave only the last line short or
 * garbled; opening the log drops such a tail (it was never acknowledged) and
 * truncates it away. Unreadable records before the end mean damage from
 * outside: the file is kept aside, the readable records are written back, and
 * `onRepaired` says how many were lost. A failed append (a full disk) is cut
 * back off, so the next append never lands behind a half line. `rewrite`
 * replaces the whole log atomically (temp file, fsync, rename), for
 * compaction.
 */
export class AppendLog<T> {
  readonly file: string
  readonly #options: AppendLogOptions<T>
  readonly #fs: StoreFs
  /** Bytes of sound records on disk; an append that fails is cut back to this. */
  #size = 0
  #records = 0

  private constructor(file: string, options: AppendLogOptions<T>) {
    this.file = file
    this.#options = options
    this.#fs = options.fs ?? nodeFs
  }

  /** Opens (without creating) the log at `file` and reads its records, repairing it as described above. */
  static async open<T>(
    file: string,
    options: AppendLogOptions<T>,
  ): Promise<{ log: AppendLog<T>; records: T[] }> {
    const log = new AppendLog<T>(file, options)
    const records = await runSerially(file, () => log.#read())
    return { log, records }
  }

  /** Bytes the log holds: what a derived copy records to tell later whether it is behind. */
  get size(): number {
    return this.#size
  }

  /** Records the log holds, superseded ones included: tells when a compaction pays. */
  get recordCount(): number {
    return this.#records
  }

  /** Appends `records` and flushes them; resolves once they are durable. */
  append(records: readonly T[]): Promise<void> {
    const bytes = encoder.encode(records.map(encodeRecord).join(''))
    return runSerially(this.file, async () => {
      let handle: FileHandle | undefined
      const created = this.#size === 0 && !(await this.#exists())
      try {
        handle = await this.#fs.open(this.file, 'a', this.#options.mode ?? 0o600)
        await handle.writeFile(bytes)
        await handle.datasync()
      } catch (error) {
        await handle?.close().catch(() => undefined)
        handle = undefined
        await this.#cutBack()
        throw error
      } finally {
        await handle?.close().catch(() => undefined)
      }
      if (created) await fsyncDirectory(this.#fs, dirname(this.file))
      this.#size += bytes.byteLength
      this.#records += records.length
    })
  }

  /** Replaces the whole log with `records` in one atomic write (compaction). */
  rewrite(records: readonly T[]): Promise<void> {
    const bytes = encoder.encode(records.map(encodeRecord).join(''))
    return runSerially(this.file, async () => {
      await writeFileAtomic(this.file, bytes, { fs: this.#fs })
      this.#size = bytes.byteLength
      this.#records = records.length
    })
  }

  async #exists(): Promise<boolean> {
    try {
      await this.#fs.stat(this.file)
      return true
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false
      throw error
    }
  }

  /** After a failed append: the file is cut back to its sound records, so no half line stays behind. */
  async #cutBack(): Promise<void> {
    let handle: FileHandle | undefined
    try {
      handle = await this.#fs.open(this.file, 'r+')
      await handle.truncate(this.#size)
      await handle.datasync()
    } catch {
      // If even this fails, the next open drops the torn tail; nothing acknowledged is behind it.
    } finally {
      await handle?.close().catch(() => undefined)
    }
  }

  async #read(): Promise<T[]> {
    let bytes: Uint8Array
    try {
      bytes = await this.#fs.readFile(this.file)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw error
    }
    const records: T[] = []
    /** End of the last sound record. */
    let soundEnd = 0
    let unreadable = 0
    /** Whether the only unsound line is the last one, cut short or garbled: a crash during an append. */
    let tornTailOnly = false
    let start = 0
    while (start < bytes.byteLength) {
      const newline = bytes.indexOf(NEWLINE, start)
      const end = newline === -1 ? bytes.byteLength : newline
      const line: { record: T } | Unsound =
        newline === -1 ? { unsound: 'torn' } : decodeLine(bytes.subarray(start, end), this.#options.isRecord)
      if ('record' in line) {
        records.push(line.record)
        soundEnd = end + 1
        tornTailOnly = false
      } else {
        unreadable++
        tornTailOnly = unreadable === 1 && line.unsound === 'torn'
      }
      start = end + 1
    }
    this.#records = records.length
    if (unreadable === 0) {
      this.#size = bytes.byteLength
      return records
    }
    if (tornTailOnly) {
      // Only the last line is unsound: an append cut short by a crash, never acknowledged.
      this.#size = soundEnd
      await this.#truncate(soundEnd)
      this.#report({ file: this.file, kind: 'torn-tail', unreadable })
      return records
    }
    const movedTo = `${this.file}.corrupt-${(this.#options.now ?? Date.now)()}`
    await writeFileAtomic(movedTo, bytes, { fs: this.#fs })
    const sound = encoder.encode(records.map(encodeRecord).join(''))
    await writeFileAtomic(this.file, sound, { fs: this.#fs })
    this.#size = sound.byteLength
    this.#report({ file: this.file, kind: 'damaged', unreadable, movedTo })
    return records
  }

  async #truncate(size: number): Promise<void> {
    const handle = await this.#fs.open(this.file, 'r+')
    try {
      await handle.truncate(size)
      await handle.datasync()
    } finally {
      await handle.close()
    }
  }

  #report(repair: LogRepair): void {
    try {
      this.#options.onRepaired?.(repair)
    } catch {
      // A failing notice must not stop the log from opening.
    }
  }
}
