import type { LibraryChange } from '../../common/library-changes'
import { currentChangeOrigin } from './change-origin'

/** Hears a change and who made it (`runWithChangeOrigin`; null for the library itself). */
export type ChangeListener = (change: LibraryChange, origin: string | null) => void

/**
 * The library's one change feed. Services publish after their change is
 * acknowledged (on disk); listeners run synchronously in subscription order
 * and must not throw into the publisher: a failing listener is reported to
 * `onListenerError` and the others still run.
 */
export class ChangeFeed {
  readonly #listeners = new Set<ChangeListener>()
  readonly #onListenerError: (error: unknown) => void

  constructor(onListenerError: (error: unknown) => void = () => undefined) {
    this.#onListenerError = onListenerError
  }

  /** Listens to every change from now on; call the returned function to stop. */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Tells every listener; never throws. */
  publish(change: LibraryChange): void {
    const origin = currentChangeOrigin()
    for (const listener of [...this.#listeners]) {
      try {
        listener(change, origin)
      } catch (error) {
        this.#onListenerError(error)
      }
    }
  }
}
