import { basename, join, resolve } from 'node:path'
import { errorCode, nodeFs, type StoreFs } from './store-fs'
import { escapeRegExp, tempPathFor } from './temp-files'

/** One rolling backup of a file. */
export interface Backup {
  path: string
  /** Milliseconds since the epoch, from the name; unique and increasing per file. */
  time: number
}

/** How many backups of each file are kept unless told otherwise. */
export const DEFAULT_KEEP_BACKUPS = 5

/**
 * The name pattern of `file`'s backups, `<basename>.<timestamp-ms>.bak`, as a
 * regular-expression source. Two stores whose files share a basename must not
 * share a backups folder.
 */
export function backupNamePattern(file: string): string {
  return `${escapeRegExp(basename(file))}\\.\\d+\\.bak`
}

/**
 * Only names that are exactly `<basename>.<digits>.bak`: the whole base name,
 * escaped, anchored at both ends, so `a.json`'s backups are never confused with
 * those of `xa.json`, `a.json.1` or `a.jsonl`.
 */
function backupNameRegExp(file: string): RegExp {
  return new RegExp(`^${escapeRegExp(basename(file))}\\.(\\d+)\\.bak$`)
}

/** Which file owns each backup name (`<backupsDir>/<basename>`) in this process. */
const owners = new Map<string, string>()

/**
 * Claims `file`'s backup names in `backupsDir` for it. Backups are told apart
 * by the file's base name only, so a second file with the same base name and
 * the same backups folder would take the first one's backups as its own:
 * count them, prune them, restore them. That is a programming error, thrown
 * here when the second file's store is made, before anything is written.
 */
export function claimBackupNames(file: string, backupsDir: string): void {
  const key = join(resolve(backupsDir), basename(file))
  const owner = owners.get(key)
  const path = resolve(file)
  if (owner === undefined) owners.set(key, path)
  else if (owner !== path)
    throw new Error(
      `${path} and ${owner} cannot share the backups folder ${backupsDir}: their backups would mix`,
    )
}

/** The backups of `file` in `backupsDir`, newest first; none if the folder does not exist. */
export async function listBackups(file: string, backupsDir: string, fs: StoreFs = nodeFs): Promise<Backup[]> {
  const pattern = backupNameRegExp(file)
  let names: string[]
  try {
    names = await fs.readdir(backupsDir)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return []
    throw error
  }
  const backups: Backup[] = []
  for (const name of names) {
    const match = pattern.exec(name)
    if (match) backups.push({ path: join(backupsDir, name), time: Number(match[1]) })
  }
  return backups.sort((a, b) => b.time - a.time)
}

/**
 * Keeps the current content of `file` as a new backup, then prunes the oldest
 * so that at most `keep` remain. The copy is a hard link: free, and safe
 * because the store never writes a file in place (it renames a new one over
 * it, leaving the old inode to the backup). Where links are impossible (FAT,
 * some network shares) the file is copied, through a temp file so a crash
 * never leaves half a backup. The timestamp is bumped past the newest
 * existing backup, so names stay unique and ordered even for writes in the
 * same millisecond or with a clock set back. Returns the backup's path, or
 * null when `file` does not exist yet.
 */
export async function backUp(
  file: string,
  backupsDir: string,
  options: { keep?: number; fs?: StoreFs } = {},
): Promise<string | null> {
  const fs = options.fs ?? nodeFs
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP_BACKUPS)
  try {
    await fs.stat(file)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
  await fs.mkdir(backupsDir, { recursive: true })
  const existing = await listBackups(file, backupsDir, fs)
  const time = Math.max(Date.now(), (existing[0]?.time ?? 0) + 1)
  const target = join(backupsDir, `${basename(file)}.${time}.bak`)
  try {
    await fs.link(file, target)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    if (!(await copyThroughTemp(fs, file, target))) return null
  }
  for (const old of existing.slice(keep - 1)) await fs.rm(old.path, { force: true })
  return target
}

/** Copies `from` to `to` via a temp file; false if `from` does not exist. */
async function copyThroughTemp(fs: StoreFs, from: string, to: string): Promise<boolean> {
  const temp = tempPathFor(to)
  try {
    await fs.copyFile(from, temp)
    await fs.rename(temp, to)
    return true
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    if (errorCode(error) === 'ENOENT') return false
    throw error
  }
}
