import { readdir, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runSerially } from '../store/serial-queue'

const SUFFIX = '.derived-pending'

/**
 * Marks which articles may have derived data (the annotation count in
 * library.json, the search-index file) behind their article file.
 *
 * An annotation change is acknowledged once the article file is written; the
 * count and the index are written after it, and a crash or a full disk
 * between leaves them behind. So before the article file is written an empty
 * `articles/<id>.derived-pending` is created beside it — the article write's
 * folder flush makes it durable with the article — and once the count and
 * index are written it is removed. The library repairs every article still
 * marked when it opens. Changes to one article may overlap, so the mark stays
 * until the last of them is done.
 */
export class DerivedPending {
  readonly #dir: string
  readonly #inFlight = new Map<string, number>()
  /** Articles a change left behind in this run: marked until a repair. */
  readonly #behind = new Set<string>()

  constructor(articlesDir: string) {
    this.#dir = articlesDir
  }

  /**
   * Call before writing the article file of `id`; resolves once the mark is
   * on disk. Marks and unmarks of one article run in the order they were
   * asked for, so an overlapping change never writes before the mark, and a
   * finishing change's unmark never removes the mark of one just begun.
   */
  async begin(id: string): Promise<void> {
    const n = this.#inFlight.get(id) ?? 0
    this.#inFlight.set(id, n + 1)
    await runSerially(this.#file(id), () =>
      n === 0 ? writeFile(this.#file(id), '', { mode: 0o600 }) : undefined,
    )
  }

  /**
   * Call when a change begun with `begin` is over: `caughtUp` says whether its
   * count and index were written. The mark goes only when every change is over
   * and all caught up; otherwise it waits for the repair at the next open.
   */
  async end(id: string, caughtUp: boolean): Promise<void> {
    const n = (this.#inFlight.get(id) ?? 1) - 1
    if (!caughtUp) this.#behind.add(id)
    if (n > 0) {
      this.#inFlight.set(id, n)
      return
    }
    this.#inFlight.delete(id)
    if (this.#behind.has(id)) return
    await this.clear(id)
  }

  /** Removes the mark after a repair brought the article's derived data up to date. */
  async clear(id: string): Promise<void> {
    this.#behind.delete(id)
    await runSerially(this.#file(id), async () => {
      if ((this.#inFlight.get(id) ?? 0) > 0) return // a change begun meanwhile keeps its mark
      try {
        await unlink(this.#file(id))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    })
  }

  /** The articles marked on disk: left by a crash or a failed write, to repair. */
  async marked(): Promise<string[]> {
    const names = await readdir(this.#dir).catch(() => [] as string[])
    return names.filter((name) => name.endsWith(SUFFIX)).map((name) => name.slice(0, -SUFFIX.length))
  }

  #file(id: string): string {
    return join(this.#dir, `${id}${SUFFIX}`)
  }
}
