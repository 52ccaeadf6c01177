import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Annotation } from '../../common/annotation'
import { SearchEngine, type IndexEntry } from '../../common/search/engine'
import { openJsonStore, type JsonStore, type RecoveryReport } from '../store/json-store'

/** search-index/<id>.json: what search needs of one article, so a search never opens the article files. */
export interface IndexFile extends IndexEntry {
  version: 1
  /** Set only on the placeholder of a missing or damaged file: rebuild from the article. */
  stale?: true
}

export function indexEntryOf(id: string, text: string, annotations: readonly Annotation[]): IndexEntry {
  return {
    id,
    text,
    annotations: annotations
      .filter((a) => !a.deleted)
      .map((a) => ({ id: a.id, quote: a.target.quote.exact, note: a.body.note, tags: [...a.body.tags] })),
  }
}

function isIndexFile(id: string) {
  return (data: unknown): data is IndexFile => {
    if (typeof data !== 'object' || data === null) return false
    const d = data as Partial<IndexFile>
    return (
      d.version === 1 &&
      d.id === id &&
      typeof d.text === 'string' &&
      Array.isArray(d.annotations) &&
      d.annotations.every((a) => typeof a?.id === 'string' && typeof a.quote === 'string')
    )
  }
}

export interface SearchIndexOptions {
  dir: string
  backupsDir: string
  onRecovered: (report: RecoveryReport) => void
  /** Reads an article's entry from its own file: only to rebuild a missing or damaged index file. */
  rebuild: (id: string) => Promise<IndexEntry>
}

/**
 * The persisted search index: one small JSON store per article in
 * `search-index/` next to library.json (atomic, acknowledged writes with
 * backups and recovery, like every library file), loaded into a
 * `SearchEngine` on first search. A missing or damaged file is rebuilt from
 * its article and written back.
 */
export class SearchIndexStore {
  readonly engine = new SearchEngine()
  private readonly stores = new Map<string, Promise<JsonStore<IndexFile>>>()
  /** Article files read to rebuild entries (tests check that a search reads none). */
  rebuilt = 0

  constructor(private readonly options: SearchIndexOptions) {}

  file(id: string): string {
    return join(this.options.dir, `${id}.json`)
  }

  private store(id: string): Promise<JsonStore<IndexFile>> {
    let s = this.stores.get(id)
    if (!s) {
      s = mkdir(this.options.dir, { recursive: true }).then(() =>
        openJsonStore<IndexFile>(this.file(id), {
          defaults: () => ({ version: 1, id, text: '', annotations: [], stale: true }),
          backupsDir: this.options.backupsDir,
          validate: isIndexFile(id),
          keepBackups: 1,
          onRecovered: this.options.onRecovered,
        }),
      )
      s.catch(() => this.stores.delete(id))
      this.stores.set(id, s)
    }
    return s
  }

  /** Loads every listed article into the engine, rebuilding the files that are missing or damaged. */
  async ensure(ids: readonly string[]): Promise<SearchEngine> {
    const missing = ids.filter((id) => !this.engine.has(id))
    await Promise.all(
      missing.map(async (id) => {
        const store = await this.store(id)
        if (store.data.stale) {
          const entry = await this.options.rebuild(id)
          this.rebuilt++
          await store.replace({ version: 1, ...entry })
        }
        if (!this.engine.has(id)) this.engine.put(store.data)
      }),
    )
    return this.engine
  }

  /** Writes an article's entry (after import or an annotation change) and updates the loaded engine. */
  async put(entry: IndexEntry): Promise<void> {
    const store = await this.store(entry.id)
    await store.replace({ version: 1, ...entry })
    if (this.engine.has(entry.id)) this.engine.put(store.data)
  }
}
