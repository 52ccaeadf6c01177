import type { ImportOutcome } from '../../../../common/contract/article-import'
import type { HamishApi } from '../../../../common/contract/methods'
import { ImportPanel } from './import-panel'
import { importSources, type ImportSource } from './import-queue'

/**
 * Runs imports from every entry point (picker, drop, Ctrl/Cmd+O) through one
 * queue, so two drops in a row import in order and progress never
 * interleaves; refreshes the library after each batch. Cancel stops what is
 * queued and running; files an earlier session left unfinished are offered
 * again at start.
 */
export class ImportController {
  readonly panel = new ImportPanel(() => this.cancel())
  private queue: Promise<void> = Promise.resolve()
  /** Every batch queued and not finished, each with its Cancel switch. */
  private readonly running = new Set<{ cancelled: boolean; tickets?: string[] }>()

  constructor(
    private readonly api: Pick<
      HamishApi,
      'importFile' | 'planImports' | 'cancelImports' | 'listUnfinishedImports' | 'dismissUnfinishedImports'
    >,
    /** The library list, fetched again after each batch (the library feature's store, given by the shell). */
    private readonly store: { refresh(): Promise<void> },
  ) {}

  /** Queues a batch; resolves with its outcomes once it has run. */
  import(files: ImportSource[]): Promise<ImportOutcome[]> {
    const cancel: { cancelled: boolean; tickets?: string[] } = { cancelled: false }
    this.running.add(cancel)
    const run = this.queue.then(async () => {
      try {
        const outcomes = await importSources(this.api, files, (p) => this.panel.progress(p), cancel)
        await this.store.refresh().catch(() => undefined)
        this.panel.report(outcomes)
        return outcomes
      } finally {
        this.running.delete(cancel)
      }
    })
    this.queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  /**
   * The panel's Cancel: every batch queued or running stops; main cancels the
   * file it is converting (nothing of it is written) and forgets the rest.
   */
  cancel(): void {
    const tickets: string[] = []
    for (const batch of this.running) {
      batch.cancelled = true
      tickets.push(...(batch.tickets ?? []))
    }
    this.panel.cancelling()
    if (tickets.length > 0) void this.api.cancelImports(tickets).catch(() => undefined)
  }

  /**
   * At start: files the last session planned and never imported (the window
   * closed mid-import) are listed with a way to choose them again, since the
   * page cannot reopen a file by itself.
   */
  async showUnfinished(chooseAgain: () => void): Promise<void> {
    const left = await this.api.listUnfinishedImports().catch(() => [])
    if (left.length === 0) return
    const forget = (): void => void this.api.dismissUnfinishedImports().catch(() => undefined)
    this.panel.unfinished(
      left.map((f) => f.name),
      () => {
        forget()
        chooseAgain()
      },
      forget,
    )
  }

  /** Shows a batch that main imported by itself (File > Import… in the native menu). */
  async reportExternal(outcomes: ImportOutcome[]): Promise<void> {
    await this.store.refresh().catch(() => undefined)
    if (outcomes.length > 0) this.panel.report(outcomes)
  }
}
