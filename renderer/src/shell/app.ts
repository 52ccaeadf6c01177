import type { HamishBridge } from '../../../common/contract/bridge'
import { DEFAULT_SETTINGS } from '../../../common/article'
import { SETTINGS_LIMITS } from '../../../common/contract/limits'
import { ImportController } from '../features/import/import-controller'
import { installDropZone } from '../features/import/drop-zone'
import { createFilePicker } from '../features/import/file-picker'
import { openAddressDialog } from '../features/import/address-dialog'
import { installLinkEntry } from '../features/import/link-entry'
import { ArticleActions } from '../features/library/article-actions'
import { LibraryStore } from '../features/library/library-store'
import type { LibraryView } from '../features/library/library-view'
import type { ReaderView } from '../features/reader/reader-view'
import { ProfileStore } from '../features/settings/profile-store'
import { SettingsStore } from '../features/settings/settings-store'
import { resolveUiLanguage, type LanguageSetting } from '../../../common/i18n/ui-language'
import type { DigitsSetting } from '../../../common/i18n/digits'
import { strings, UI_DIR, UI_LANG } from '../ui/strings'
import { reopenAfterReload, takeReopenAfterReload } from './reopen-after-reload'
import { el } from '../ui/dom'
import { errorMessage } from '../ui/error-message'
import { openHelpDialog } from './help-dialog'
import { NoticeBanners } from './notices'
import { articleToReopen, rememberLastArticle } from './last-article'
import { routeHash, type Route } from '../ui/routes'
import { followRoute, navigate, replaceRoute } from './router'
import { linkRoute, takeOpenParam } from './open-link'
import type { LinkToOpen } from '../../../common/hamish-link'
import type { SearchView } from '../features/search/search-view'
import { AnnotationImporter, isAnnotationFile } from '../features/sharing/annotation-import'
import { CommandRegistry } from '../ui/command-registry'
import { appCommands } from './app-commands'
import { Toasts } from '../ui/toasts'
import { createTopbar } from './topbar'
import type { LibraryChange } from '../../../common/library-changes'
import { loadExportCode, loadInfoCode, loadPageCode, loadSettingsCode, type PageCode } from './page-code'
import type { ArticleSummary } from '../../../common/article'
import type { LibraryColumn } from '../../../common/library-columns'
import { teamShareButton } from '../features/team/team-share-button'

/** How the app differs between Electron and the browser preview. */
export interface AppOptions {
  /** True inside Electron, where the native menu owns Ctrl/Cmd+O and links open in the system browser. */
  electron: boolean
}

/**
 * The whole renderer, wired once: the top bar, notices, import panel and
 * toasts around one page (library or reader) chosen by the URL hash. It owns
 * the shared pieces (settings, library list, import queue) and hands each
 * view only what it needs.
 */
export class App {
  private readonly toasts = new Toasts()
  private readonly settings: SettingsStore
  private readonly profile: ProfileStore
  private readonly store: LibraryStore
  private readonly actions: ArticleActions
  private readonly imports: ImportController
  private readonly notices: NoticeBanners
  private readonly main = el('main', { class: 'page', attrs: { id: 'main', tabindex: -1 } })
  private readonly topbar = createTopbar({
    onImport: () => this.picker.open(),
    onSaveAddress: () => this.openAddress(),
    onSettings: () => this.openSettings(),
    onHelp: () => this.openHelp(),
    onSkip: () => this.focusContent(),
  })
  // Import…'s picker takes what a drop takes: articles, and annotation files merged as a drop merges them.
  private readonly picker = createFilePicker((files) => this.importChosen(files))
  private readonly annotationImporter: AnnotationImporter
  /** Every command: the keyboard, the native menu and the help all go through it. */
  private readonly commands: CommandRegistry
  private page: LibraryView | ReaderView | SearchView | null = null
  /** Which page `page` is (its class is in a chunk loaded on demand, so no instanceof). */
  private pageName: Route['name'] | null = null
  /** Counts show() calls, so a page whose code arrives after a later route was asked for is not shown. */
  private showing = 0
  private lastArticle: string | undefined

