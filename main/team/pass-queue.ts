/**
 * Sync passes one at a time: a request while a pass runs queues one more
 * pass, shared by every request made meanwhile, so a burst of changes during
 * a pass costs one pass after it, not one each, and two passes never
 * interleave their reads and writes of the team folder.
 */
export class PassQueue<T> {
  #running: Promise<T> | null = null
  #next: Promise<T> | null = null

  constructor(private readonly pass: () => Promise<T>) {}

  /** A pass that starts now, or after the one running (the queued pass, if one is already waiting). */
  request(): Promise<T> {
    if (!this.#running) return this.#start()
    this.#next ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#next = null
        return this.#start()
      })
    return this.#next
  }

  /** Settles once no pass runs or waits (closing waits for it). */
  async idle(): Promise<void> {
    while (this.#running || this.#next) await (this.#next ?? this.#running)!.catch(() => undefined)
  }

  #start(): Promise<T> {
    const run = this.pass().finally(() => {
      if (this.#running === run) this.#running = null
    })
    this.#running = run
    return run
  }
}
