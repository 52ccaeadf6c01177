import { Low } from 'lowdb'
import { JsonFile, type JsonFileOptions } from './json-file'
import { deepFreeze } from './readonly'
import { SerialQueue } from './serial-queue'

export type { RecoveryReport } from './json-file'

export interface JsonStoreOptions<T> extends JsonFileOptions {
  /**
   * The data when the file does not exist, or was damaged with no usable
   * backup. Called only then, so it may throw to refuse opening.
   */
  defaults: () => T
}

/**
 * One JSON file held in memory, changed only through acknowledged writes:
 * every promise from `update`/`replace` resolves after the new file has been
 * renamed into place, and `.data` only ever shows what is on disk.
 */
export interface JsonStore<T> {
  /** Absolute path of the file. */
  readonly file: string
  /**
   * The data as last written (or read). Deeply frozen at run time: change it
   * with `update`, which keeps memory and disk in step.
   */
  readonly data: Readonly<T>
  /**
   * Applies `mutator` to a copy of the data and writes it; the copy becomes
   * `.data` only once the write succeeded. If the mutator throws or the write
   * fails, the promise rejects and `.data` is unchanged. Updates run one at a
   * time in call order, each seeing the previous one's result. Do not call
   * `update` from inside a mutator: it would wait for itself.
   */
  update(mutator: (draft: T) => void | Promise<void>): Promise<void>
  /** Writes `data` (copied at call time) as the whole content, with the same guarantees as `update`. */
  replace(data: T): Promise<void>
}

/**
 * Opens the store of `file` (lowdb `Low` over a `JsonFile`): reads it,
 * recovering a damaged file from its backups (DESIGN §3), or falls back to
 * `defaults()`. Nothing is written until the first update.
 */
export async function openJsonStore<T>(file: string, options: JsonStoreOptions<T>): Promise<JsonStore<T>> {
  const adapter = new JsonFile<T>(file, options)
  const read = await adapter.read()
  // Defaults are cloned: freezing must not reach objects the caller still holds.
  const db = new Low<T>(adapter, read ?? structuredClone(options.defaults()))
  db.data = deepFreeze(db.data)
  return new Store(adapter.file, db)
}

class Store<T> implements JsonStore<T> {
  readonly file: string
  readonly #db: Low<T>
  readonly #queue = new SerialQueue()

  constructor(file: string, db: Low<T>) {
    this.file = file
    this.#db = db
  }

  get data(): Readonly<T> {
    return this.#db.data
  }

  update(mutator: (draft: T) => void | Promise<void>): Promise<void> {
    return this.#queue.run(async () => {
      const draft = structuredClone(this.#db.data)
      await mutator(draft)
      await this.#commit(draft)
    })
  }

  replace(data: T): Promise<void> {
    let copy: T
    try {
      copy = structuredClone(data)
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new TypeError(String(error)))
    }
    return this.#queue.run(() => this.#commit(copy))
  }

  /** Writes `next`, and only then lets memory show it. */
  async #commit(next: T): Promise<void> {
    await this.#db.adapter.write(next)
    this.#db.data = deepFreeze(next)
  }
}
