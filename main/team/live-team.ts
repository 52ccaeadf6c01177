import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import type { TeamFolderChoice, TeamView } from '../../common/contract/team'
import { annotationFile, articleFile } from '../../common/team/layout'
import type { SyncReport } from '../../common/team/sync-report'
import { runWithChangeOrigin } from '../library/change-origin'
import type { Library } from '../library/library'
import { SerialQueue } from '../store/serial-queue'
import { OwnWrites } from './own-writes'
import { PassQueue } from './pass-queue'
import { TeamFolder } from './team-folder'
import { TeamService } from './team-service'
import { TeamWatcher, type TeamWatcherOptions } from './team-watcher'

/**
 * The origin of every change a team pass makes: never a window's own, so the
 * open reader hears the annotations a pass merged even when that window's
 * "Sync now" started it.
 */
export const TEAM_ORIGIN = 'team'

export interface LiveTeamOptions {
  /** Watch the team folder and sync on its changes (the app and the preview; the CLI does not). */
  watch: boolean
  folderChoice: TeamFolderChoice
  /** Electron: the folder dialog, opened by main (null: cancelled). */
  pickFolder?: () => Promise<string | null>
  /** How often a paused team looks for its folder again. */
  pausedCheckMs?: number
  /** Told after every pass (tests count them). */
  onPass?: (report: SyncReport) => void
  watcher?: Pick<TeamWatcherOptions, 'debounceMs' | 'rescanMs' | 'events'>
}

/**
 * The team library while the app (or the preview) runs: one TeamService for
 * the library, its folder watched, passes run one at a time (a change during
 * a pass queues one more), the last pass's report kept for Settings > Team,
 * and one notice while the folder is missing (sync paused, nothing lost),
 * taken back when it returns.
 */
export class LiveTeam {
  readonly #serial = new SerialQueue()
  readonly #passes: PassQueue<SyncReport>
  #watcher: TeamWatcher | null = null
  #own: OwnWrites | null = null
  #lastReport: SyncReport | null = null
  #pausedNotice: string | null = null
  #pausedCheck: ReturnType<typeof setInterval> | null = null
  #closed = false
  #localChange: ReturnType<typeof setTimeout> | null = null
  readonly #unsubscribe: () => void

