import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'

/** Who holds a library: written into `library.lock` by the process that opened it. */
interface LockOwner {
  pid: number
  host: string
  since: string
}

/** Libraries this process holds, so opening one again here (tests, the CLI's commands) is allowed. */
const held = new Set<string>()

function readOwner(file: string): LockOwner | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.since === 'string')
      return { pid: data.pid, host: data.host, since: data.since }
  } catch {
    // Missing, half-written or not ours: no owner to respect.
  }
  return null
}

/** Whether a process of this machine still runs (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes `library.lock` in the library folder for this process, or refuses
 * with who holds it: two processes writing one library (the app and the CLI,
 * two windows) would each overwrite the other's library.json and lose
 * articles and annotations without a word. A lock left by a process that is
 * gone (a crash, a kill) is taken over; one from another machine (a shared
 * folder) is respected, since nothing here can tell whether it still runs.
 * The lock goes when this process exits.
 */
export function lockLibrary(dir: string): void {
  if (held.has(dir)) return
  const file = join(dir, 'library.lock')
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`)
      } finally {
        closeSync(fd)
      }
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw err
      const owner = readOwner(file)
      const mine = owner?.host === me.host && owner.pid === me.pid
      const alive = owner !== null && (owner.host !== me.host || running(owner.pid))
      if (alive && !mine)
        throw new HamishError(
          'locked',
          localText('messages.libraryLocked', { pid: owner.pid, host: owner.host, since: owner.since, dir }),
        )
      unlinkSync(file)
    }
  }
  held.add(dir)
  process.once('exit', () => {
    if (readOwner(file)?.pid === me.pid) unlinkSync(file)
  })
}
