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
import {
  decodeIndexFile,
  decodeIndexFileV4,
  decodeIndexFileV5,
  encodeIndexFile,
  encodeIndexFileV5,
  isIndexFile,
  type IndexFile,
} from './search-index-codec'
import { isVocabularyFile, type VocabularyFile } from './search-vocabulary-file'

/** Article files read at once when a query needs their texts. */
const TEXT_READS = 4

/** One annotation as the engine searches it: its quote, its note's words (not its Markdown) and its tags. */
export function indexedAnnotation(a: Annotation): IndexedAnnotation {
  // An article note or a reply quotes nothing: its note and tags are what a search finds.
  return {
    id: a.id,
    quote: a.target?.quote.exact ?? '',
    note: notePlainText(a.body.note),
    tags: [...a.body.tags],
  }
}

/**
 * A new article's index file as JSON text (its text postings, no
 * annotations): what `put` writes, made by the import worker so that
 * tokenising a 40 MB text never holds up main's event loop.
 */
export function encodedIndexFile(id: string, text: string): string {
  return JSON.stringify(encodeIndexFile({ ...prepareDoc({ id, text, annotations: [] }), annotations: [] }))
}

export interface SearchIndexOptions {
  dir: string
  backupsDir: string
  onRecovered: (report: RecoveryReport) => void
  /** Reads an article's text from its own file, checked in full: to rebuild a missing or damaged index file. */
  rebuild: (id: string) => Promise<IndexEntry>
  /**
   * Reads an article's plain text from its own file the quick way (parsed,
   * not checked in full): for the articles a query checks or shows. The
   * engine takes it only if it is the text indexed (length and hash), else
   * `rebuild` reads the file checked.
   */
  text: (id: string) => Promise<string>
  /** An article's live annotations as searched, from its annotation log (never from the index file). */
  annotations: (id: string) => Promise<IndexedAnnotation[]>
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
 * their contents: the engine holds the only (compact) copy. A file holds the
 * article's postings, not its text: the texts a query needs are read from
 * the article files then (`ensureTexts`) and kept. A missing or damaged file
 * is rebuilt from its article and written back; a file of an older version
 * is converted from its own text.
 */
export class SearchIndexStore {
  readonly engine = new SearchEngine()
  /** Article files read to rebuild entries (tests check that a search reads none). */
  rebuilt = 0
  /** Articles left out of text search because they could not be loaded (each told once to `onSkipped`). */
  readonly skipped = new Set<string>()
  /** Articles whose index file missed a change (its write failed): rebuilt from the article at their next load. */
  readonly stale = new Set<string>()

  /** Terms the vocabulary file holds (read at the first load, or written since). */
  private savedTerms = 0
  private vocabularyRead: Promise<void> | null = null

  constructor(private readonly options: SearchIndexOptions) {}

  private vocabularyFile(): JsonFile<VocabularyFile> {
    return new JsonFile<VocabularyFile>(join(this.options.dir, 'vocabulary.json'), {
      backupsDir: this.options.backupsDir,
      validate: isVocabularyFile,
      keepBackups: 1,
      sweepTempsOnRead: false,
      onRecovered: this.options.onRecovered,
      fs: this.options.fs,
    })
  }

  /**
   * Starts the engine's vocabulary from vocabulary.json once, before any
   * article is loaded, so version 5 files' ids mean its terms. A missing or
   * unreadable file starts it empty: the article files written against it
   * then fail their stamp and are indexed again.
   */
  private readVocabulary(): Promise<void> {
    this.vocabularyRead ??= (async () => {
      if (this.engine.vocabularyIds > 0) return
      const data = await this.vocabularyFile()
        .read()
        .catch(() => null)
      if (!data) return
      try {
        this.engine.seedVocabulary(data.terms)
        this.savedTerms = data.terms.length
      } catch {
        // Terms twice (a file that passed its checksum but was written wrong): started empty.
      }
    })()
    return this.vocabularyRead
  }

  /**
   * Writes vocabulary.json if it holds fewer than `needed` terms: before an
   * article file naming ids below `needed` is written, so no file on disk
   * names a term the vocabulary file lacks. Concurrent callers share a write.
   */
  private saveVocabulary(needed: number): Promise<void> {
    return runSerially(`search-vocabulary:${this.options.dir}`, async () => {
      if (this.savedTerms >= needed) return
      const n = this.engine.vocabularyIds
      const terms = this.engine.vocabularyWords(n)
      await this.vocabularyFile().write({ version: 1, terms, stamp: this.engine.vocabularyStamp(n) })
      this.savedTerms = n
    })
  }

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
      // Library.open sweeps search-index/ and its backups of temporary files; a read does not list them again.
      sweepTempsOnRead: false,
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
    await this.readVocabulary()
    const missing = ids.filter((id) => !this.engine.has(id))
    const outcomes = await Promise.allSettled(missing.map((id) => this.serially(id, () => this.load(id))))
    outcomes.forEach((outcome, i) => {
      const id = missing[i]!
      // Loaded without its text, it may still be left out when its text cannot be read (`ensureTexts`).
      if (outcome.status === 'fulfilled') {
        if (this.engine.hasText(id)) this.skipped.delete(id)
      } else this.skip(id, outcome.reason)
    })
    this.engine.commit()
    return this.engine
  }

  /** Leaves an article out of text search, told once until it loads again. */
  private skip(id: string, reason: unknown): void {
    this.engine.remove(id)
    if (this.skipped.has(id)) return
    this.skipped.add(id)
    try {
      this.options.onSkipped?.(id, reason)
    } catch {
      // A failing notice must not fail the search.
    }
  }

