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
  private readonly closeButton = button(strings.close, () => this.hide(), { class: 'import-close' })
  private readonly cancelButton: HTMLButtonElement

  constructor(onCancel: () => void) {
    this.cancelButton = button(strings.importCancel, onCancel, { class: 'import-cancel' })
    this.cancelButton.hidden = true
    this.element.append(
      el('div', { class: 'import-head' }, [this.status, this.cancelButton, this.closeButton]),
      this.bar,
      this.results,
    )
  }

  /** Shows the file being imported now (`done` files are finished; the batch's end comes as a report), with Cancel. */
  progress(p: ImportProgress, cancellable = true): void {
    this.element.hidden = false
    this.element.classList.add('busy')
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
    this.element.hidden = false
    this.element.classList.remove('busy')
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
    this.element.hidden = false
    this.element.classList.remove('busy')
    this.bar.hidden = true
    this.closeButton.hidden = false
    this.cancelButton.hidden = true
    const count = (s: ImportOutcome['status']): number => outcomes.filter((o) => o.status === s).length
    // A page saved from its address is named by it (a file's name holds no "://"): counted as a page.
    const split = (s: ImportOutcome['status']): ImportCounts => {
      const these = outcomes.filter((o) => o.status === s)
      const pages = these.filter((o) => isSavedPage(o.name)).length
      return { files: these.length - pages, pages }
    }
    this.status.textContent = strings.importDone(
      count('added'),
      count('duplicate'),
      split('rejected'),
      split('cancelled'),
    )
    this.results.replaceChildren(...outcomes.map((o) => this.line(o)))
  }

  hide(): void {
    this.element.hidden = true
    this.results.replaceChildren()
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
