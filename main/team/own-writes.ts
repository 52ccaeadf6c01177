import { stat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The files this device last wrote (or removed) in the team folder, with the
 * size and time each had right after: a watcher event that finds a file just
 * as this device left it is an echo of its own write, not a colleague's
 * change, and starts no pass (so a pass's writes never start the next pass).
 */
export class OwnWrites {
  readonly #left = new Map<string, { size: number; mtimeMs: number } | 'removed'>()

  constructor(private readonly root: string) {}

  /** Notes how this device left `paths` (relative, with `/`), after it wrote or removed them. */
  async record(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      const info = await stat(join(this.root, path)).catch(() => null)
      this.#left.set(path, info ? { size: info.size, mtimeMs: info.mtimeMs } : 'removed')
    }
  }

  /** True when `path` is as this device left it: its own write (or removal), nobody else's change. */
  async isOwn(path: string): Promise<boolean> {
    const left = this.#left.get(path)
    if (left === undefined) return false
    const info = await stat(join(this.root, path)).catch(() => null)
    if (left === 'removed') return info === null
    return info !== null && info.size === left.size && info.mtimeMs === left.mtimeMs
  }
}
