import type {
  AnnotationImportReport,
  ArticleChoiceNeeded,
  OrphansConfirmNeeded,
} from '../../../../common/contract/annotation-import'
import type { HamishApi } from '../../../../common/contract/methods'
import { isAnnotationFileName } from '../../../../common/sharing/annotation-file-name'
import { STRONG_MATCH } from '../../../../common/sharing/match-threshold'
import { openDialog, type DialogHandle } from '../../ui/dialog'
import { button, el, uid } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import { strings } from '../../ui/strings'

export type AnnotationImportApi = Pick<HamishApi, 'importAnnotations' | 'listArticles'>

/** The file picker's `accept` list for annotation files (`*.hamish.json`, Hypothesis exports). */
export const ANNOTATION_ACCEPT = '.json'

/** Whether a dropped or picked file is an annotation file rather than an article (the CLI and main decide alike). */
export function isAnnotationFile(name: string): boolean {
  return isAnnotationFileName(name)
}

/** What the importer needs from the app. */
export interface AnnotationImportHost {
  api: AnnotationImportApi
  /** The library changed (a bundle may have added an article, counts changed). */
  changed(): void
  /** Shows the article, reloading it when it is the one open. */
  openArticle(articleId: string): void
}

/**
 * Imports colleagues' annotation files (File > Import annotations…, the
 * Share dialog, drag and drop of a `.json`): one file at a time, each in its
 * own dialog that shows progress, asks which article when the file's text
 * matches none, and ends with the merge report. Only names and bytes leave
 * the renderer.
 */
export class AnnotationImporter {
  readonly input: HTMLInputElement
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly host: AnnotationImportHost) {
    this.input = el('input', {
      class: 'annotation-file-input',
      attrs: {
        hidden: true,
        type: 'file',
        multiple: true,
        accept: ANNOTATION_ACCEPT,
        tabindex: -1,
        'aria-label': strings.shareImportPickerLabel,
        'data-testid': 'annotation-file-input',
      },
    })
    this.input.addEventListener('change', () => {
      const files = [...(this.input.files ?? [])]
      this.input.value = ''
      if (files.length > 0) this.importFiles(files)
    })
  }

  /** Opens the file picker. */
  pick(): void {
    this.input.click()
  }

  /** Queues files; each runs once the dialog of the one before is closed. */
  importFiles(files: File[]): void {
    for (const file of files) {
      this.queue = this.queue.then(() => this.importOne(file)).catch(() => undefined)
    }
  }

  private importOne(file: File): Promise<void> {
    return new Promise((resolve) => {
      const content = el('div', { class: 'annotation-import' })
      const actions = el('div', { class: 'sharing-actions' })
      const handle = openDialog({
        title: strings.annotationImportTitle(file.name),
        body: [content],
        actions: [actions],
        class: 'annotation-import-dialog',
        onClose: resolve,
      })
      void new ImportRun(this.host, file, handle, content, actions).start()
    })
  }
}

/** One file's import, driving its dialog from progress to choice to report. */
class ImportRun {
  private bytes: Uint8Array | null = null

  constructor(
    private readonly host: AnnotationImportHost,
    private readonly file: File,
    private readonly handle: DialogHandle,
    private readonly content: HTMLElement,
    private readonly actions: HTMLElement,
  ) {}

  async start(): Promise<void> {
    try {
      this.bytes = new Uint8Array(await this.file.arrayBuffer())
    } catch (err) {
      this.fail(strings.annotationImportRead(this.file.name) + errorMessage(err))
      return
    }
    await this.run(undefined)
  }

