import type { HamishApi } from '../../common/contract/methods'
import type { ReadingSettings } from '../../common/article'
import type { LinkToOpen } from '../../common/hamish-link'
import type { ExportHost } from '../export/export-host'
import { planExport, readyExport, type PdfPrinter } from '../export/exporter'
import { citationExport } from '../export/citation-export'
import type { Library } from './library'
import { LiveTeam } from '../team/live-team'
import { ReaderTexts } from './reader-texts'

/** How this transport delivers exports, and how it prints PDF. */
export interface ExportServices {
  host: ExportHost
  printPdf: PdfPrinter
  /** Told after settings are saved (Electron rebuilds its native menu in the new interface language). */
  onSettingsChanged?: (settings: ReadingSettings) => void
  /** The `hamish://` link the app was started with, handed over once (Electron); none in the preview. */
  takeLinkToOpen?: () => LinkToOpen | null
}

/**
 * The contract implemented once, over a Library. Electron's IPC, the preview
 * bridge and the tests all call this object, after `validateCall`. `team` is
 * the library's one long-lived team (watched by the app and the preview);
 * without one, a team that does not watch is opened at its first call.
 */
export function createApiService(library: Library, exports: ExportServices, team?: LiveTeam): HamishApi {
  let opened: Promise<LiveTeam> | null = team ? Promise.resolve(team) : null
  const texts = new ReaderTexts(library)
  const live = (): Promise<LiveTeam> =>
    (opened ??= LiveTeam.open(library, { watch: false, folderChoice: 'path' }))
  return {
    listArticles: async () => library.listArticles(),
    getArticle: (id) => library.getArticle(id),
    openArticle: (id) => texts.open(id),
    getArticleBlocks: (id, first, end) => texts.blocks(id, first, end),
    getArticleText: (id, start, end) => texts.text(id, start, end),
    findInArticle: (id, query, options, near) => texts.find(id, query, options, near),
    importFile: (file) => library.importFile(file),
    importAddress: (request) =>
      library.importAddress(request.address, { allowPrivate: request.allowPrivate }, request.ticket),
    planImports: (files) => library.planImports(files),
    cancelImports: (tickets) => library.cancelImports(tickets),
    listUnfinishedImports: async () => library.listUnfinishedImports(),
    dismissUnfinishedImports: () => library.dismissUnfinishedImports(),
    renameArticle: (id, title) => library.renameArticle(id, title),
    setArticleMeta: (id, meta) => library.setArticleMeta(id, meta),
    setArticleTags: (id, tags, base) => library.setArticleTags(id, tags, base),
    trashArticle: (id) => library.trashArticle(id),
    restoreArticle: (id) => library.restoreArticle(id),
    deleteArticleForever: (id) => library.deleteArticleForever(id),
    getSettings: async () => library.getSettings(),
    takeLinkToOpen: async () => exports.takeLinkToOpen?.() ?? null,
    updateSettings: async (patch) => {
      const settings = await library.updateSettings(patch)
      exports.onSettingsChanged?.(settings)
      return settings
    },
    getReadingPosition: async (id) => library.getReadingPosition(id),
    setReadingPosition: (id, offset) => library.setReadingPosition(id, offset),
    listNotices: async () => library.listNotices(),
    dismissNotice: async (id) => library.dismissNotice(id),
    getArticleAnnotations: async (id) => (await library.getArticle(id)).annotations,
    addAnnotation: (req) => library.addAnnotation(req),
    addNote: (req) => library.addNote(req),
    updateAnnotation: (articleId, annotationId, patch, basedOn) =>
      library.updateAnnotation(articleId, annotationId, patch, basedOn),
    deleteAnnotation: (articleId, annotationId) => library.deleteAnnotation(articleId, annotationId),
    restoreAnnotation: (articleId, annotationId) => library.restoreAnnotation(articleId, annotationId),
    // Planned, not made: the host renders it once it has a place for it (Cancel prints no PDF).
    exportArticle: async (req) =>
      exports.host.deliver(
        planExport(await library.getArticle(req.articleId), req, exports.printPdf),
        req.format,
      ),
    exportCitations: async (ids, format) =>
      exports.host.deliver(
        readyExport(
          citationExport(
            ids.map((id) => library.getSummary(id)),
            format,
          ),
        ),
        format,
      ),
    revealExport: () => exports.host.revealExport(),
    exportAnnotations: async (articleId, options) =>
      exports.host.deliver(
        readyExport(await library.exportAnnotationFile(articleId, options)),
        'annotations',
      ),
    importAnnotations: (req) => library.importAnnotationFile(req),
    resolveAnnotationConflict: (articleId, annotationId, versionId, choice) =>
      library.resolveAnnotationConflict(articleId, annotationId, versionId, choice),
    searchLibrary: (query, options) => library.search(query, options ?? {}),
    getProfile: () => library.getProfile(),
    setDisplayName: (name) => library.setDisplayName(name),
    teamStatus: async () => (await live()).view(),
    joinTeam: async (name, folder) => (await live()).join(name, folder),
    shareArticle: async (articleId) => (await live()).share(articleId),
    unshareArticle: async (articleId) => (await live()).unshare(articleId),
    syncTeam: async () => (await live()).sync(),
    leaveTeam: async () => (await live()).leave(),
  }
}
