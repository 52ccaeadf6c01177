import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type {
  AnnotationImportRequest,
  AnnotationImportResult,
  ConflictResolution,
} from '../../common/contract/annotation-import'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { plainText } from '../../common/plain-text'
import {
  mergeAnnotations,
  orphanedAfterMerge,
  resolveConflict,
  suggestArticles,
  toAnnotationCollection,
  type ConflictChoice,
  type Rejection,
} from '../../common/sharing'
import { ANNOTATION_FILE } from '../../common/export/formats'
import { anchored } from './annotations'
import { annotationFileName, readAnnotationFileBytes } from './annotation-files'
import { findAnnotation, type AnnotationService } from './annotation-service'
import type { ArticleFiles } from './article-files'
import type { ArticleLifecycle } from './article-lifecycle'
import type { Catalog } from './catalog'
import { GENERATOR, type ExportedFile } from '../export/exporter'
import { fingerprintOf } from './fingerprint'
import { refuseNewOwn } from './own-annotations'
import type { ReaderSettings } from './reader-settings'

/** What sharing works with. */
export interface SharingDeps {
  now: () => Date
  catalog: Catalog
  files: ArticleFiles
  annotations: AnnotationService
  lifecycle: ArticleLifecycle
  settings: ReaderSettings
}

/**
 * Annotation files between colleagues: an article's annotations as a W3C
 * AnnotationCollection, a colleague's merged in (one flushed append to
 * the article's annotation log, landing whole or not at all), and the user's choice
 * about a version kept beside one of theirs.
 */
export class SharingService {
  readonly #deps: SharingDeps

  constructor(deps: SharingDeps) {
    this.#deps = deps
  }

  /** An article's annotations, tombstones included, as a W3C AnnotationCollection file (with the article for a bundle). */
  async exportAnnotationFile(articleId: string, options: { bundle: boolean }): Promise<ExportedFile> {
    const summary = this.#deps.catalog.summary(articleId)
    const { doc, text, annotations } = await this.#deps.annotations.stored(articleId)
    const collection = toAnnotationCollection({
      article: summary,
      annotations,
      // Selectors as they are in this copy of the text, so the file agrees with its own fingerprint.
      text,
      bundle: options.bundle ? { doc } : undefined,
      generator: GENERATOR,
      exportedAt: this.#deps.now().toISOString(),
    })
    return {
      fileName: annotationFileName(summary.title, options),
      mimeType: ANNOTATION_FILE.mime,
      bytes: new TextEncoder().encode(JSON.stringify(collection, null, 2)),
    }
  }

