import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs'
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'

/** Who holds a library: written into its lock file by the process that opened it. */
export interface LockOwner {
  pid: number
  host: string
  since: string
}

/** The lock file of one generation: `library.lock.<generation>`; the highest generation present is the lock. */
interface LockFile {
  generation: number
  file: string
}

/** A lock file written by Hamish before generations (one `library.lock`), read as generation 0. */
const LEGACY_LOCK = 'library.lock'
const LOCK_NAME = /^library\.lock\.([1-9][0-9]{0,14})$/

/** How often a holder touches its lock, so another machine on a shared folder can tell it still runs. */
const HEARTBEAT_MS = 60_000
/** A lock from another machine not touched for this long is taken to be left by a program that is gone. */
export const FOREIGN_LOCK_STALE_MS = 15 * 60_000

/** Libraries this process holds (folder → its lock file), so opening one again here is allowed. */
const held = new Map<string, { file: string; heartbeat: NodeJS.Timeout }>()
let exitHookInstalled = false

/** Every lock file in `dir`, highest generation first. */
function lockFiles(dir: string): LockFile[] {
  const found: LockFile[] = []
  for (const name of readdirSync(dir)) {
    if (name === LEGACY_LOCK) found.push({ generation: 0, file: join(dir, name) })
    const match = LOCK_NAME.exec(name)
    if (match) found.push({ generation: Number(match[1]), file: join(dir, name) })
  }
  return found.sort((a, b) => b.generation - a.generation)
}

/** The owner named in a lock file; null when it is gone, 'damaged' when it holds no owner. */
function readOwner(file: string): LockOwner | 'damaged' | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  try {
    const data = JSON.parse(text) as Partial<LockOwner>
    if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.since === 'string')
      return { pid: data.pid, host: data.host, since: data.since }
  } catch {
    // Not JSON: see below.
  }
  return 'damaged'
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

/** Whether the owner of `file` may still be writing the library, so its lock must be respected. */
function ownerAlive(owner: LockOwner, file: string, now: number): boolean {
  if (owner.host === hostname()) return running(owner.pid)
  // Another machine on a shared folder: its process cannot be asked, but a live holder touches its lock.
  try {
    return now - statSync(file).mtimeMs < FOREIGN_LOCK_STALE_MS
  } catch {
    return false
  }
}

function unlinkIfPresent(file: string): void {
  try {
    unlinkSync(file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
}

/** Writes the owner to a fresh file and flushes it, so the lock it becomes is never seen empty or half-written. */
function writeOwnerFile(dir: string, owner: LockOwner): string {
  const temp = join(dir, `.library.lock.tmp-${process.pid}-${randomBytes(6).toString('hex')}`)
  const fd = openSync(temp, 'wx', 0o600)
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return temp
}

/** Says who holds the library; never advises deleting the lock, since its holder may be writing. */
function lockedError(dir: string, owner: LockOwner): HamishError {
  const key = owner.host === hostname() ? 'messages.libraryLocked' : 'messages.libraryLockedElsewhere'
  return new HamishError('locked', localText(key, { ...owner, dir }))
}

/**
 * Takes the library in `dir` for this process, or refuses with who holds it:
 * two processes writing one library (the app and the CLI, two windows) would
 * each overwrite the other's files and lose articles and annotations.
 *
 * The lock is the highest generation of `library.lock.<n>`. Each file is
 * written whole and flushed under a temporary name, then hard-linked to its
 * final name, which fails if that name exists: so a lock is never seen empty,
 * and of all the processes that find generation n left by a process that is
 * gone, exactly one creates n+1. A process that created a generation checks
 * afterwards that none higher appeared (a slow rival acting on an older
 * listing) and backs off if one did; then it removes the lower generations.
 * No lock is ever deleted while its owner may run, and nothing asks a user
 * to delete one. A lock of another machine (a shared folder) is respected
 * while its holder touches it (every minute) and taken over after 15 minutes
 * without. The lock goes when this process exits.
 */
export function lockLibrary(dir: string): void {
  if (held.has(dir)) return
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
  for (let attempt = 0; attempt < 50; attempt++) {
    const top = lockFiles(dir)[0]
    if (top) {
      const owner = readOwner(top.file)
      if (owner === null) continue // removed while we looked: look again
      if (owner !== 'damaged' && ownerAlive(owner, top.file, Date.now())) throw lockedError(dir, owner)
    }
    const generation = (top?.generation ?? 0) + 1
    const file = join(dir, `library.lock.${generation}`)
    const temp = writeOwnerFile(dir, me)
    try {
      linkSync(temp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue // a rival took this generation: look again
      throw err
    } finally {
      unlinkIfPresent(temp)
    }
    const newest = lockFiles(dir)[0]
    if (newest && newest.generation > generation) {
      // A rival acting on an older listing created a higher generation: it is the holder, not us.
      unlinkIfPresent(file)
      continue
    }
    for (const older of lockFiles(dir)) if (older.generation < generation) unlinkIfPresent(older.file)
    hold(dir, file)
    return
  }
  throw new HamishError('locked', localText('messages.libraryLockBusy', { dir }))
}

function hold(dir: string, file: string): void {
  const heartbeat = setInterval(() => {
    try {
      const now = new Date()
      utimesSync(file, now, now)
    } catch {
      // The next start tells; a missing heartbeat only matters to another machine.
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()
  if (!exitHookInstalled) process.once('exit', unlockAll)
  exitHookInstalled = true
  held.set(dir, { file, heartbeat })
}

/** At exit: every library this process still holds is given back (one listener, however many libraries). */
function unlockAll(): void {
  for (const dir of [...held.keys()]) unlockLibrary(dir)
}

/**
 * Gives the library back: removes this process's lock file, and only if it
 * still names this process. For the process's end, and for tests that hand a
 * library from one process to another.
 */
export function unlockLibrary(dir: string): void {
  const mine = held.get(dir)
  if (!mine) return
  held.delete(dir)
  clearInterval(mine.heartbeat)
  const owner = readOwner(mine.file)
  if (owner !== null && owner !== 'damaged' && owner.pid === process.pid && owner.host === hostname())
    unlinkIfPresent(mine.file)
}

/** The owner of the library in `dir` as its lock files say, for messages and tests; null when none. */
export function libraryLockOwner(dir: string): LockOwner | null {
  const top = lockFiles(dir)[0]
  if (!top) return null
  const owner = readOwner(top.file)
  return owner === 'damaged' ? null : owner
}
