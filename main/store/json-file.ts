import { basename, dirname, resolve } from 'node:path'
import type { Adapter } from 'lowdb'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { writeFileAtomic } from './atomic-write'
import { diskIdentity, sameIdentity, type DiskIdentity } from './disk-identity'
import {
  backupNamePattern,
  claimBackupNames,
  DEFAULT_KEEP_BACKUPS,
  keepBackupCopy,
  listBackups,
  newestBackupHolds,
} from './backups'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './file-modes'
import { parseJsonBytes } from './safe-json'
import { runSerially } from './serial-queue'
import { errorCode, nodeFs, type StoreFs } from './store-fs'
import { escapeRegExp, removeStaleTemps } from './temp-files'

/** What was done about a damaged file, for telling the user. */
export interface RecoveryReport {
  /** The file that was damaged. */
  file: string
  /** Where its bytes were kept, untouched: `NAME.corrupt-<timestamp-ms>` in the same folder. */
  movedTo: string
  /** The backup copied back into place, or null if none was usable (the caller starts from defaults). */
  restoredFrom: string | null
  /** When that backup was taken (milliseconds since the epoch, from its name); null with `restoredFrom`. */
  restoredTime: number | null
  /**
   * Whether the restored backup is the newest one, which every write keeps
   * before it is acknowledged: then the last saved state is back and nothing
   * was lost. False when newer backups were unusable too (the changes saved
   * after `restoredTime` are lost) or none was usable.
   */
  nothingLost: boolean
  /** Why the file was refused (parse or validation error), for logs. */
  reason: string
}

export interface JsonFileOptions {
  /** Folder of the rolling backups (`<basename>.<timestamp-ms>.bak`), created on first write. */
  backupsDir: string
  /** Backups kept per file; default 5. */
  keepBackups?: number
  /** Indent with two spaces (library.json, which people may read); default compact. */
  pretty?: boolean
  /**
   * Extra check on parsed data; a file that parses but fails it is treated as
   * damaged. A throwing validator counts as a failure.
   */
  validate?: (data: unknown) => boolean
  /** Called after a damaged file was moved aside (and possibly restored). Errors it throws are ignored. */
  onRecovered?: (report: RecoveryReport) => void
  /** Called when a backup could not be made; the write itself still goes ahead. Errors it throws are ignored. */
  onBackupFailed?: (error: unknown) => void
  /**
   * Whether a read that finds no backup holding the file as it is takes one
   * (default true), so even a file last written by an older Hamish or never
   * changed since can be restored exactly. Off for files that are rebuilt
   * rather than restored (the search index), where it would only cost a read.
   */
  backUpOnRead?: boolean
  /**
   * Whether each read first removes this file's temporary files left by a
   * killed writer (default true). Off for the search index, whose 200 files
   * a first search reads at once (two folder listings each); `Library.open`
   * sweeps its folders (main/library/library-temps.ts).
   */
  sweepTempsOnRead?: boolean
  /** File-system calls (tests inject failures). */
  fs?: StoreFs
}

/**
 * One JSON file on disk as a lowdb adapter, so it plugs into `Low`.
 *
 * write: serialised per file (in this process); keeps the new content as
 * the newest rolling backup (a copy of its own), then replaces the file
 * atomically (temp file, fsync, rename, directory fsync), mode 0600 in
 * folders made 0700. Resolves once the rename is done; so the newest backup
 * always holds at least the last acknowledged write.
 *
 * read: a missing file is null. A file that is not valid UTF-8 JSON, carries
 * prototype-polluting keys, or fails `validate` is never overwritten: it is
 * renamed to `NAME.corrupt-<timestamp-ms>`, the newest backup that parses and
 * validates is copied back (atomically) and returned, else null (the caller
 * uses its defaults); `onRecovered` is told either way, and whether anything
 * was lost. A good file with no backup holding it gets one (`backUpOnRead`).
 * Each read first
 * removes stale `.NAME.tmp-*` files left by writers that were killed
 * mid-write (see `removeStaleTemps`), so they cannot pile up.
 */
export class JsonFile<T> implements Adapter<T> {
  /** Absolute path of the file. */
  readonly file: string
  readonly #options: JsonFileOptions
  readonly #fs: StoreFs
  /**
   * The file as this object last read or wrote it (null: there was none);
   * undefined before the first read or write. A write finding the file
   * otherwise refuses: someone else changed it, and overwriting would lose it.
   */
  #known: DiskIdentity | undefined