  private async run(articleId: string | undefined, confirmOrphans = false): Promise<void> {
    this.setTitle(strings.annotationImportTitle(this.file.name))
    this.content.replaceChildren(
      el('p', {
        class: 'annotation-import-status',
        attrs: { role: 'status' },
        text: strings.annotationImportRunning(this.file.name),
      }),
    )
    this.actions.replaceChildren()
    try {
      const result = await this.host.api.importAnnotations({
        name: this.file.name,
        bytes: this.bytes!,
        ...(articleId ? { articleId } : {}),
        ...(confirmOrphans ? { confirmOrphans } : {}),
      })
      if (result.status === 'needs-article') await this.choose(result)
      else if (result.status === 'all-orphans') await this.confirmOrphans(result)
      else {
        this.host.changed()
        this.report(result.report)
      }
    } catch (err) {
      this.fail(strings.annotationImportFailed + errorMessage(err))
    }
  }

  private fail(message: string): void {
    this.content.replaceChildren(
      el('p', { class: 'annotation-import-error error', attrs: { role: 'alert' }, text: message }),
    )
    const close = button(strings.close, () => this.handle.close())
    this.actions.replaceChildren(close)
    close.focus()
  }

  private setTitle(title: string): void {
    const heading = this.handle.dialog.querySelector('.dialog-header h2')
    if (heading) heading.textContent = title
  }

  /**
   * The chosen article holds none of the passages: asked first, with the way
   * back to the choice as the default, or, when the library has no other
   * article to choose, "This article is not in my library" (the way to ask
   * for a bundle) instead, so the useful exit is not one more step away.
   */
  private async confirmOrphans(needs: OrphansConfirmNeeded): Promise<void> {
    let otherArticles = true
    try {
      otherArticles = (await this.host.api.listArticles()).some(
        (a) => a.trashed === null && a.id !== needs.articleId,
      )
    } catch {
      // Unknown: offer the choice again, as before.
    }
    this.setTitle(strings.orphansTitle)
    this.content.replaceChildren(
      el('p', {
        class: 'orphans-confirm',
        attrs: { role: 'alert' },
        text: strings.orphansIntro(needs.articleTitle),
      }),
    )
    const main = otherArticles
      ? button(strings.orphansBack, () => void this.run(undefined), {
          class: 'primary',
          attrs: { 'data-action': 'choose-again' },
        })
      : button(strings.chooseArticleMissing, () => this.missingArticle(), {
          class: 'primary',
          attrs: { 'data-action': 'missing-article' },
        })
    this.actions.replaceChildren(
      button(strings.cancel, () => this.handle.close()),
      button(strings.orphansImport, () => void this.run(needs.articleId, true), {
        attrs: { 'data-action': 'import-orphans' },
      }),
      main,
    )
    main.focus()
  }

  /** Nothing to attach the notes to: say how to get the article (a bundle), with nothing imported. */
  private missingArticle(): void {
    this.setTitle(strings.chooseArticleMissing)
    this.content.replaceChildren(el('p', { class: 'ask-bundle', text: strings.chooseArticleAskBundle }))
    const close = button(strings.close, () => this.handle.close(), { class: 'primary' })
    this.actions.replaceChildren(close)
    close.focus()
  }

