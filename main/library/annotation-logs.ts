import { mkdir, rm } from 'node:fs/promises'
import type { Annotation } from '../../common/annotation'
import type { LogRepair } from '../store/append-log'
import { PRIVATE_DIR_MODE } from '../store/file-modes'
import { runSerially } from '../store/serial-queue'
import { errorCode, nodeFs, type StoreFs } from '../store/store-fs'
import { AnnotationLog } from './annotation-log'
import type { LibraryPaths } from './library-paths'

export interface AnnotationLogsOptions {
  fs?: StoreFs
  /** A log of article `id` was repaired when opened (a torn tail dropped, damage kept aside): for a notice. */
  onRepaired: (repair: LogRepair, id: string) => void
  /** A compaction of article `id`'s log failed (nothing lost): for a notice. */
  onCompactionFailed: (error: unknown, id: string) => void
}

/**
 * Every article's annotation log (annotations/<id>.jsonl): opened on first
 * need and kept, created for a new article, removed with it.
 */
export class AnnotationLogs {
  readonly #paths: LibraryPaths
  readonly #options: AnnotationLogsOptions
  readonly #logs = new Map<string, Promise<AnnotationLog>>()

  constructor(paths: LibraryPaths, options: AnnotationLogsOptions) {
    this.#paths = paths
    this.#options = options
  }

  /** Article `id`'s log, read once; a missing file is an article without annotations. */
  log(id: string): Promise<AnnotationLog> {
    const cached = this.#logs.get(id)
    if (cached) return cached
    const log = AnnotationLog.open(this.#paths.annotationLog(id), this.#logOptions(id))
    log.catch(() => this.#logs.delete(id))
    this.#logs.set(id, log)
    return log
  }

  /** Size and modification time of article `id`'s log file; null when it has none. */
  async statOf(id: string): Promise<{ size: number; mtimeMs: number } | null> {
    try {
      const { size, mtimeMs } = await (this.#options.fs ?? nodeFs).stat(this.#paths.annotationLog(id))
      return { size, mtimeMs }
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    }
  }

  /** Writes article `id`'s log holding `annotations` (atomically: all of them or no file). */
  async create(id: string, annotations: readonly Annotation[]): Promise<void> {
    await mkdir(this.#paths.annotationsDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    const log = AnnotationLog.create(this.#paths.annotationLog(id), annotations, this.#logOptions(id))
    await log
    this.#logs.set(id, log)
  }

  /** Removes an article's log, after any change still queued for it. */
  async remove(id: string): Promise<void> {
    const file = this.#paths.annotationLog(id)
    const log = this.#logs.get(id)
    this.#logs.delete(id)
    const opened = await log?.catch(() => undefined)
    // An empty change takes its turn behind every queued one, then the file goes.
    await opened?.change(() => undefined)
    await runSerially(file, () => rm(file, { force: true }))
  }

  #logOptions(id: string) {
    return {
      fs: this.#options.fs,
      onRepaired: (repair: LogRepair) => this.#options.onRepaired(repair, id),
      onCompactionFailed: (error: unknown) => this.#options.onCompactionFailed(error, id),
    }
  }
}
