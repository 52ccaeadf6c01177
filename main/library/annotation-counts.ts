import { JsonFile } from '../store/json-file'
import type { StoreFs } from '../store/store-fs'
import type { CountStamp } from './annotation-log'
import type { AnnotationLogs } from './annotation-logs'
import type { LibraryPaths } from './library-paths'

/** annotation-counts.json: per article, its live count and the log file it was counted from. */
interface CountsFile {
  version: 1
  counts: Record<string, CountStamp>
}

const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0
const isTime = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0

function isCountsFile(data: unknown): data is CountsFile {
  if (typeof data !== 'object' || data === null) return false
  const { version, counts } = data as Partial<CountsFile>
  if (version !== 1 || typeof counts !== 'object' || counts === null || Array.isArray(counts)) return false
  return Object.values(counts).every(
    (c: unknown) =>
      typeof c === 'object' &&
      c !== null &&
      isCount((c as CountStamp).live) &&
      isCount((c as CountStamp).size) &&
      isTime((c as CountStamp).mtimeMs),
  )
}

/** How long after a change the counts file is written: changes in a burst cost one write. */
const SAVE_DELAY_MS = 2000

/**
 * The library list's annotation counts, derived from the annotation logs and
 * never written on a change's save path.
 *
 * Held in memory and kept in annotation-counts.json with, for each article,
 * the size and modification time of the log it was counted from. At open a
 * count is trusted only while its log is still exactly that file (a stat);
 * any other — a change the file missed because the app was killed, a log
 * compacted or repaired, a damaged or missing counts file — is counted again
 * from the log, which is the truth. The file is written a little after
 * changes, atomically; losing it costs only a recount.
 */
export class AnnotationCounts {
  readonly #file: JsonFile<CountsFile>
  readonly #logs: AnnotationLogs
  #stamps: Record<string, CountStamp> = {}
  readonly #dirty = new Set<string>()
  #timer: ReturnType<typeof setTimeout> | null = null
  #saving: Promise<void> = Promise.resolve()

  constructor(paths: LibraryPaths, logs: AnnotationLogs, fs?: StoreFs) {
    this.#logs = logs
    this.#file = new JsonFile<CountsFile>(paths.annotationCountsFile, {
      backupsDir: paths.backupsDir,
      keepBackups: 1,
      // Derived data: a damaged file is counted again, not restored.
      backUpOnRead: false,
      validate: isCountsFile,
      fs,
    })
  }

  /** The live annotations of article `id` (0 for one never counted: it has no log). */
  of(id: string): number {
    return this.#stamps[id]?.live ?? 0
  }

  /**
   * At open: reads the counts file and recounts every listed article whose
   * log is not the file its count was taken from; forgets unlisted ones.
   * Written back at once when anything changed.
   */
  async reconcile(ids: readonly string[]): Promise<void> {
    const saved = (await this.#file.read().catch(() => null))?.counts ?? {}
    const stamps: Record<string, CountStamp> = {}
    let changed = Object.keys(saved).some((id) => !ids.includes(id))
    for (const id of ids) {
      const kept = saved[id]
      const now = await this.#logs.statOf(id)
      if (kept && now && kept.size === now.size && kept.mtimeMs === now.mtimeMs) stamps[id] = kept
      else if (!now) {
        // No log, no annotations: nothing to keep for it.
        changed ||= kept !== undefined
      } else {
        stamps[id] = await (await this.#logs.log(id)).stamp()
        changed = true
      }
    }
    this.#stamps = stamps
    if (changed) await this.#write().catch(() => undefined)
  }

  /** After a saved change to article `id`'s annotations: its count now (`live`), the file written a little later. */
  changed(id: string, live: number): void {
    this.#stamps[id] = { live, size: 0, mtimeMs: 0 }
    this.#dirty.add(id)
    this.#timer ??= setTimeout(() => void this.flush(), SAVE_DELAY_MS)
    this.#timer.unref?.()
  }

  /** Forgets an article deleted for good. */
  forget(id: string): void {
    delete this.#stamps[id]
    this.#dirty.add(id)
  }

  /**
   * Writes the counts of the articles changed since the last write, each
   * stamped with its log as it is now. Errors are swallowed: a count the
   * file misses is recounted at the next open.
   */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    const ids = [...this.#dirty]
    if (ids.length === 0) return this.#saving.catch(() => undefined)
    this.#dirty.clear()
    this.#saving = this.#saving
      .catch(() => undefined)
      .then(async () => {
        for (const id of ids)
          if (this.#stamps[id]) this.#stamps[id] = await (await this.#logs.log(id)).stamp()
        await this.#write()
      })
    return this.#saving.catch(() => undefined)
  }

  #write(): Promise<void> {
    return this.#file.write({ version: 1, counts: this.#stamps })
  }
}
