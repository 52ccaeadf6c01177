import * as v from 'valibot'
import type { Annotation } from '../../common/annotation'
import { AppendLog, type LogRepair } from '../store/append-log'
import { runSerially } from '../store/serial-queue'
import { errorCode, nodeFs, type StoreFs } from '../store/store-fs'
import { storedAnnotationSchema } from './article-file-schema'

/** A record of an annotation log: one annotation as it is after a change (the newest record of an id wins). */
const isAnnotationRecord = (value: unknown): value is Annotation => v.is(storedAnnotationSchema, value)

/**
 * Superseded records a log may carry before it is compacted: beyond twice its
 * annotations (and a floor, so small logs are never rewritten), a change
 * rewrites it. Each compaction writes as many records as the changes since
 * the last one appended at most, so its cost per change stays constant.
 */
function needsCompaction(records: number, annotations: number): boolean {
  return records > 2 * annotations + 256
}

/** An article's live-annotation count and the state of its log file it was counted from (0, 0 when there is none). */
export interface CountStamp {
  live: number
  size: number
  mtimeMs: number
}

/**
 * A change's view of an article's annotations: it reads them, and puts new
 * versions (a new annotation, or a new object replacing one: never an edit in
 * place, and never a removal — a deleted annotation is a tombstone).
 */
export interface AnnotationDraft {
  get(id: string): Annotation | undefined
  /** Every annotation with the draft's puts, in the log's order (new ones last). */
  all(): Annotation[]
  put(annotation: Annotation): void
}

export interface AnnotationLogOptions {
  fs?: StoreFs
  /** Told when opening found a torn tail or damage (the log repairs itself; this is for the notice). */
  onRepaired?: (repair: LogRepair) => void
  /** Told when a compaction failed: nothing is lost (the log stays as it was), it is retried at the next change. */
  onCompactionFailed?: (error: unknown) => void
}

/**
 * One article's annotations, tombstones included, as an append-only log
 * (`annotations/<id>.jsonl`, main/store/append-log.ts): a change appends the
 * annotations it replaced or added, and is saved once that append is flushed.
 * The article's text is never rewritten for it. The log is read once and held
 * here in the order annotations were first written (the order the reader,
 * the exports and the search list them in).
 */
export class AnnotationLog {
  readonly #log: AppendLog<Annotation>
  readonly #byId = new Map<string, Annotation>()
  #live = 0
  readonly #options: AnnotationLogOptions

  private constructor(log: AppendLog<Annotation>, records: Annotation[], options: AnnotationLogOptions) {
    this.#log = log
    // A later record of an id replaces the earlier one but keeps its place.
    for (const a of records) this.#set(a)
    this.#options = options
  }

  /** Opens the log at `file` (a missing one is an article without annotations). */
  static async open(file: string, options: AnnotationLogOptions = {}): Promise<AnnotationLog> {
    const { log, records } = await AppendLog.open<Annotation>(file, {
      isRecord: isAnnotationRecord,
      onRepaired: options.onRepaired,
      fs: options.fs,
    })
    return new AnnotationLog(log, records, options)
  }

  /**
   * Writes a new log holding exactly `annotations` (a new article's, or those
   * converted from an article file), in one atomic write.
   */
  static async create(
    file: string,
    annotations: readonly Annotation[],
    options: AnnotationLogOptions = {},
  ): Promise<AnnotationLog> {
    const { log } = await AppendLog.open<Annotation>(file, { isRecord: isAnnotationRecord, fs: options.fs })
    await log.rewrite(annotations)
    return new AnnotationLog(log, [...annotations], options)
  }

  get file(): string {
    return this.#log.file
  }

  /** Bytes on disk: with the file's modification time, what a derived copy records to tell whether it is behind. */
  get size(): number {
    return this.#log.size
  }

  /** Every annotation, tombstones included, in the order they were first written. */
  all(): Annotation[] {
    return [...this.#byId.values()]
  }

  /** Annotation `id` as saved, tombstone or not. */
  get(id: string): Annotation | undefined {
    return this.#byId.get(id)
  }

  /** Annotations not deleted (kept up to date with every change, never counted again). */
  liveCount(): number {
    return this.#live
  }

  /**
   * Runs `change` on a draft of the log (reads see its own puts) and appends
   * the annotations it put that differ from the saved ones. Resolves once the
   * append is flushed; if it fails nothing is changed here either. Changes to
   * one log take turns, each seeing the previous one's result. A change costs
   * what it puts, not the number of annotations the log holds.
   */
  change<T>(change: (draft: AnnotationDraft) => T): Promise<{ result: T; changed: Annotation[] }> {
    return runSerially(this.#queue, async () => {
      const puts = new Map<string, Annotation>()
      const draft: AnnotationDraft = {
        get: (id) => puts.get(id) ?? this.#byId.get(id),
        all: () => {
          const list = this.all().map((a) => puts.get(a.id) ?? a)
          for (const [id, a] of puts) if (!this.#byId.has(id)) list.push(a)
          return list
        },
        put: (a) => void puts.set(a.id, a),
      }
      const result = change(draft)
      const changed = [...puts.values()].filter((a) => {
        const before = this.#byId.get(a.id)
        return before !== a && (before === undefined || JSON.stringify(before) !== JSON.stringify(a))
      })
      if (changed.length > 0) {
        await this.#log.append(changed)
        for (const a of changed) this.#set(a)
        // Queued behind this change, not awaited by it: the change is saved already.
        if (needsCompaction(this.#log.recordCount, this.#byId.size))
          void runSerially(this.#queue, () => this.#compact())
      }
      return { result, changed }
    })
  }

  /** Keeps an annotation's newest version (in the place of its first) and the live count with it. */
  #set(a: Annotation): void {
    const before = this.#byId.get(a.id)
    if (before && !before.deleted) this.#live--
    if (!a.deleted) this.#live++
    this.#byId.set(a.id, a)
  }

  /**
   * The live count with the file's size and modification time taken at the
   * same moment (between changes): what annotation-counts.json keeps, so the
   * next open trusts the count only while the file is still exactly that.
   */
  stamp(): Promise<CountStamp> {
    return runSerially(this.#queue, async () => {
      const stat = await (this.#options.fs ?? nodeFs).stat(this.#log.file).catch((error: unknown) => {
        if (errorCode(error) === 'ENOENT') return null
        throw error
      })
      return { live: this.liveCount(), size: stat?.size ?? 0, mtimeMs: stat?.mtimeMs ?? 0 }
    })
  }

  /** The queue this log's changes take turns in. */
  get #queue(): string {
    return `annotation-log ${this.#log.file}`
  }

  /** Rewrites the log with one record per annotation; a failure leaves it as it was and is only reported. */
  async #compact(): Promise<void> {
    if (!needsCompaction(this.#log.recordCount, this.#byId.size)) return
    try {
      await this.#log.rewrite(this.all())
    } catch (error) {
      try {
        this.#options.onCompactionFailed?.(error)
      } catch {
        // A failing notice must not fail a change that is already saved.
      }
    }
  }
}