  private readonly api: HamishBridge

  constructor(
    api: HamishBridge,
    private readonly options: AppOptions,
  ) {
    // Notices arrive on the change feed (onChangeElsewhere), whatever call or window caused them.
    this.notices = new NoticeBanners(api)
    this.api = api
    this.settings = new SettingsStore(api, (err) =>
      this.toasts.show({ message: strings.settingsSaveFailed + errorMessage(err), kind: 'error' }),
    )
    this.store = new LibraryStore(api)
    this.profile = new ProfileStore(api)
    this.actions = new ArticleActions(api, this.store, this.toasts)
    this.imports = new ImportController(api, this.store)
    this.annotationImporter = new AnnotationImporter({
      api,
      changed: () => void this.store.refresh().catch(() => undefined),
      openArticle: (id) => this.openArticle(id),
    })
    this.commands = new CommandRegistry(
      appCommands({
        electron: options.electron,
        openHelp: () => this.openHelp(),
        openImport: () => this.picker.open(),
        openSaveAddress: () => this.openAddress(),
        openSettings: () => this.openSettings(),
        openSearch: () => this.openSearch(),
        showLibrary: () => navigate({ name: 'library' }),
        setTheme: (theme) => this.settings.update({ theme }),
        changeTextSize: (step) => this.changeTextSize(step),
        reader: () => this.reader(),
        focusMode: () => document.documentElement.dataset.focus === 'on',
        setFocusMode: (on) => this.setFocusMode(on),
        undoToast: () => this.toasts.undoLatest(),
        needsArticle: () => this.toasts.show({ message: strings.exportOpenArticleFirst }),
      }),
    )
  }

  /** The open reader, if the page is one. */
  private reader(): ReaderView | null {
    return this.pageName === 'reader' ? (this.page as ReaderView) : null
  }

  /** The help: what Hamish does and every command's keys, from the registry. */
  private openHelp(): void {
    openHelpDialog(this.commands.shortcuts())
  }

  /** Builds the page, loads settings, notices and the library, and shows the page the URL names. */
  async start(root: HTMLElement): Promise<void> {
    document.documentElement.lang = UI_LANG
    document.documentElement.dir = UI_DIR
    const overlay = installDropZone(window, (files) => this.importChosen(files))
    // A link pasted on the library page, or dropped anywhere, saves that page.
    installLinkEntry(
      window,
      (address) => void this.imports.importAddress(address),
      () => this.pageName === 'library',
      (text) => openAddressDialog((address) => void this.imports.importAddress(address), text.trim(), true),
    )
    root.replaceChildren(
      this.topbar.element,
      this.notices.element,
      this.imports.panel.element,
      this.main,
      this.toasts.element,
      overlay,
      this.picker.input,
      this.annotationImporter.input,
    )
    this.subscribeToMain()
    window.addEventListener('keydown', (event) => this.onKey(event))
    window.addEventListener('pagehide', () => this.settings.flush())

    const report = (prefix: string) => (err: unknown) =>
      this.toasts.show({ message: prefix + errorMessage(err), kind: 'error', timeout: 15_000 })
    await Promise.all([
      this.settings.load().catch(report(strings.settingsLoadFailed)),
      this.notices.load().catch(() => undefined),
      // Without a profile the settings panel asks for it again when opened.
      this.profile.load().catch(() => undefined),
      this.store.refresh().catch(report(strings.loadLibraryFailed)),
      // Files a window closed mid-import left: listed with a way to choose them again.
      this.imports.showUnfinished(() => this.picker.open()),
    ])
    const reopen = articleToReopen(location.hash, this.store.articles)
    if (reopen) history.replaceState(null, '', routeHash({ name: 'reader', id: reopen }))
    // A hamish:// link the page was opened with (the preview's ?open=, Electron's start) goes first.
    const link = takeOpenParam() ?? (await this.api.takeLinkToOpen().catch(() => null))
    if (link?.ok) history.replaceState(null, '', routeHash(linkRoute(link.link)))
    else if (link) this.refuseLink()
    followRoute((route) => this.show(route))
    if (takeReopenAfterReload() === 'settings') this.openSettings()
  }

