import { openJsonStore, type JsonStore, type RecoveryReport } from '../store/json-store'
import type { StoreFs } from '../store/store-fs'
import { isReadingPositions } from './library-data'
import type { LibraryPaths } from './library-paths'

interface PositionsData {
  version: 1
  /** Article id → the code-point offset of the text at the top of the screen when it was left. */
  positions: Record<string, number>
}

function isPositionsData(data: unknown): data is PositionsData {
  if (typeof data !== 'object' || data === null) return false
  const { version, positions } = data as Partial<PositionsData>
  return version === 1 && isReadingPositions(positions)
}

/**
 * Where each article was left, in positions.json: saved every time the
 * reader scrolls and closes, so it lives in a small file of its own instead
 * of rewriting library.json (0.8 MB with 2,000 articles) each time. A
 * library from before keeps its positions in library.json; they are read
 * from there until the first position is saved here, and never written
 * there again.
 */
export class ReadingPositions {
  readonly #store: JsonStore<PositionsData>

  private constructor(store: JsonStore<PositionsData>) {
    this.#store = store
  }

  /** Opens positions.json; a missing one starts from `legacy` (library.json's), writing nothing yet. */
  static async open(
    paths: LibraryPaths,
    legacy: Readonly<Record<string, number>>,
    options: { fs?: StoreFs; onRecovered: (report: RecoveryReport) => void },
  ): Promise<ReadingPositions> {
    const store = await openJsonStore<PositionsData>(paths.positionsFile, {
      defaults: () => ({ version: 1, positions: { ...legacy } }),
      backupsDir: paths.backupsDir,
      validate: isPositionsData,
      fs: options.fs,
      onRecovered: options.onRecovered,
    })
    return new ReadingPositions(store)
  }

  get(id: string): number | null {
    const { positions } = this.#store.data
    return Object.prototype.hasOwnProperty.call(positions, id) ? (positions[id] ?? null) : null
  }

  async set(id: string, offset: number): Promise<void> {
    if (this.get(id) === offset) return
    await this.#store.update((d) => {
      d.positions[id] = offset
    })
  }

  /** Forgets an article deleted for good. */
  async remove(id: string): Promise<void> {
    if (this.get(id) === null) return
    await this.#store.update((d) => {
      delete d.positions[id]
    })
  }
}
