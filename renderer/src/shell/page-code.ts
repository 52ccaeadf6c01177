import type { Route } from '../ui/routes'

/**
 * Each page's code, loaded the first time the page is shown: `import()`
 * makes Vite emit the library list, the search page and the reader (with
 * ProseMirror, annotations and find) as chunks of their own, same-origin
 * scripts the CSP allows, so a page holds only the code of what it shows
 * (bench reader-open: the app's own share of the reader's JS heap).
 */
export async function loadPageCode(name: Route['name']) {
  switch (name) {
    case 'library':
      return { name, LibraryView: (await import('../features/library/library-view')).LibraryView }
    case 'search':
      return { name, SearchView: (await import('../features/search/search-view')).SearchView }
    case 'reader': {
      const [reader, parts] = await Promise.all([
        import('../features/reader/reader-view'),
        import('./reader-parts'),
      ])
      return { name, ReaderView: reader.ReaderView, readerParts: parts.readerParts }
    }
  }
}

/** What loadPageCode gives for one page. */
export type PageCode = Awaited<ReturnType<typeof loadPageCode>>

/** Settings and its Team section: code loaded when Settings first opens. */
export async function loadSettingsCode() {
  const [panel, team] = await Promise.all([
    import('../features/settings/settings-panel'),
    import('../features/team/team-section'),
  ])
  return { openSettingsPanel: panel.openSettingsPanel, TeamSection: team.TeamSection }
}

/** The reader's Export and Share notes dialogs: code loaded when one first opens. */
export async function loadExportCode() {
  const [exportDialog, announce, share, citations] = await Promise.all([
    import('../features/export/export-dialog'),
    import('../features/export/announce-result'),
    import('../features/sharing/share-dialog'),
    import('../features/export/citations-dialog'),
  ])
  return {
    openExportDialog: exportDialog.openExportDialog,
    announceExport: announce.announceExport,
    openShareDialog: share.openShareDialog,
    openCitationsDialog: citations.openCitationsDialog,
  }
}

/** The article info panel (reader and library): code loaded when it first opens. */
export async function loadInfoCode() {
  return { openArticleInfo: (await import('../features/article-info/info-dialog')).openArticleInfo }
}
