import { rm } from 'node:fs/promises'
import { prepareText, type AnchorText } from '../../common/anchoring'
import type { DocNode } from '../../common/document'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { plainText } from '../../common/plain-text'
import { JsonFile } from '../store/json-file'
import { openJsonStore, type JsonStore, type RecoveryReport } from '../store/json-store'
import { runSerially } from '../store/serial-queue'
import type { StoreFs } from '../store/store-fs'
import { isArticleFile, type ArticleFile } from './library-data'
import type { LibraryPaths } from './library-paths'

/**
 * The article files (`articles/<id>.json`, an article's text, written once
 * at import): one store per article, opened on first need and kept, and the
 * article's plain text prepared for anchoring once and reused for every
 * annotation.
 */
export class ArticleFiles {
  readonly #paths: LibraryPaths
  readonly #fs: StoreFs | undefined
  readonly #onRecovered: (report: RecoveryReport, id: string) => void
  readonly #stores = new Map<string, Promise<JsonStore<ArticleFile>>>()
  readonly #prepared = new Map<string, AnchorText>()

  constructor(
    paths: LibraryPaths,
    fs: StoreFs | undefined,
    onRecovered: (report: RecoveryReport, id: string) => void,
  ) {
    this.#paths = paths
    this.#fs = fs
    this.#onRecovered = onRecovered
  }

  /** The store of article `id`; a file damaged past its backups is an error that says so. */
  store(id: string): Promise<JsonStore<ArticleFile>> {
    const cached = this.#stores.get(id)
    if (cached) return cached
    const store = openJsonStore<ArticleFile>(this.#paths.articleFile(id), {
      defaults: () => {
        throw new HamishError('storage', localText('messages.articleFileDamaged', { id }))
      },
      backupsDir: this.#paths.backupsDir,
      validate: isArticleFile(id),
      fs: this.#fs,
      onRecovered: (report: RecoveryReport) => this.#onRecovered(report, id),
    })
    store.catch(() => this.#stores.delete(id))
    this.#stores.set(id, store)
    return store
  }

  /** The article's plain text, prepared for anchoring: built on first need. */
  prepared(id: string, doc: DocNode): AnchorText {
    let prepared = this.#prepared.get(id)
    if (!prepared) {
      prepared = prepareText(plainText(doc))
      this.#prepared.set(id, prepared)
    }
    return prepared
  }

  /** Whether article `id`'s store is open (its text held in memory). */
  isOpen(id: string): boolean {
    return this.#stores.has(id)
  }

  /** Lets go of an article's store and prepared text (a pass over every article must not keep them all). */
  release(id: string): void {
    this.#stores.delete(id)
    this.#prepared.delete(id)
  }

  /**
   * Writes a new article's file: its text, written once (annotations live in
   * their own log); on failure nothing of it stays behind.
   */
  async create(id: string, doc: DocNode): Promise<void> {
    const store = await openJsonStore<ArticleFile>(this.#paths.articleFile(id), {
      defaults: () => ({ version: 1, id, doc }),
      backupsDir: this.#paths.backupsDir,
      validate: isArticleFile(id),
      fs: this.#fs,
    })
    try {
      await store.replace({ version: 1, id, doc })
    } catch (error) {
      await rm(this.#paths.articleFile(id), { force: true })
      throw error
    }
    this.#stores.set(id, Promise.resolve(store))
  }

  /**
   * Writes a new article's file from JSON text prepared by the import
   * worker (main/import/prepared-import.ts), with the backup and atomic
   * rename of every article file; on failure nothing of it stays behind.
   * The text is not parsed here: the article's store opens it when it is
   * first read, and checks it then like any file.
   */
  async createFromJson(id: string, json: Uint8Array): Promise<void> {
    const file = new JsonFile<ArticleFile>(this.#paths.articleFile(id), {
      backupsDir: this.#paths.backupsDir,
      validate: isArticleFile(id),
      fs: this.#fs,
    })
    try {
      await file.writeText(json)
    } catch (error) {
      await rm(this.#paths.articleFile(id), { force: true })
      throw error
    }
  }

  /** Removes the file of an article no longer listed, after any write still queued for it. */
  async remove(id: string): Promise<void> {
    const file = this.#paths.articleFile(id)
    this.#stores.delete(id)
    this.#prepared.delete(id)
    await runSerially(file, () => rm(file, { force: true }))
  }
}
