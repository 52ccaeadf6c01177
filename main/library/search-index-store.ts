import { join } from 'node:path'
import type { Annotation } from '../../common/annotation'
import { notePlainText } from '../../common/export/note-text'
import {
  SearchEngine,
  type IndexEntry,
  type IndexedAnnotation,
  type PreparedDoc,
} from '../../common/search/engine'
import { prepareDoc } from '../../common/search/prepared-doc'
import { JsonFile, runSerially, type RecoveryReport } from '../store'
import { nodeFs, type StoreFs } from '../store/store-fs'
import { decodeIndexFile, encodeIndexFile, isIndexFile, type IndexFile } from './search-index-codec'

/** An article's index entry: its plain text and, per live annotation, the quote, the note's words and the tags. */
export function indexEntryOf(id: string, text: string, annotations: readonly Annotation[]): IndexEntry {
  return {
    id,
    text,
    annotations: annotations
      .filter((a) => !a.deleted)
      .map((a) => ({
        id: a.id,
        quote: a.target.quote.exact,
        note: notePlainText(a.body.note),
        tags: [...a.body.tags],
      })),
  }
}

/** Annotations of an older index file, their notes' Markdown turned into the words it shows. */
function plainNotes(annotations: readonly IndexedAnnotation[]): IndexedAnnotation[] {
  return annotations.map((a) => ({ ...a, note: notePlainText(a.note) }))
}

export interface SearchIndexOptions {
  dir: string
  backupsDir: string
  onRecovered: (report: RecoveryReport) => void
  /** Reads an article's entry from its own file: only to rebuild a missing or damaged index file. */
  rebuild: (id: string) => Promise<IndexEntry>
  /**
   * An article that could not be loaded (its index file unreadable and its
   * own file missing or damaged) and is left out of text search; told once
   * per article until it loads again. Errors it throws are ignored.
   */
  onSkipped?: (id: string, error: unknown) => void
  /** File-system calls (tests inject failures). */
  fs?: StoreFs
}

/**
 * The persisted search index: one JSON file per article in `search-index/`
 * next to library.json (atomic, acknowledged writes with backups and
 * recovery, like every library file), loaded into a `SearchEngine` on first
 * search. Files are read and written through `JsonFile` without keeping
 * their contents: the engine holds the only (compact) copy. A missing or
 * damaged file is rebuilt from its article and written back; a version 1
 * file is converted from its own text.
 */
export class SearchIndexStore {
  readonly engine = new SearchEngine()
  /** Article files read to rebuild entries (tests check that a search reads none). */
  rebuilt = 0
  /** Articles left out of text search because they could not be loaded (each told once to `onSkipped`). */
  readonly skipped = new Set<string>()
  /** Articles whose index file missed a change (its write failed): rebuilt from the article at their next load. */
  readonly stale = new Set<string>()

  constructor(private readonly options: SearchIndexOptions) {}

  file(id: string): string {
    return join(this.options.dir, `${id}.json`)
  }

  private jsonFile(id: string): JsonFile<IndexFile> {
    return new JsonFile<IndexFile>(this.file(id), {
      backupsDir: this.options.backupsDir,
      validate: isIndexFile(id),
      keepBackups: 1,
      // A damaged index file is rebuilt from its article; checking its backup on every load would only cost reads.
      backUpOnRead: false,
      onRecovered: this.options.onRecovered,
      fs: this.options.fs,
    })
  }

  /** One article's loads and writes take turns, so a load never brings back what a write replaced. */
  private serially<T>(id: string, task: () => Promise<T>): Promise<T> {
    return runSerially(`search-index:${this.file(id)}`, task)
  }

  /**
   * Loads every listed article into the engine, rebuilding the files that are
   * missing, damaged or old. An article that cannot be loaded is left out
   * (`onSkipped`), never the search: the others are still searched, and it
   * is tried again next time.
   */
  async ensure(ids: readonly string[]): Promise<SearchEngine> {
    const missing = ids.filter((id) => !this.engine.has(id))
    const outcomes = await Promise.allSettled(missing.map((id) => this.serially(id, () => this.load(id))))
    outcomes.forEach((outcome, i) => {
      const id = missing[i]!
      if (outcome.status === 'fulfilled') this.skipped.delete(id)
      else if (!this.skipped.has(id)) {
        this.skipped.add(id)
        try {
          this.options.onSkipped?.(id, outcome.reason)
        } catch {
          // A failing notice must not fail the search.
        }
      }
    })
    this.engine.commit()
    return this.engine
  }

  private async load(id: string): Promise<void> {
    if (this.engine.has(id)) return
    const file = this.jsonFile(id)
    // Damage is recovered inside read(); what still throws (permissions, I/O) only costs a rebuild.
    // A stale file is not read at all: it holds an older version of the article's annotations.
    const data = this.stale.has(id) ? null : await file.read().catch(() => null)
    if (data?.version === 3 || data?.version === 2) {
      try {
        const doc = decodeIndexFile(data)
        if (data.version === 3) {
          this.engine.load(doc)
          return
        }
        // Version 2 kept notes in Markdown: the same file with their plain text, no article read.
        const converted = { ...doc, annotations: plainNotes(doc.annotations) }
        await this.writeBack(file, converted)
        this.engine.load(converted)
        return
      } catch {
        // Parts that do not fit together: rebuilt from the article below.
      }
    }
    let entry: IndexEntry
    if (data?.version === 1) entry = { id, text: data.text, annotations: plainNotes(data.annotations) }
    else {
      entry = await this.options.rebuild(id)
      this.rebuilt++
    }
    const doc = prepareDoc(entry)
    if (await this.writeBack(file, doc)) this.stale.delete(id)
    this.engine.load(doc)
  }

  /** Writes a converted or rebuilt entry; if that fails the entry is still searched, and rebuilt next time. */
  private async writeBack(file: JsonFile<IndexFile>, doc: PreparedDoc): Promise<boolean> {
    return file.write(encodeIndexFile(doc)).then(
      () => true,
      () => false,
    )
  }

  /**
   * After a failed `put`: the article's index file still holds the version
   * before the change, and would be loaded as if it were current. It leaves
   * the loaded engine and its file is removed (a full disk still lets a file
   * go), so the next search, in this process or after a restart, rebuilds it
   * from the article's own file, where the change is.
   */
  async markStale(id: string): Promise<void> {
    await this.serially(id, async () => {
      this.stale.add(id)
      this.engine.remove(id)
      await (this.options.fs ?? nodeFs).rm(this.file(id), { force: true }).catch(() => undefined)
    })
  }

  /** Forgets an article deleted for good: its file and its place in the loaded engine. */
  async remove(id: string): Promise<void> {
    await this.serially(id, async () => {
      this.engine.remove(id)
      this.skipped.delete(id)
      this.stale.delete(id)
      await (this.options.fs ?? nodeFs).rm(this.file(id), { force: true })
    })
  }

  /** Writes an article's entry (after import or an annotation change) and updates the loaded engine. */
  async put(entry: IndexEntry): Promise<void> {
    await this.serially(entry.id, async () => {
      // An annotation change keeps the text: reuse what the engine holds instead of folding it again.
      const kept = this.engine.prepared(entry.id, entry.text)
      const doc: PreparedDoc = kept ? { ...kept, annotations: entry.annotations } : prepareDoc(entry)
      await this.jsonFile(entry.id).write(encodeIndexFile(doc))
      this.stale.delete(entry.id)
      if (this.engine.has(entry.id)) this.engine.load(doc)
    })
  }
}
