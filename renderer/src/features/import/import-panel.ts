import type { ImportOutcome } from '../../../../common/contract/article-import'
import { displayAddress } from '../../../../common/display-address'
import { button, el } from '../../ui/dom'
import { routeHash } from '../../ui/routes'
import { strings, UI_LANG, type ImportCounts } from '../../ui/strings'
import type { ImportProgress } from './import-queue'
import { isSavedPage } from './web-address'

/**
 * Main's messages start with the file name ("a.pdf: Hamish cannot…") so they
 * read well on their own (CLI, logs); next to the name already shown, that
 * prefix is dropped and the sentence starts with a capital.
 */
function withoutName(message: string, name: string): string {
  // main names an address as people read it (displayAddress), or as it came: either is the name shown.
  const prefixes = [name, displayAddress(name)].flatMap((n) => [`${n}: `, `\u2068${n}\u2069: `])
  const prefix = prefixes.find((p) => message.startsWith(p))
  const rest = prefix ? message.slice(prefix.length) : message
  return rest.charAt(0).toLocaleUpperCase(UI_LANG) + rest.slice(1)
}

/**
 * Where an import shows itself: a progress line with a bar while files go
 * in ("Importing 2 of 5: name…"), then one line per file saying whether it
 * was added, was already in the library, or was rejected and why. The
 * progress line is a polite live region, so it is announced, not shouted.
 * The report belongs to the library: leaving it for another page (opening
 * an article from the report's Open link, say) puts the report away, so it
 * never sits over the reader's notes panel; a report with a refusal or a
 * cancel is then summed up on the library as "Last import: …" with Show
 * report, until closed.
 */