  /**
   * Merges a colleague's annotation file into its article: found by
   * fingerprint, else the one the user chose, else created from a bundle,
   * else the user is asked (with suggestions). Asks before an import that
   * would leave every note unplaced, and never takes a new annotation signed
   * with the user's own id from a file.
   */
  async importAnnotationFile(req: AnnotationImportRequest): Promise<AnnotationImportResult> {
    const { catalog, files, annotations, lifecycle, settings } = this.#deps
    const name = basename(req.name)
    const parsed = readAnnotationFileBytes(name, req.bytes)
    const owner = (await settings.getProfile()).authorId
    const nowMs = this.#deps.now().getTime()
    const ahead = parsed.annotations.filter((a) => Date.parse(a.modified) > nowMs).map((a) => a.id)
    if (parsed.bundle && parsed.fingerprint && fingerprintOf(parsed.bundle.doc) !== parsed.fingerprint) {
      throw new HamishError('invalid-content', localText('messages.bundleFingerprint', { name }))
    }
    const found = req.articleId
      ? catalog.summary(req.articleId)
      : catalog.all.find((a) => parsed.fingerprint && a.fingerprint === parsed.fingerprint && !a.trashed)
    if (!found && parsed.bundle) {
      const own = refuseNewOwn(parsed, new Set(), owner)
      const doc = parsed.bundle.doc
      const summary = await lifecycle.addArticle(
        {
          title: parsed.title || name,
          date: parsed.bundle.date,
          lang: parsed.bundle.lang,
          dir: parsed.bundle.dir,
          doc,
          meta: parsed.meta,
        },
        parsed.bundle.source || name,
        fingerprintOf(doc),
        [...parsed.annotations],
      )
      const prepared = files.prepared(summary.id, doc)
      const live = parsed.annotations.filter((a) => !a.deleted)
      return {
        status: 'imported',
        report: {
          articleId: summary.id,
          articleTitle: summary.title,
          articleCreated: true,
          added: parsed.annotations.map((a) => a.id),
          updated: [],
          unchanged: [],
          older: [],
          deleted: parsed.annotations.filter((a) => a.deleted).map((a) => a.id),
          conflicts: [],
          orphaned: orphanedAfterMerge(prepared, live),
          rejected: [...parsed.rejected, ...own],
          ...(parsed.adjusted ? { adjusted: parsed.adjusted } : {}),
          ahead,
        },
      }
    }
    if (!found) {
      const articles = await Promise.all(
        catalog.all
          .filter((a) => !a.trashed)
          .map(async (a) => ({
            id: a.id,
            title: a.title,
            text: plainText((await files.store(a.id)).data.doc),
          })),
      )
      return {
        status: 'needs-article',
        fileTitle: parsed.title,
        candidates: suggestArticles(parsed, articles).slice(0, 5),
      }
    }
    if (req.articleId && !req.confirmOrphans && found.fingerprint !== parsed.fingerprint) {
      const file = (await files.store(found.id)).data
      // Only highlights can be unplaced: notes on the article and replies mark no passage.
      const live = parsed.annotations.filter((a) => !a.deleted && a.target)
      const prepared = files.prepared(found.id, file.doc)
      if (live.length > 0 && orphanedAfterMerge(prepared, live).length === live.length)
        return { status: 'all-orphans', articleId: found.id, articleTitle: found.title, count: live.length }
    }
    let own: Rejection[] = []
    const report = await annotations.change(found.id, (draft, prepared) => {
      const list = draft.all()
      own = refuseNewOwn(parsed, new Set(list.map((a) => a.id)), owner)
      const { merged, report: merge } = mergeAnnotations(list, parsed.annotations, { owner, showLocal: true })
      for (const a of merged) draft.put(a)
      // Orphans among what came in: added, updated, or won a tie as the incoming version.
      const touched = [
        ...merge.added,
        ...merge.updated,
        ...merge.conflicts.filter((c) => c.kept === 'incoming').map((c) => c.id),
      ]
      const { added, updated, unchanged, older, deleted, conflicts } = merge
      return {
        added,
        updated,
        unchanged,
        older,
        deleted,
        conflicts,
        orphaned: orphanedAfterMerge(prepared, merged, touched),
      }
    })
    return {
      status: 'imported',
      report: {
        articleId: found.id,
        articleTitle: found.title,
        articleCreated: false,
        ...report,
        rejected: [...parsed.rejected, ...own],
        ...(parsed.adjusted ? { adjusted: parsed.adjusted } : {}),
        ahead,
      },
    }
  }

  /**
   * The user's choice about a version kept beside an annotation ("their
   * version"): one flushed append to the article's annotation log (two annotations
   * for "both": yours, and a new one of yours carrying their text).
   */
  async resolveAnnotationConflict(
    articleId: string,
    annotationId: string,
    versionId: string,
    choice: ConflictChoice,
  ): Promise<ConflictResolution> {
    const profile = await this.#deps.settings.getProfile()
    return this.#deps.annotations.change(articleId, (draft, prepared) => {
      const current = findAnnotation(draft, annotationId, { live: false })
      const { annotation, added } = resolveConflict(current, versionId, choice, {
        me: { id: profile.authorId, name: profile.displayName },
        id: randomUUID(),
        now: this.#deps.now(),
      })
      draft.put(annotation)
      if (added) draft.put(added)
      return { annotation: anchored(prepared, annotation), added: added ? anchored(prepared, added) : null }
    })
  }
}
