/** One undoable operation: what to do to take it back, and to do it again. */
export interface Command {
  /** Short name for messages ("Undone: change colour."). */
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
}

/** Most operations kept for undo in one article. */
const LIMIT = 200

/**
 * Undo and redo for annotations as a stack of API operations with their
 * inverses (undo create = delete, redo create = restore, undo delete =
 * restore, undo edit = update with the previous values). Operations run one
 * at a time in order, so pressing Ctrl+Z three times quickly undoes three
 * things, each after the previous one is on disk. A failed undo leaves the
 * stacks as they were, so it can be tried again.
 */
export class History {
  private done: Command[] = []
  private undone: Command[] = []
  private queue: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly onError: (kind: 'undo' | 'redo', err: unknown) => void) {}

  /** Records an operation that has just succeeded; clears what could be redone. */
  push(command: Command): void {
    this.done.push(command)
    if (this.done.length > LIMIT) this.done.shift()
    this.undone = []
    this.changed()
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }

  get canRedo(): boolean {
    return this.undone.length > 0
  }

  /** Undoes the latest operation; resolves with its label, or null when there was nothing or it failed. */
  undo(): Promise<string | null> {
    return this.step(
      () => this.done,
      () => this.undone,
      (c) => c.undo(),
      'undo',
    )
  }

  redo(): Promise<string | null> {
    return this.step(
      () => this.undone,
      () => this.done,
      (c) => c.redo(),
      'redo',
    )
  }

  /** Calls `listener` whenever the stacks change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private step(
    from: () => Command[],
    to: () => Command[],
    run: (c: Command) => Promise<void>,
    kind: 'undo' | 'redo',
  ): Promise<string | null> {
    const result = this.queue.then(async () => {
      const command = from().pop()
      if (!command) return null
      try {
        await run(command)
      } catch (err) {
        from().push(command)
        this.onError(kind, err)
        return null
      }
      to().push(command)
      this.changed()
      return command.label
    })
    this.queue = result.catch(() => undefined)
    return result
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}