  /** "Save from address…": the page's address in a dialog, then imported like a file. */
  private openAddress(): void {
    openAddressDialog((address) => void this.imports.importAddress(address))
  }

  /**
   * Files dropped or picked with Import…: annotation files (`.json`) are
   * merged into their article (the annotation importer's dialog and report),
   * the rest imported as articles (the import panel's report), so the two
   * ways in never disagree about a file.
   */
  private importChosen(files: File[]): void {
    const annotations = files.filter((f) => isAnnotationFile(f.name))
    const articles = files.filter((f) => !isAnnotationFile(f.name))
    // Articles first: an annotation file chosen with its article then finds it in the library.
    const articlesIn = articles.length > 0 ? this.imports.import(articles).catch(() => undefined) : null
    if (annotations.length > 0)
      void Promise.resolve(articlesIn).then(() => this.annotationImporter.importFiles(annotations))
  }

  /** Shows an article; when it is already open (its notes just changed), reopens it to show them. */
  private openArticle(id: string): void {
    if (this.reader()?.id === id) this.show({ name: 'reader', id }, true)
    else navigate({ name: 'reader', id })
  }

  /** Shows the page a route names once its code is loaded, unless another route was asked for meanwhile. */
  private show(route: Route, reload = false): void {
    const turn = ++this.showing
    loadPageCode(route.name).then(
      (code) => {
        if (turn === this.showing) this.showPage(route, reload, code)
      },
      (err: unknown) => this.toasts.show({ message: errorMessage(err), kind: 'error' }),
    )
  }

  private showPage(route: Route, reload: boolean, code: PageCode): void {
    const previous = this.page
    const reader = this.reader()
    if (!reload && reader && route.name === 'reader' && reader.id === route.id) {
      if (route.target) reader.openAt(route.target)
      return
    }
    if (this.pageName === 'search' && route.name === 'search') {
      ;(previous as SearchView).setQuery(route.query)
      return
    }
    const previousName = this.pageName
    previous?.destroy()
    this.topbar.setRoute(route.name)
    this.pageName = route.name
    // An import report stays with the library; elsewhere (the reader's notes panel) it is put away.
    this.imports.panel.pageShown(route.name)
    if (route.name === 'search' && code.name === 'search') {
      const { SearchView } = code
      delete document.documentElement.dataset.focus
      const view = new SearchView(this.api, this.store, route.query, (query) =>
        replaceRoute({ name: 'search', query }),
      )
      this.page = view
      this.main.replaceChildren(view.element)
      document.title = strings.windowTitle(strings.searchLabel)
      window.scrollTo({ top: 0, behavior: 'instant' })
      view.focus()
      return
    }
    if (route.name === 'library' && code.name === 'library') {
      const { LibraryView } = code
      delete document.documentElement.dataset.focus
      // Highlights added or deleted in the reader change the list's annotation counts.
      if (previousName === 'reader')
        this.store
          .refresh()
          .catch((err: unknown) =>
            this.toasts.show({ message: strings.loadLibraryFailed + errorMessage(err), kind: 'error' }),
          )
      const view = new LibraryView(
        this.store,
        this.actions,
        () => this.picker.open(),
        (articles) =>
          void loadExportCode().then(({ openCitationsDialog }) =>
            openCitationsDialog(this.api, articles, (o) => this.toasts.show(o)),
          ),
        (article) => this.openInfo(article),
        {
          current: () => this.settings.current.libraryColumns,
          set: (libraryColumns: LibraryColumn[]) => void this.settings.updateNow({ libraryColumns }),
          subscribe: (listener: () => void) => this.settings.subscribe(() => listener()),
        },
      )
      this.page = view
      this.main.replaceChildren(view.element)
      document.title = strings.windowTitle(null)
      window.scrollTo({ top: 0, behavior: 'instant' })
      if (previous) view.focus(this.lastArticle)
      return
    }
    if (route.name !== 'reader' || code.name !== 'reader') return
    const { ReaderView, readerParts } = code
    this.lastArticle = route.id
    rememberLastArticle(route.id)
    const view = new ReaderView(this.api, route.id, {
      openLink: (href) => {
        // Main's window-open handler sends http(s)/mailto to the system browser; the preview opens nothing.
        if (this.options.electron) window.open(href, '_blank', 'noopener,noreferrer')
      },
      top: () => this.topbar.element.getBoundingClientRect().bottom,
      onTitle: (title) => (document.title = strings.windowTitle(title)),
      parts: readerParts(this.api, (options) => this.toasts.show(options)),
      openExport: (summary) =>
        void loadExportCode().then(({ openExportDialog }) =>
          openExportDialog(this.api, summary, (o) => this.toasts.show(o)),
        ),
      openShare: (summary) =>
        void loadExportCode().then(({ openShareDialog, announceExport }) =>
          openShareDialog(
            this.api,
            summary,
            (result) => announceExport(result, this.api, (o) => this.toasts.show(o)),
            () => this.annotationImporter.pick(),
          ),
        ),
      teamControl: (summary) => teamShareButton(this.api, summary, (o) => this.toasts.show(o)),
      openInfo: (summary, saved) => this.openInfo(summary, saved),
    })
    this.page = view
    if (route.target) view.openAt(route.target)
    this.main.replaceChildren(view.element)
    window.scrollTo({ top: 0, behavior: 'instant' })
    void view.load().then(() => {
      if (this.page === view && previous && !route.target) view.focus()
    })
  }