  /**
   * The file's article is not here: the user picks one and the import runs
   * again. Only a strong match (STRONG_MATCH: most sampled passages found) is
   * chosen in advance; weaker ones say so, and without a strong one the main
   * button is "I don't have this article", which tells how to get a bundle.
   */
  private async choose(needs: ArticleChoiceNeeded): Promise<void> {
    let library: { id: string; title: string }[] = []
    try {
      library = (await this.host.api.listArticles()).filter((a) => a.trashed === null)
    } catch {
      // The candidates alone still let the user choose.
    }
    this.setTitle(strings.chooseArticleTitle)
    const name = uid('choose-article')
    const candidateIds = new Set(needs.candidates.map((c) => c.articleId))
    const others = library.filter((a) => !candidateIds.has(a.id))
    const radios: HTMLInputElement[] = []
    const radio = (value: string): HTMLInputElement => {
      const input = el('input', { attrs: { type: 'radio', name, value } })
      radios.push(input)
      return input
    }
    const candidateRows = needs.candidates.map((c) =>
      el('label', { class: 'choose-article-option', attrs: { 'data-article-id': c.articleId } }, [
        radio(c.articleId),
        el('bdi', { class: 'choose-article-title', text: c.title }),
        el('span', {
          class: 'choose-article-score muted',
          text: strings.chooseArticleMatch(Math.round(c.score * 100)),
        }),
        c.score < STRONG_MATCH
          ? el('span', { class: 'choose-article-weak', text: strings.chooseArticleWeak })
          : null,
      ]),
    )
    const otherSelect = el(
      'select',
      { class: 'choose-article-select', attrs: { 'aria-label': strings.chooseArticleOtherLabel } },
      others.map((a) => el('option', { attrs: { value: a.id }, text: a.title })),
    )
    const otherRadio = radio('')
    const otherRow =
      others.length > 0
        ? el('label', { class: 'choose-article-option choose-article-other' }, [
            otherRadio,
            el('span', { text: strings.chooseArticleOther }),
            otherSelect,
          ])
        : null
    otherSelect.addEventListener('change', () => (otherRadio.checked = true))
    const strong = needs.candidates.length > 0 && needs.candidates[0]!.score >= STRONG_MATCH
    if (strong) radios[0]!.checked = true
    const chosen = (): string | undefined => {
      const checked = radios.find((r) => r.checked)
      if (!checked) return undefined
      return checked === otherRadio ? otherSelect.value || undefined : checked.value
    }
    const go = button(
      strings.chooseArticleImport,
      () => {
        const id = chosen()
        if (id) void this.run(id)
      },
      { class: 'primary', attrs: { 'data-action': 'import-chosen' } },
    )
    const empty = candidateRows.length === 0 && !otherRow
    const syncGo = (): void => {
      go.disabled = chosen() === undefined
    }
    for (const r of radios) r.addEventListener('change', syncGo)
    otherSelect.addEventListener('change', syncGo)
    syncGo()
    const missing = button(strings.chooseArticleMissing, () => this.missingArticle(), {
      ...(strong ? {} : { class: 'primary' }),
      attrs: { 'data-action': 'missing-article' },
    })
    if (!strong) go.classList.remove('primary')
    this.content.replaceChildren(
      el('p', { text: strings.chooseArticleIntro(needs.fileTitle) }),
      !strong && !empty
        ? el('p', { class: 'choose-article-none-strong', text: strings.chooseArticleNoStrong })
        : '',
      empty
        ? el('p', { class: 'error', attrs: { role: 'alert' }, text: strings.chooseArticleNone })
        : el('fieldset', { class: 'choose-article' }, [
            el('legend', { text: strings.chooseArticleCandidates }),
            ...candidateRows,
            otherRow,
          ]),
    )
    this.actions.replaceChildren(
      button(strings.cancel, () => this.handle.close()),
      missing,
      go,
    )
    ;(radios.find((r) => r.checked) ?? (strong ? go : missing)).focus()
  }

