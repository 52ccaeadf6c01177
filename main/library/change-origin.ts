import { AsyncLocalStorage } from 'node:async_hooks'

const origins = new AsyncLocalStorage<string>()

/**
 * Runs one API call on behalf of `origin` (a preview tab's client id, or
 * the Electron window): every change it publishes carries that origin, so
 * the transport can tell the other windows without echoing a window's own
 * changes back to it.
 */
export function runWithChangeOrigin<T>(origin: string, call: () => T): T {
  return origins.run(origin, call)
}

/** The origin of the call now running; null outside any call (the library's own repairs, the menu). */
export function currentChangeOrigin(): string | null {
  return origins.getStore() ?? null
}