  /**
   * The article info panel (the reader's button and Ctrl/Cmd+I, the
   * library's Info…), on the list's copy of the article when it has one (the
   * change feed keeps that current); after a save the list is read again and
   * `saved` gets main's summary.
   */
  private openInfo(summary: ArticleSummary, saved?: (updated: ArticleSummary) => void): void {
    const current = this.store.get(summary.id) ?? summary
    void loadInfoCode().then(({ openArticleInfo }) =>
      openArticleInfo(this.api, current, (updated) => {
        saved?.(updated)
        this.toasts.show({ message: strings.infoSaved(updated.title), timeout: 4000 })
        void this.store.refresh().catch(() => undefined)
      }),
    )
  }

  /** Ctrl/Cmd+K, the Search link and File > Search the Library: the search page, its field focused. */
  private openSearch(): void {
    if (this.pageName === 'search') (this.page as SearchView).focus()
    else navigate({ name: 'search', query: '' })
  }

  private focusContent(): void {
    const reader = this.reader()
    if (reader) reader.focus()
    else this.main.querySelector<HTMLElement>('input, a, button')?.focus()
  }

  /** Settings (its code, with the Team section's, loaded the first time it opens). */
  private openSettings(): void {
    void loadSettingsCode().then(({ openSettingsPanel, TeamSection }) =>
      openSettingsPanel(
        this.settings,
        this.profile,
        (language) => void this.changeLanguage(language),
        (digits) => void this.changeDigits(digits),
        () => [
          new TeamSection({
            api: this.api,
            displayName: () => this.profile.current?.displayName ?? '',
            onJoined: () => void this.profile.load().catch(() => undefined),
          }),
        ],
      ),
    )
  }

  /**
   * Settings > Language: saved at once; when it changes the interface's
   * language, the page is rebuilt in it by reloading (the URL keeps the open
   * article, the reading position is saved, and the settings panel opens
   * again), so no view is left holding words of the old language.
   */
  private async changeLanguage(language: LanguageSetting): Promise<void> {
    if (!(await this.settings.updateNow({ language }))) return
    if (resolveUiLanguage(language, navigator.languages) === UI_LANG) return
    reopenAfterReload('settings')
    this.page?.destroy()
    location.reload()
  }

