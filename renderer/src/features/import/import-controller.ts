import type { ImportOutcome } from '../../../../common/contract/article-import'
import type { HamishApi } from '../../../../common/contract/methods'
import { ImportPanel } from './import-panel'
import { importSources, type ImportSource } from './import-queue'

/**
 * Runs imports from every entry point (picker, drop, Ctrl/Cmd+O) through one
 * queue, so two drops in a row import in order and progress never
 * interleaves; refreshes the library after each batch.
 */
export class ImportController {
  readonly panel = new ImportPanel()
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly api: Pick<HamishApi, 'importFile'>,
    /** The library list, fetched again after each batch (the library feature's store, given by the shell). */
    private readonly store: { refresh(): Promise<void> },
  ) {}

  /** Queues a batch; resolves with its outcomes once it has run. */
  import(files: ImportSource[]): Promise<ImportOutcome[]> {
    const run = this.queue.then(async () => {
      const outcomes = await importSources(this.api, files, (p) => this.panel.progress(p))
      await this.store.refresh().catch(() => undefined)
      this.panel.report(outcomes)
      return outcomes
    })
    this.queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  /** Shows a batch that main imported by itself (File > Import… in the native menu). */
  async reportExternal(outcomes: ImportOutcome[]): Promise<void> {
    await this.store.refresh().catch(() => undefined)
    if (outcomes.length > 0) this.panel.report(outcomes)
  }
}