  /**
   * Gives the engine the texts of these loaded articles (`engine.textsNeeded`),
   * read from the article files a few at a time and then kept. A text that
   * is not the one indexed has its article indexed again from its checked
   * file; an article whose file cannot be read is left out (`onSkipped`).
   */
  async ensureTexts(ids: readonly string[]): Promise<void> {
    const queue = ids.filter((id) => this.engine.has(id) && !this.engine.hasText(id))
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const which = id
        await this.serially(which, () => this.loadText(which))
      }
    }
    await Promise.all(Array.from({ length: Math.min(TEXT_READS, queue.length) }, worker))
    this.engine.commit()
  }

  private async loadText(id: string): Promise<void> {
    if (!this.engine.has(id) || this.engine.hasText(id)) return
    const quick = await this.options.text(id).catch(() => null)
    if (quick !== null && this.engine.setText(id, quick)) {
      this.skipped.delete(id)
      return
    }
    try {
      const { text } = await this.options.rebuild(id)
      this.rebuilt++
      if (!this.engine.setText(id, text)) {
        // Not the text indexed: the index file was of another text; it is made again from this one.
        const doc = prepareDoc({ id, text, annotations: await this.options.annotations(id) })
        this.engine.load(doc)
        await this.writeBack(this.jsonFile(id), id)
      }
      this.skipped.delete(id)
    } catch (error) {
      this.skip(id, error)
    }
  }

  private async load(id: string): Promise<void> {
    if (this.engine.has(id)) return
    const file = this.jsonFile(id)
    // Damage is recovered inside read(); what still throws (permissions, I/O) only costs a rebuild.
    // A stale file is not read at all: a write of it failed, so it may not hold the article's text.
    const data = this.stale.has(id) ? null : await file.read().catch(() => null)
    // Annotations come from their logs, never from the file (files before version 4 held them).
    const annotations = await this.options.annotations(id)
    if (data?.version === 5) {
      // Read only against the vocabulary it was written with; otherwise indexed again from the article.
      if (
        data.terms <= this.engine.vocabularyIds &&
        this.engine.vocabularyStamp(data.terms) === data.vocabulary
      ) {
        try {
          const { doc, postings } = decodeIndexFileV5(data)
          this.engine.loadIds({ ...doc, annotations }, postings, data.terms)
          return
        } catch {
          // A stream that fails its checksum, or postings that do not frame: rebuilt below.
        }
      }
    }
    if (data?.version === 4) {
      try {
        // Written at import (the import worker has no vocabulary): its terms interned, then written as version 5.
        this.engine.load({ ...decodeIndexFileV4(data), annotations }, false)
        await this.writeBack(file, id)
        return
      } catch {
        // A stream that fails its checksum, or parts that do not fit together: rebuilt below.
      }
    }
    if (data?.version === 3 || data?.version === 2) {
      try {
        // An older file holds the text: converted from it without reading the article.
        const doc = { ...decodeIndexFile(data), annotations }
        this.engine.load(doc)
        await this.writeBack(file, id)
        return
      } catch {
        // Parts that do not fit together: rebuilt from the article below.
      }
    }
    let text: string
    if (data?.version === 1) text = data.text
    else {
      text = (await this.options.rebuild(id)).text
      this.rebuilt++
    }
    this.engine.load(prepareDoc({ id, text, annotations }))
    if (await this.writeBack(file, id)) this.stale.delete(id)
  }

  /**
   * An article's annotations changed: the loaded engine takes the new list
   * (its entries prepared by the caller, only the changed ones anew). An
   * article not loaded yet reads them from its log when it is.
   */
  async setAnnotations(id: string, annotations: IndexedAnnotation[]): Promise<void> {
    await this.serially(id, async () => {
      if (this.engine.has(id)) this.engine.setAnnotations(id, annotations)
    })
  }

  /**
   * Writes a loaded (converted or rebuilt) article as version 5, after the
   * vocabulary file holds every id it names; if either write fails the
   * article is still searched, and converted or rebuilt next time.
   */
  private async writeBack(file: JsonFile<IndexFile>, id: string): Promise<boolean> {
    try {
      const terms = this.engine.vocabularyIds
      await this.saveVocabulary(terms)
      const stored = this.engine.stored(id)
      if (!stored) return false
      const { doc, postings } = stored
      await file.write(encodeIndexFileV5(doc, postings, terms, this.engine.vocabularyStamp(terms)))
      return true
    } catch {
      return false
    }
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

  /**
   * Writes a new article's index file prepared elsewhere (`encodedIndexFile`,
   * in the import worker). The engine loads it from the file at its next
   * search, like every article not yet searched.
   */
  async putEncoded(id: string, json: Uint8Array): Promise<void> {
    await this.serially(id, async () => {
      this.engine.remove(id)
      await this.jsonFile(id).writeText(json)
      this.stale.delete(id)
    })
  }

  /** Writes a new article's text postings (its annotations are not written) and updates the loaded engine. */
  async put(entry: IndexEntry): Promise<void> {
    await this.serially(entry.id, async () => {
      const kept = this.engine.prepared(entry.id, entry.text)
      const doc: PreparedDoc = kept ? { ...kept, annotations: entry.annotations } : prepareDoc(entry)
      await this.jsonFile(entry.id).write(encodeIndexFile({ ...doc, annotations: [] }))
      this.stale.delete(entry.id)
      if (this.engine.has(entry.id)) this.engine.load(doc)
    })
  }
}