export class ImportPanel {
  readonly element = el('section', {
    class: 'import-panel',
    attrs: { 'aria-label': strings.importResultsLabel, hidden: true },
  })
  private readonly status = el('p', {
    class: 'import-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  })
  private readonly bar = el('progress', { class: 'import-progress', attrs: { max: 1, value: 0 } })
  private readonly results = el('ul', { class: 'import-results' })
  private readonly closeButton = button(strings.close, () => this.close(), { class: 'import-close' })
  private readonly reopenButton = button(strings.importShowReport, () => this.reopen(), {
    class: 'import-reopen',
  })
  private readonly cancelButton: HTMLButtonElement
  /** The last batch's outcomes while its report is shown or put away; null once closed. */
  private lastOutcomes: ImportOutcome[] | null = null
  /** The page shown now: a put-away report is summed up on the library only. */
  private page = 'library'

  constructor(onCancel: () => void) {
    this.cancelButton = button(strings.importCancel, onCancel, { class: 'import-cancel' })
    this.cancelButton.hidden = true
    this.reopenButton.hidden = true
    // Escape closes a finished report (or the line that sums it up), as it closes a dialog.
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || this.closeButton.hidden || this.element.hidden) return
      event.preventDefault()
      this.close()
    })
    this.element.append(
      el('div', { class: 'import-head' }, [
        this.status,
        this.cancelButton,
        this.reopenButton,
        this.closeButton,
      ]),
      this.bar,
      this.results,
    )
  }

  /** Shows the file being imported now (`done` files are finished; the batch's end comes as a report), with Cancel. */
  progress(p: ImportProgress, cancellable = true): void {
    this.showing('busy')
    this.closeButton.hidden = true
    // Main's own imports (File > Import… in Electron) report progress but have no Cancel here.
    this.cancelButton.hidden = !cancellable
    this.cancelButton.disabled = false
    this.results.replaceChildren()
    // A page's address as the report names it (Arabic, not %D8%A7…); a file's name as it is.
    if (p.done < p.total)
      this.status.textContent = strings.importProgress(p.done + 1, p.total, displayAddress(p.name))
    this.bar.hidden = false
    this.bar.max = Math.max(1, p.total)
    // One file: main converts it in one piece, so the bar says "working" rather than stand at 0 of 1.
    if (p.total === 1 && p.done === 0) this.bar.removeAttribute('value')
    else this.bar.value = p.done
  }

  /** Cancel was pressed: the button waits while main stops the file it is converting. */
  cancelling(): void {
    this.cancelButton.disabled = true
    this.status.textContent = strings.importCancelling
  }

  /**
   * Files the last session did not finish importing (the window closed
   * mid-import), named, with "Choose these files again" (the page's file
   * picker: main never reopens a path) and Dismiss. Pages saved from an
   * address can be fetched again without asking: `retryLabel` says which.
   */
  unfinished(names: string[], retryLabel: string, chooseAgain: () => void, dismiss: () => void): void {
    this.showing('unfinished')
    this.bar.hidden = true
    this.cancelButton.hidden = true
    this.closeButton.hidden = true
    this.status.textContent = strings.unfinishedImports(names)
    const done = (then: () => void) => (): void => {
      this.hide()
      then()
    }
    this.results.replaceChildren(
      el('li', { class: 'import-unfinished', attrs: { 'aria-label': strings.unfinishedImportsLabel } }, [
        button(retryLabel, done(chooseAgain), { class: 'import-retry' }),
        button(strings.unfinishedDismiss, done(dismiss), { class: 'import-dismiss' }),
      ]),
    )
  }

  /** Shows what happened to each file of the batch. */
  report(outcomes: ImportOutcome[]): void {
    this.showing('report')
    this.lastOutcomes = outcomes
    this.bar.hidden = true
    this.closeButton.hidden = false
    this.cancelButton.hidden = true
    this.status.textContent = this.summary(outcomes)
    this.results.replaceChildren(...outcomes.map((o) => this.line(o)))
    // Focus left on nothing (the address dialog that started the import has closed): the keyboard user
    // lands on the report, where Tab reaches its links and Close, and Escape closes it.
    if (document.activeElement === null || document.activeElement === document.body) this.focusStatus()
  }

  /**
   * Close, Escape: the report goes, and focus, if it was in the report,
   * goes to the page's content (as the skip link takes it), not to the
   * document's body, where the next Tab starts over from the top bar.
   */
  private close(): void {
    const hadFocus = this.element.contains(document.activeElement)
    this.hide()
    if (hadFocus) document.getElementById('main')?.focus()
  }

  private focusStatus(): void {
    this.status.tabIndex = -1
    this.status.focus()
  }

  hide(): void {
    this.showing(null)
    this.element.hidden = true
    this.results.replaceChildren()
  }

  /**
   * The page the shell shows now (a route's name). Leaving for any page but
   * the library puts a finished report away: a report with nothing to act on
   * (all added or already there) is closed, since its articles are in the
   * list; one with a refusal or a cancel is summed up, back on the library,
   * as "Last import: …" with Show report, so why a file was refused is not
   * lost. Progress and the unfinished imports' offer stay: they wait on the
   * user or on main.
   */
  pageShown(page: string): void {
    this.page = page
    const state = this.element.dataset.state
    if (page !== 'library' && state === 'report') {
      const outcomes = this.lastOutcomes ?? []
      if (outcomes.some((o) => o.status === 'rejected' || o.status === 'cancelled')) this.stow(outcomes)
      else this.hide()
    }
    if (this.element.dataset.state === 'stowed') this.element.hidden = page !== 'library'
  }

  /** The report put away: one line summing it up, Show report and Close. */
  private stow(outcomes: ImportOutcome[]): void {
    this.showing('stowed')
    this.element.hidden = this.page !== 'library'
    this.bar.hidden = true
    this.cancelButton.hidden = true
    this.closeButton.hidden = false
    this.reopenButton.hidden = false
    this.status.textContent = strings.importLast(this.summary(outcomes))
    this.results.replaceChildren()
  }

  /** Show report: the put-away report in full again, focus on its first line's status. */
  private reopen(): void {
    if (!this.lastOutcomes) return
    this.report(this.lastOutcomes)
    this.focusStatus()
  }

  /** Records what the panel shows (`data-state`), which decides what a page change does with it. */
  private showing(state: 'busy' | 'unfinished' | 'report' | 'stowed' | null): void {
    this.element.hidden = false
    this.element.classList.toggle('busy', state === 'busy')
    this.reopenButton.hidden = true
    if (state === null) delete this.element.dataset.state
    else this.element.dataset.state = state
    if (state !== 'report' && state !== 'stowed') this.lastOutcomes = null
  }

  /** The batch in one sentence: articles added, already there, files and pages refused or cancelled. */
  private summary(outcomes: ImportOutcome[]): string {
    const count = (s: ImportOutcome['status']): number => outcomes.filter((o) => o.status === s).length
    // A page saved from its address is named by it (a file's name holds no "://"): counted as a page.
    const split = (s: ImportOutcome['status']): ImportCounts => {
      const these = outcomes.filter((o) => o.status === s)
      const pages = these.filter((o) => isSavedPage(o.name)).length
      return { files: these.length - pages, pages }
    }
    return strings.importDone(count('added'), count('duplicate'), split('rejected'), split('cancelled'))
  }

  private line(outcome: ImportOutcome): HTMLLIElement {
    const message = withoutName(strings.fromMain(outcome.text, outcome.message), outcome.name)
    return el(
      'li',
      { class: `import-result import-${outcome.status}`, attrs: { 'data-status': outcome.status } },
      [
        el('span', { class: 'import-badge', text: strings.importStatus[outcome.status] }),
        el('bdi', { class: 'import-name', text: displayAddress(outcome.name) }),
        el('span', { class: 'import-message', text: message }),
        outcome.article && outcome.status !== 'rejected' && outcome.status !== 'cancelled'
          ? el('a', {
              class: 'import-open',
              attrs: {
                href: routeHash({ name: 'reader', id: outcome.article.id }),
                'aria-label': strings.openLabel(outcome.article.title),
              },
              text: strings.importOpen,
            })
          : null,
        // A page saved from its address: where it was redirected, from the address asked for to the one saved.
        outcome.redirects?.length
          ? el('span', {
              class: 'import-redirects',
              text: strings.importRedirects([outcome.name, ...outcome.redirects].map(displayAddress)),
            })
          : null,
        ...(outcome.notes ?? []).map((note) =>
          el('span', {
            class: 'import-note',
            text: withoutName(strings.fromMain(note.text, note.message), outcome.name),
          }),
        ),
      ],
    )
  }
}
