import { watch } from 'chokidar'
import { relative, sep } from 'node:path'
import { TEAM_TEMP_DIR } from '../../common/team/layout'

/** What a watcher needs to listen to: chokidar's `watch`, or a stand-in in tests. */
export interface FolderEvents {
  on(event: 'all', listener: (event: string, path: string) => void): unknown
  on(event: 'error', listener: (error: unknown) => void): unknown
  on(event: 'ready', listener: () => void): unknown
  close(): Promise<void>
}

export interface TeamWatcherOptions {
  /** Asked for each changed path (relative, with `/`) before a pass is started: the device's own write is skipped. */
  isOwn: (path: string) => Promise<boolean>
  /** Starts a sync pass (the caller runs one at a time). */
  onChange: () => void
  /** Quiet time after the last event before the pass starts: a burst of files is one pass. */
  debounceMs?: number
  /** A full pass this often whatever the events said: what a file system did not report (network drives) is caught. */
  rescanMs?: number
  /** Where events come from; chokidar on the folder unless a test gives another. */
  events?: (root: string, ignored: (path: string) => boolean) => FolderEvents
}

/** Changes in the team folder, debounced, without the device's own writes or its half-written temp files. */
export class TeamWatcher {
  #events: FolderEvents | null = null
  #timer: ReturnType<typeof setTimeout> | null = null
  #rescan: ReturnType<typeof setInterval> | null = null
  readonly #changed = new Set<string>()
  #closed = false

  private constructor(
    readonly root: string,
    private readonly options: TeamWatcherOptions,
  ) {}

  /**
   * Watches `root` until closed. Resolves once the watcher has listed the
   * folder (chokidar's `ready`), so a change made after it is reported.
   */
  static async start(root: string, options: TeamWatcherOptions): Promise<TeamWatcher> {
    const watcher = new TeamWatcher(root, options)
    await watcher.#listen()
    return watcher
  }

  async #listen(): Promise<void> {
    const ignored = (path: string): boolean => {
      const rel = relative(this.root, path).split(sep)
      return rel[0] === TEAM_TEMP_DIR
    }
    const events = (this.options.events ?? chokidarEvents)(this.root, ignored)
    this.#events = events
    events.on('all', (event, path) => {
      if (event === 'addDir') return
      this.#heard(relative(this.root, path).split(sep).join('/'))
    })
    // A folder that goes away (an unmounted drive) is a change: the pass finds it gone and pauses.
    events.on('error', () => this.#heard(''))
    await new Promise<void>((done) => events.on('ready', done))
    const every = this.options.rescanMs ?? 60_000
    this.#rescan = setInterval(() => this.options.onChange(), every)
    this.#rescan.unref?.()
  }

  #heard(path: string): void {
    if (this.#closed) return
    this.#changed.add(path)
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.#settle(), this.options.debounceMs ?? 300)
  }

  /** After the quiet time: a pass if any changed path is not the device's own write. */
  async #settle(): Promise<void> {
    this.#timer = null
    const paths = [...this.#changed]
    this.#changed.clear()
    for (const path of paths) {
      if (this.#closed) return
      if (path === '' || !(await this.options.isOwn(path))) {
        this.options.onChange()
        return
      }
    }
  }

  /** Stops watching: no event, timer or rescan after this. */
  async close(): Promise<void> {
    this.#closed = true
    if (this.#timer) clearTimeout(this.#timer)
    if (this.#rescan) clearInterval(this.#rescan)
    this.#timer = null
    this.#rescan = null
    await this.#events?.close()
  }
}

function chokidarEvents(root: string, ignored: (path: string) => boolean): FolderEvents {
  return watch(root, { ignoreInitial: true, ignored, persistent: true })
}
