import { basename, join, resolve } from 'node:path'
import { errorCode, nodeFs, type StoreFs } from './store-fs'
import { writeFileAtomic } from './atomic-write'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './file-modes'
import { escapeRegExp } from './temp-files'

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
 * Keeps `bytes`, the content `file` is about to receive (or has), as its
 * newest backup, then prunes the oldest so that at most `keep` remain. A
 * copy written on its own (temp file, fsync, rename), never a hard link of
 * the file: damage that reaches one inode (a tool writing in place, a bad
 * sector) cannot reach both. Taken before the file itself is replaced, so
 * the newest backup always holds at least the last acknowledged write:
 * restoring it loses nothing that was acknowledged. The timestamp is bumped
 * past the newest existing backup, so names stay unique and ordered even for
 * writes in the same millisecond or with a clock set back.
 */
export async function keepBackupCopy(
  file: string,
  bytes: string | Uint8Array,
  backupsDir: string,
  options: { keep?: number; fs?: StoreFs } = {},
): Promise<Backup> {
  const fs = options.fs ?? nodeFs
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP_BACKUPS)
  await fs.mkdir(backupsDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const existing = await listBackups(file, backupsDir, fs)
  const time = Math.max(Date.now(), (existing[0]?.time ?? 0) + 1)
  const path = join(backupsDir, `${basename(file)}.${time}.bak`)
  await writeFileAtomic(path, bytes, { fs, mode: PRIVATE_FILE_MODE })
  for (const old of existing.slice(keep - 1)) await fs.rm(old.path, { force: true })
  return { path, time }
}

/**
 * Whether the newest backup holds exactly `bytes` (the file as just read):
 * if not, the file's current state has no copy yet (a library written by an
 * older Hamish, whose backups were taken before each write; a backup that
 * could not be written; a file edited by hand), and one should be taken.
 * Sizes first, so a differing copy is seen without reading it.
 */
export async function newestBackupHolds(
  file: string,
  bytes: Uint8Array,
  backupsDir: string,
  fs: StoreFs = nodeFs,
): Promise<boolean> {
  const [newest] = await listBackups(file, backupsDir, fs)
  if (!newest) return false
  try {
    if ((await fs.stat(newest.path)).size !== bytes.byteLength) return false
    return Buffer.from(await fs.readFile(newest.path)).equals(bytes)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false
    throw error
  }
}