  constructor(file: string, options: JsonFileOptions) {
    this.file = resolve(file)
    this.#options = { ...options, backupsDir: resolve(options.backupsDir) }
    this.#fs = options.fs ?? nodeFs
    claimBackupNames(this.file, this.#options.backupsDir)
  }

  read(): Promise<T | null> {
    return runSerially(this.file, async () => {
      if (this.#options.sweepTempsOnRead !== false) await this.#removeStaleTemps()
      let bytes: Uint8Array
      const before = await diskIdentity(this.#fs, this.file)
      try {
        bytes = await this.#fs.readFile(this.file)
      } catch (error) {
        if (errorCode(error) === 'ENOENT') {
          this.#known = null
          return null
        }
        throw error
      }
      const parsed = this.#decode(bytes)
      if (!parsed.ok) {
        const recovered = await this.#recover(parsed.reason)
        this.#known = await diskIdentity(this.#fs, this.file)
        return recovered
      }
      this.#known = before
      if (this.#options.backUpOnRead !== false) await this.#keepCopyIfMissing(bytes)
      return parsed.value
    })
  }

  write(data: T): Promise<void> {
    // Serialise now: the caller may change `data` before the queue reaches us.
    let text: string | undefined
    try {
      text = this.#options.pretty ? `${JSON.stringify(data, null, 2)}\n` : JSON.stringify(data)
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new TypeError(String(error)))
    }
    if (typeof text !== 'string') return Promise.reject(new TypeError(`${this.file}: the data is not JSON`))
    return this.writeText(text)
  }

  /**
   * Writes JSON text serialised elsewhere, as a string or UTF-8 bytes (an
   * import's worker thread makes a 40 MB article's text, so main's event
   * loop only writes it), with the same
   * backup, conflict check and atomic rename as `write`. The caller answers
   * for the text being what `write` would have made of valid data.
   */
  writeText(text: string | Uint8Array): Promise<void> {
    const bytes = text
    return runSerially(this.file, async () => {
      await this.#fs.mkdir(dirname(this.file), { recursive: true, mode: PRIVATE_DIR_MODE })
      await this.#refuseIfChangedElsewhere()
      // The copy first: a crash between the two leaves a backup one write ahead, never behind.
      await this.#keepCopy(bytes)
      await writeFileAtomic(this.file, bytes, { fs: this.#fs, mode: PRIVATE_FILE_MODE })
      this.#known = await diskIdentity(this.#fs, this.file)
    })
  }

  /**
   * Refuses to write over a file that is no longer the one this object read
   * or wrote: another program (or a second Hamish that got past the lock)
   * changed it, and writing our copy would silently undo that change.
   */
  async #refuseIfChangedElsewhere(): Promise<void> {
    if (this.#known === undefined) return
    const now = await diskIdentity(this.#fs, this.file)
    if (!sameIdentity(now, this.#known))
      throw new HamishError('storage', localText('messages.fileChangedElsewhere', { file: this.file }))
  }

  /** Parses and validates; never throws. */
  #decode(bytes: Uint8Array): { ok: true; value: T } | { ok: false; reason: string } {
    let value: unknown
    try {
      value = parseJsonBytes(bytes)
    } catch (error) {
      return { ok: false, reason: `not valid JSON: ${describe(error)}` }
    }
    const { validate } = this.#options
    if (validate) {
      let valid: boolean
      try {
        valid = validate(value)
      } catch (error) {
        return { ok: false, reason: `validation threw: ${describe(error)}` }
      }
      if (!valid) return { ok: false, reason: 'the data is not in the expected shape' }
    }
    // JSON `null` is valid JSON but means "no data": lowdb would keep its defaults anyway.
    if (value === null) return { ok: false, reason: 'the file holds null' }
    return { ok: true, value: value as T }
  }

  async #recover(reason: string): Promise<T | null> {
    const movedTo = await this.#moveAside()
    let restored: { path: string; time: number; value: T; newest: boolean } | null = null
    const backups = await listBackups(this.file, this.#options.backupsDir, this.#fs).catch(() => [])
    for (const [i, backup] of backups.entries()) {
      let bytes: Uint8Array
      try {
        bytes = await this.#fs.readFile(backup.path)
      } catch {
        continue
      }
      const parsed = this.#decode(bytes)
      if (!parsed.ok) continue
      await writeFileAtomic(this.file, bytes, { fs: this.#fs, mode: PRIVATE_FILE_MODE })
      restored = { path: backup.path, time: backup.time, value: parsed.value, newest: i === 0 }
      break
    }
    const report: RecoveryReport = {
      file: this.file,
      movedTo,
      restoredFrom: restored?.path ?? null,
      restoredTime: restored?.time ?? null,
      nothingLost: restored?.newest ?? false,
      reason,
    }
    try {
      this.#options.onRecovered?.(report)
    } catch {
      // A failing notice must not stop the file from opening.
    }
    return restored?.value ?? null
  }

  /** Renames the damaged file to a name not yet taken; rename would silently replace an existing one. */
  async #moveAside(): Promise<string> {
    const stamp = `${this.file}.corrupt-${Date.now()}`
    for (let n = 0; ; n++) {
      const candidate = n === 0 ? stamp : `${stamp}-${n}`
      if (await exists(this.#fs, candidate)) continue
      await this.#fs.rename(this.file, candidate)
      return candidate
    }
  }

  /** Keeps `bytes` as the newest backup; a failure is reported, never thrown. */
  async #keepCopy(bytes: string | Uint8Array): Promise<void> {
    try {
      await keepBackupCopy(this.file, bytes, this.#options.backupsDir, {
        keep: this.#options.keepBackups ?? DEFAULT_KEEP_BACKUPS,
        fs: this.#fs,
      })
    } catch (error) {
      this.#backupFailed(error)
    }
  }

  /** After a good read: a copy of the file as it is, unless the newest backup already holds it. */
  async #keepCopyIfMissing(bytes: Uint8Array): Promise<void> {
    let held: boolean
    try {
      held = await newestBackupHolds(this.file, bytes, this.#options.backupsDir, this.#fs)
    } catch (error) {
      this.#backupFailed(error)
      return
    }
    if (!held) await this.#keepCopy(bytes)
  }

  /** A missing safety net must not cost the user the save (or the read) itself. */
  #backupFailed(error: unknown): void {
    try {
      this.#options.onBackupFailed?.(error)
    } catch {
      // ignored, as documented
    }
  }

  async #removeStaleTemps(): Promise<void> {
    await removeStaleTemps(dirname(this.file), escapeRegExp(basename(this.file)), this.#fs)
    await removeStaleTemps(this.#options.backupsDir, backupNamePattern(this.file), this.#fs)
  }
}

async function exists(fs: StoreFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path)
    return true
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false
    throw error
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
