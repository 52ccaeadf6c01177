import { basename, dirname, join } from 'node:path'
import { errorCode, nodeFs, type StoreFs } from './store-fs'

let counter = 0

/**
 * A fresh temp path next to `file`: `.NAME.tmp-<pid>-<counter>`. Same directory,
 * so the final rename never crosses file systems; hidden by the leading dot; the
 * pid and counter make it unique across processes and concurrent writes, and
 * let a later process tell whether its writer is still alive.
 */
export function tempPathFor(file: string): string {
  counter += 1
  return join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${counter}`)
}

/** Temp files older than this are removed even if their pid is alive (it was reused). */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000

/**
 * Removes temp files left in `dir` by writers that were killed between
 * creating the temp file and renaming it (a crash, a power cut). Only names of
 * the form `.<target>.tmp-<pid>-<n>` whose target matches `targetPattern` (a
 * regular-expression source, anchored here) are considered, and only when the
 * pid is not a live process, or the file is older than a day: a write in
 * progress in this or another live process is never disturbed. Best effort:
 * errors are ignored, a leftover temp file is harmless and is retried next time.
 * Returns the paths removed.
 */
export async function removeStaleTemps(
  dir: string,
  targetPattern: string,
  fs: StoreFs = nodeFs,
): Promise<string[]> {
  const pattern = new RegExp(`^\\.(?:${targetPattern})\\.tmp-(\\d+)-\\d+$`)
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const match = pattern.exec(name)
    if (!match) continue
    const path = join(dir, name)
    try {
      if (isProcessAlive(Number(match[1])) && !(await isOlderThan(fs, path, STALE_AFTER_MS))) continue
      await fs.rm(path, { force: true })
      removed.push(path)
    } catch {
      // Best effort (see above).
    }
  }
  return removed
}

/** Escapes a literal file name for use inside `removeStaleTemps`' pattern. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whether `pid` names a running process; our own pid counts as running (a write in progress). */
function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === 'EPERM'
  }
}

async function isOlderThan(fs: StoreFs, path: string, ms: number): Promise<boolean> {
  const stats = await fs.stat(path)
  return Date.now() - stats.mtimeMs > ms
}
