import { errorCode, type StoreFs } from './store-fs'

/**
 * What tells one version of a file from another without reading it: every
 * write of ours renames a new file into place (a new inode), and another
 * program's write changes the inode, the size or the modification time.
 * null: there is no file.
 */
export type DiskIdentity = { ino: number; dev: number; size: number; mtimeMs: number } | null

/** The identity of `file` as it is on disk now. */
export async function diskIdentity(fs: StoreFs, file: string): Promise<DiskIdentity> {
  try {
    const info = await fs.stat(file)
    return { ino: info.ino, dev: info.dev, size: info.size, mtimeMs: info.mtimeMs }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
}

/** Whether two identities are the same version of a file. */
export function sameIdentity(a: DiskIdentity, b: DiskIdentity): boolean {
  if (a === null || b === null) return a === b
  return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs
}
