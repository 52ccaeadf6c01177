/**
 * Runs async tasks one at a time, in the order they were queued. A task that
 * fails rejects its own promise only: the next task still runs. Used so that
 * two writes to one file (or two read-modify-write updates of one store) never
 * interleave.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve()
  #pending = 0

  /** Queues `task`; the promise settles with the task's own result once it has run. */
  run<R>(task: () => R | Promise<R>): Promise<R> {
    this.#pending += 1
    const result = this.#tail.then(() => task())
    this.#tail = result.then(
      () => this.#settled(),
      () => this.#settled(),
    )
    return result
  }

  /** True when nothing is queued or running. */
  get idle(): boolean {
    return this.#pending === 0
  }

  #settled(): void {
    this.#pending -= 1
  }
}

const queues = new Map<string, SerialQueue>()

/**
 * Runs `task` in the queue shared by everything in this process that uses the
 * same `key` (a resolved file path), so two objects writing one file still
 * take turns. The queue is forgotten when it falls idle, so opening thousands
 * of files leaves nothing behind.
 */
export function runSerially<R>(key: string, task: () => R | Promise<R>): Promise<R> {
  let queue = queues.get(key)
  if (!queue) {
    queue = new SerialQueue()
    queues.set(key, queue)
  }
  const owner = queue
  const result = owner.run(task)
  const forget = (): void => {
    if (owner.idle && queues.get(key) === owner) queues.delete(key)
  }
  result.then(forget, forget)
  return result
}
