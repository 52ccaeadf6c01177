import { readFileSync } from 'node:fs'

/**
 * Bytes this process has handed to write calls so far: `wchar` of
 * /proc/self/io (every thread, libuv's file-system pool included, whether or
 * not the bytes reached the disk yet). Counting the calls rather than the
 * disk is what a bench on a shared machine can trust: the page cache and
 * other processes do not move it. Linux only.
 */
export function bytesWritten(): number {
  const io = readFileSync('/proc/self/io', 'utf8')
  const found = /^wchar:\s*(\d+)$/m.exec(io)
  if (!found) throw new Error('/proc/self/io has no wchar line: this benchmark needs Linux')
  return Number(found[1])
}

/** One awaited call: how long until it resolved and how many bytes the process wrote meanwhile. */
export interface Metered<T> {
  result: T
  ms: number
  bytes: number
}

/**
 * Times one awaited call and counts the bytes written while it ran. The
 * caller makes sure nothing else in the process writes meanwhile (no
 * logging, no other work in flight), so the bytes are the call's own.
 */
export async function metered<T>(call: () => Promise<T>): Promise<Metered<T>> {
  const before = bytesWritten()
  const t0 = performance.now()
  const result = await call()
  const ms = performance.now() - t0
  return { result, ms, bytes: bytesWritten() - before }
}

/**
 * Waits until the process has written nothing for `quietMs` (at most
 * `maxMs`), and returns what it wrote meanwhile: work a call leaves for
 * later (an index written after the answer) is then counted too, and does
 * not land in the next call's figure.
 */
export async function writesUntilQuiet(quietMs = 300, maxMs = 10_000): Promise<number> {
  const start = bytesWritten()
  const t0 = performance.now()
  let last = start
  let quietSince = performance.now()
  while (performance.now() - quietSince < quietMs && performance.now() - t0 < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 25))
    const now = bytesWritten()
    if (now !== last) {
      last = now
      quietSince = performance.now()
    }
  }
  return last - start
}