  private constructor(
    private readonly library: Library,
    readonly service: TeamService,
    private readonly options: LiveTeamOptions,
  ) {
    this.#passes = new PassQueue(() => this.#pass())
    // The user's own annotations go out as they are made: a change here (not a pass's merge) starts a pass soon after.
    this.#unsubscribe = library.changes.subscribe((change, origin) => {
      if (change.kind !== 'annotations-changed' || origin === TEAM_ORIGIN) return
      if (!this.options.watch || this.service.folder() === null || this.#closed) return
      if (this.#localChange) clearTimeout(this.#localChange)
      this.#localChange = setTimeout(() => {
        this.#localChange = null
        this.#requestPass()
      }, this.options.watcher?.debounceMs ?? 300)
    })
  }

  static async open(library: Library, options: LiveTeamOptions): Promise<LiveTeam> {
    return new LiveTeam(library, await TeamService.open(library), options)
  }

  /** When the library is in a team: starts watching its folder and runs a first pass. */
  async start(): Promise<void> {
    if (this.service.folder() === null) return
    await this.#watch()
    this.#requestPass()
  }

  async view(): Promise<TeamView> {
    return {
      status: await this.service.status(),
      lastReport: this.#lastReport,
      folderChoice: this.options.folderChoice,
    }
  }

  /** Joins (or creates) the team in `folder` (the preview) or in the folder the dialog gives (Electron). */
  async join(name: string, folder: string | null): Promise<TeamView> {
    let root = folder
    if (this.options.folderChoice === 'dialog') {
      if (folder !== null)
        throw new HamishError(
          'invalid-argument',
          'joinTeam: in the app the folder is chosen in the system’s folder dialog; the page sends null.',
        )
      root = (await this.options.pickFolder?.()) ?? null
      if (root === null) return this.view()
    } else if (root === null)
      throw new HamishError('invalid-argument', localText('messages.teamFolderNeeded'))
    await this.#exclusive(() => this.service.join(root, name))
    await this.#closeWatcher()
    this.#dismissPaused()
    if (this.options.watch) await this.#watch()
    await this.#passes.request()
    return this.view()
  }

  /** Shares an article; its text and this device's annotation file are recorded as its own writes. */
  async share(articleId: string): Promise<string> {
    const teamId = await this.#exclusive(async () => {
      const id = await this.service.share(articleId)
      const { me } = await this.service.status()
      await this.#own?.record([articleFile(id), annotationFile(id, me.member!, me.device)])
      return id
    })
    this.library.changes.publish({ kind: 'team-changed' })
    return teamId
  }

  async unshare(articleId: string): Promise<void> {
    await this.#exclusive(() => this.service.unshare(articleId))
    this.library.changes.publish({ kind: 'team-changed' })
  }

  /** One pass now, or right after the one running. */
  sync(): Promise<SyncReport> {
    return this.#passes.request()
  }

  async leave(): Promise<void> {
    await this.#closeWatcher()
    await this.#exclusive(() => this.service.leave())
    this.#lastReport = null
    this.#dismissPaused()
    this.library.changes.publish({ kind: 'team-changed' })
  }

  /** Stops watching and waits for a pass under way (the app quitting). */
  async close(): Promise<void> {
    this.#closed = true
    this.#unsubscribe()
    if (this.#localChange) clearTimeout(this.#localChange)
    await this.#closeWatcher()
    if (this.#pausedCheck) clearInterval(this.#pausedCheck)
    this.#pausedCheck = null
    await this.#passes.idle()
  }

  /** Team work one at a time, its changes published as the team's (not the calling window's). */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#serial.run(() => runWithChangeOrigin(TEAM_ORIGIN, work))
  }

  #requestPass(): void {
    this.#passes.request().catch((error: unknown) => {
      if (!(error instanceof HamishError)) console.error('hamish: a team sync pass failed:', error)
    })
  }

  async #pass(): Promise<SyncReport> {
    const report = await this.#exclusive(async () => {
      const done = await this.service.sync()
      if (!done.paused) await this.#own?.record([...done.written, ...done.foldedCopies])
      return done
    })
    this.#lastReport = report
    if (report.paused) await this.#paused()
    else await this.#resumed()
    this.options.onPass?.(report)
    this.library.changes.publish({ kind: 'team-changed' })
    return report
  }

  /** The folder is gone: one notice, no watcher on a folder that is not there, a look for it now and then. */
  async #paused(): Promise<void> {
    const folder = this.service.folder()
    if (this.#pausedNotice === null && folder !== null)
      this.#pausedNotice = this.library.notify('warning', localText('messages.teamFolderMissing', { folder }))
    await this.#closeWatcher()
    if (this.#pausedCheck || this.#closed || folder === null) return
    this.#pausedCheck = setInterval(() => {
      void new TeamFolder(folder).present().then((present) => {
        if (present && !this.#closed) this.#requestPass()
      })
    }, this.options.pausedCheckMs ?? 5000)
    this.#pausedCheck.unref?.()
  }

  /** The folder is there: the notice taken back, the watcher running again. */
  async #resumed(): Promise<void> {
    this.#dismissPaused()
    if (this.#pausedCheck) clearInterval(this.#pausedCheck)
    this.#pausedCheck = null
    if (this.options.watch && !this.#watcher && !this.#closed) await this.#watch()
  }

  #dismissPaused(): void {
    if (this.#pausedNotice !== null) this.library.dismissNotice(this.#pausedNotice)
    this.#pausedNotice = null
  }

  async #watch(): Promise<void> {
    const folder = this.service.folder()
    if (!this.options.watch || folder === null || this.#closed) return
    if (!(await new TeamFolder(folder).present())) return
    const own = (this.#own = new OwnWrites(folder))
    this.#watcher = await TeamWatcher.start(folder, {
      ...this.options.watcher,
      // Asked in turn with the team's work, so a pass's writes are recorded before its echoes are judged.
      isOwn: (path) => this.#serial.run(() => own.isOwn(path)),
      onChange: () => this.#requestPass(),
    })
  }

  async #closeWatcher(): Promise<void> {
    const watcher = this.#watcher
    this.#watcher = null
    await watcher?.close()
  }
}
