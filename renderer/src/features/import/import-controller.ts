import type { ImportOutcome } from '../../../../common/contract/article-import'
import type { HamishApi } from '../../../../common/contract/methods'
import { ImportPanel } from './import-panel'
import { strings } from '../../ui/strings'
import { importAddressAsking, type ConfirmPrivate } from './address-import'
import { confirmPrivateAddress } from './private-address-dialog'
import { cancelledOutcome, importSources, type CancelSwitch, type ImportSource } from './import-queue'
import { webAddressIn } from './web-address'

/**
 * Runs imports from every entry point (picker, drop, Ctrl/Cmd+O, a web
 * address typed, pasted or dropped) through one
 * queue, so two drops in a row import in order and progress never
 * interleaves; refreshes the library as each file lands and after each batch. Cancel stops what is
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
      | 'importFile'
      | 'importAddress'
      | 'planImports'
      | 'cancelImports'
      | 'listUnfinishedImports'
      | 'dismissUnfinishedImports'
    >,
    /** The library list, fetched again as each file lands and after each batch (the library feature's store, given by the shell). */
    private readonly store: { refresh(): Promise<void> },
    /** Asks before saving from an address on this computer or the local network. */
    private readonly confirmPrivate: ConfirmPrivate = confirmPrivateAddress,
  ) {}

  /** Queues a batch; resolves with its outcomes once it has run. */
  import(files: ImportSource[]): Promise<ImportOutcome[]> {
    return this.enqueue((cancel) =>
      importSources(
        this.api,
        files,
        (p) => this.panel.progress(p),
        cancel,
        (outcome) => {
          // Each article appears in the list as it lands, not when the whole batch is done.
          if (outcome.status === 'added') void this.store.refresh().catch(() => undefined)
        },
      ),
    )
  }

  /**
   * Queues a page to save from its web address (Save from address…, a
   * pasted or dropped link) behind any files, through the same panel: its
   * line names the address and the redirects. An address on this computer
   * or the local network is saved only if `confirmPrivate` says yes.
   */
  importAddress(address: string): Promise<ImportOutcome[]> {
    return this.enqueue(async (cancel) => {
      this.panel.progress({ done: 0, total: 1, name: address })
      const tickets = await this.api.planImports([{ name: address, size: 0 }]).catch(() => undefined)
      cancel.tickets = tickets
      if (cancel.cancelled) return [cancelledOutcome(address)]
      const outcome = await importAddressAsking(this.api, address, this.confirmPrivate, tickets?.[0])
      return [cancel.cancelled && outcome.status === 'rejected' ? cancelledOutcome(address) : outcome]
    })
  }

  /** Runs one batch after those queued before it, then refreshes the list and shows the report. */
  private enqueue(batch: (cancel: CancelSwitch & { tickets?: string[] }) => Promise<ImportOutcome[]>) {
    const cancel: { cancelled: boolean; tickets?: string[] } = { cancelled: false }
    this.running.add(cancel)
    const run = this.queue.then(async () => {
      try {
        const outcomes = await batch(cancel)
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
   * page cannot reopen a file by itself; pages that were being saved from
   * their address (named by it: no file name holds `//`) are fetched again.
   */
  async showUnfinished(chooseAgain: () => void): Promise<void> {
    const left = await this.api.listUnfinishedImports().catch(() => [])
    if (left.length === 0) return
    const forget = (): void => void this.api.dismissUnfinishedImports().catch(() => undefined)
    const addresses = left.map((f) => webAddressIn(f.name)).filter((a): a is string => a !== null)
    const files = left.length - addresses.length
    const label =
      addresses.length === 0
        ? strings.unfinishedRetry
        : files === 0
          ? strings.unfinishedSaveAgain
          : strings.unfinishedRetryBoth
    this.panel.unfinished(
      left.map((f) => f.name),
      label,
      () => {
        forget()
        for (const address of addresses) void this.importAddress(address)
        if (files > 0) chooseAgain()
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
