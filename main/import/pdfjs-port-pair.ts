/** A message pdf.js's handlers post: plain data, as a worker's postMessage takes. */
type Listener = (this: MessagePortLike, event: { data: unknown }) => void

/** What pdf.js needs of a worker's port: postMessage and its listeners (PDFWorker's `port` option). */
export interface MessagePortLike {
  postMessage(message: unknown, transfer?: unknown[]): void
  addEventListener(type: 'message', listener: Listener): void
  removeEventListener(type: 'message', listener: Listener): void
  terminate(): void
}

/** Deeper than this, a message is copied by structuredClone, which also keeps shared and circular references. */
const PLAIN_COPY_DEPTH = 64

class TooDeep extends Error {}

/**
 * A copy of a message made of plain objects, arrays and primitives, as
 * structuredClone makes one, but several times faster for what pdf.js
 * sends most (thousands of small text items a page). Anything else (typed
 * arrays, maps, dates, errors) is copied by structuredClone itself.
 */
function plainCopy(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (depth > PLAIN_COPY_DEPTH) throw new TooDeep()
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i++) out[i] = plainCopy(value[i], depth + 1)
    return out
  }
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return structuredClone(value)
  const out: Record<string, unknown> = proto === null ? Object.create(null) : {}
  // for…in is the fastest walk over a plain object's keys; neither prototype (Object.prototype, null) has enumerable ones.
  for (const key in value) out[key] = plainCopy((value as Record<string, unknown>)[key], depth + 1)
  return out
}

/** The message as the other side receives it: a copy, never the sender's objects (pdf.js reuses them). */
function copyOf(message: unknown): unknown {
  try {
    return plainCopy(message, 0)
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error
    return structuredClone(message)
  }
}

class InMemoryPort implements MessagePortLike {
  other: InMemoryPort | null = null
  readonly #listeners = new Set<Listener>()
  // Messages arrive in the order posted, each after the poster's current task, as a worker's do.
  #queue: Promise<void> = Promise.resolve()

  postMessage(message: unknown): void {
    const to = this.other
    if (!to) return
    const event = { data: copyOf(message) }
    this.#queue = this.#queue.then(() => {
      for (const listener of to.#listeners) listener.call(to, event)
    })
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.add(listener)
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.delete(listener)
  }

  terminate(): void {
    this.#listeners.clear()
    if (this.other) this.other.#listeners.clear()
  }
}

/**
 * Two ends of an in-memory channel for running pdf.js's worker in the same
 * thread as its caller. pdf.js's own in-thread channel (its "fake worker")
 * copies every message with structuredClone, which for a text-heavy page
 * (Chromium writes a marked span per Arabic cluster: 4,000 items a page)
 * was a quarter of the time pdf.js spent reading the text. The copy here
 * keeps what matters — the receiver never shares the sender's objects,
 * which pdf.js goes on changing after posting — at a fraction of the cost.
 */
export function inMemoryPortPair(): [MessagePortLike, MessagePortLike] {
  const a = new InMemoryPort()
  const b = new InMemoryPort()
  a.other = b
  b.other = a
  return [a, b]
}