  /** The merge report: counts, then the conflicts and rejections with their reasons (as text). */
  private report(report: AnnotationImportReport): void {
    this.setTitle(strings.reportTitle(report.articleTitle))
    const counts = strings.reportCounts
    const count = (key: keyof typeof counts, n: number): HTMLElement =>
      el('li', { class: `report-count${n > 0 ? ' nonzero' : ''}`, attrs: { 'data-count': key } }, [
        counts[key](n),
      ])
    const sections: (HTMLElement | null)[] = [
      report.articleCreated ? el('p', { text: strings.reportArticleCreated }) : null,
      el('ul', { class: 'report-counts', attrs: { 'aria-label': strings.reportSummary } }, [
        count('added', report.added.length),
        count('updated', report.updated.length),
        count('unchanged', report.unchanged.length),
        report.older.length > 0 ? count('older', report.older.length) : '',
        report.ahead.length > 0 ? count('ahead', report.ahead.length) : '',
        report.deleted.length > 0 ? count('deleted', report.deleted.length) : '',
        count('conflicts', report.conflicts.length),
        count('orphaned', report.orphaned.length),
        count('rejected', report.rejected.length),
      ]),
    ]
    if (report.conflicts.length > 0)
      sections.push(
        el('h3', { text: strings.reportConflicts }),
        el(
          'ul',
          { class: 'report-list report-conflicts' },
          report.conflicts.map((c) => conflictLine(c, this.file.name)),
        ),
      )
    if (report.orphaned.length > 0) sections.push(el('p', { class: 'muted', text: strings.reportOrphaned }))
    // Taken, but changed on the way (a Hypothesis reply whose note is not in the file became an article note).
    const adjusted = report.adjusted ?? []
    if (adjusted.length > 0)
      sections.push(
        el('h3', { text: strings.reportAdjusted }),
        el(
          'ul',
          { class: 'report-list report-adjusted' },
          adjusted.map((r) =>
            el('li', {}, [
              el('code', { text: r.id ?? strings.reportNoId }),
              ': ',
              el('span', { class: 'report-reason', text: strings.fromMain(r.text, r.reason) }),
            ]),
          ),
        ),
      )
    if (report.rejected.length > 0)
      sections.push(
        el('h3', { text: strings.reportRejected }),
        el(
          'ul',
          { class: 'report-list report-rejected' },
          report.rejected.map((r) =>
            el('li', {}, [
              el('code', { text: r.id ?? strings.reportNoId }),
              ': ',
              el('span', { class: 'report-reason', text: strings.fromMain(r.text, r.reason) }),
            ]),
          ),
        ),
      )
    this.content.replaceChildren(...sections.filter((s): s is HTMLElement => s !== null))
    const open = button(
      strings.reportOpenArticle,
      () => {
        this.handle.close()
        this.host.openArticle(report.articleId)
      },
      { class: 'primary', attrs: { 'data-action': 'open-article' } },
    )
    this.actions.replaceChildren(
      button(strings.close, () => this.handle.close()),
      open,
    )
    open.focus()
  }
}

/**
 * One conflict as a researcher reads it: the passage (quoted in the
 * interface's direction, the words isolated in their own), who the file's
 * version is by (or which file it came from), why, then yours and theirs
 * with every field that can differ. The id stays in a data attribute only.
 */
function conflictLine(c: AnnotationImportReport['conflicts'][number], fileName: string): HTMLElement {
  const quote = c.ours?.quote ?? c.theirs?.quote
  return el('li', { attrs: { 'data-id': c.id } }, [
    quote ? el('q', { class: 'report-quote' }, [el('bdi', { text: quote })]) : '',
    quote ? ' — ' : '',
    el('span', {
      class: 'report-changed-by',
      text: c.changedBy ? strings.reportChangedBy(c.changedBy) : strings.reportChangedInFile(fileName),
    }),
    ': ',
    el('span', { class: 'report-reason', text: strings.fromMain(c.text, c.reason) }),
    conflictVersions(c),
  ])
}

/** Both versions of a conflict, one under the other: note, colour and tags, each text in its own direction. */
function conflictVersions(c: AnnotationImportReport['conflicts'][number]): HTMLElement | null {
  if (!c.ours || !c.theirs) return null
  const side = (label: string, v: NonNullable<typeof c.ours>, which: string): HTMLElement =>
    el('div', { class: `report-version report-version-${which}` }, [
      el('span', { class: 'report-version-label', text: `${label}: ` }),
      el('bdi', {
        class: 'report-version-note',
        attrs: { dir: 'auto' },
        text: v.deleted ? strings.reportVersionDeleted : v.note || strings.reportVersionEmpty,
      }),
      v.deleted
        ? ''
        : el('span', {
            class: 'report-version-fields muted',
            text: ` (${strings.reportColour(v.color)}${strings.listSeparator}${strings.reportTags(v.tags)})`,
          }),
    ])
  return el('div', { class: 'report-versions' }, [
    side(strings.reportYours, c.ours, 'ours'),
    side(strings.reportTheirs, c.theirs, 'theirs'),
  ])
}