  /**
   * Settings > Digits: saved at once, and the page is rebuilt as for a new
   * language, since every number on it (counts, dates, sizes) was written
   * in the old digits.
   */
  private async changeDigits(digits: DigitsSetting): Promise<void> {
    if (!(await this.settings.updateNow({ digits }))) return
    reopenAfterReload('settings')
    this.page?.destroy()
    location.reload()
  }

  /** A key press anywhere on the page: the command bound to it, if any, from the registry. */
  private onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented) return
    if (this.commands.onKeyDown(event)) event.preventDefault()
  }

  /**
   * Focus mode: only the text, without the top bar, the reader's buttons and
   * the notes panel. Ctrl/Cmd+Shift+F toggles it, Escape leaves it, and
   * leaving the reader ends it.
   */
  private setFocusMode(on: boolean): void {
    if (on) document.documentElement.dataset.focus = 'on'
    else delete document.documentElement.dataset.focus
    this.toasts.show({ message: on ? strings.focusModeOn : strings.focusModeOff, timeout: 2500 })
  }

  /** Ctrl/Cmd += / - / 0: the reading text's size, in the settings' own steps and limits, saved like any setting. */
  private changeTextSize(step: 'larger' | 'smaller' | 'reset'): void {
    const { min, max } = SETTINGS_LIMITS.fontSize
    const size = this.settings.current.fontSize
    const next =
      step === 'reset'
        ? DEFAULT_SETTINGS.fontSize
        : Math.min(max, Math.max(min, size + (step === 'larger' ? 2 : -2)))
    if (next !== size) this.settings.update({ fontSize: next })
  }

  /** Events from main (Electron's native menu and dialogs); the preview has none. */
  private subscribeToMain(): void {
    this.api.on('libraryChanged', ({ outcomes }) => void this.imports.reportExternal(outcomes))
    this.api.on('importProgress', (p) => this.imports.panel.progress(p, false))
    // Annotation files chosen in File > Import…'s native dialog: merged as a dropped one is.
    this.api.on('annotationFilesChosen', ({ files }) =>
      this.annotationImporter.importFiles(
        files.map((f) => new File([new Uint8Array(f.bytes)], f.name, { type: 'application/json' })),
      ),
    )
    // The menu sends a command's id; the registry runs it as its keys would.
    this.api.on('menuCommand', (command) => void this.commands.run(command, { via: 'menu' }))
    this.api.on('libraryChange', (change) => this.onChangeElsewhere(change))
    this.api.on('openLink', (link) => this.openLink(link))
  }

  /**
   * A `hamish://` link handed to the running app: the reader opens the
   * article at the annotation, which is shown and flashed as when chosen in
   * the notes panel (also when that page is already shown); a link that is
   * not one of ours only says so.
   */
  private openLink(link: LinkToOpen): void {
    if (!link.ok) return this.refuseLink()
    const route = linkRoute(link.link)
    if (location.hash === routeHash(route)) this.show(route, true)
    else navigate(route)
  }

  private refuseLink(): void {
    this.toasts.show({ message: strings.linkRefused, kind: 'error', timeout: 15_000 })
  }

  /**
   * A change another window (or main itself) made: the page reads again what
   * it shows of it. New notices are shown whoever caused them; the list, the
   * open article's annotations follow; settings apply at the next start.
   */
  private onChangeElsewhere(change: LibraryChange): void {
    switch (change.kind) {
      case 'notices-changed':
        void this.notices.load().catch(() => undefined)
        break
      case 'article-added':
      case 'article-changed':
      case 'article-removed':
        void this.store.refresh().catch(() => undefined)
        break
      case 'annotations-changed':
        if (this.reader()?.id === change.articleId)
          this.reader()?.annotationsChangedElsewhere(change.annotationIds)
        void this.store.refresh().catch(() => undefined)
        break
      case 'settings-changed':
      case 'team-changed':
        break
    }
  }
}
