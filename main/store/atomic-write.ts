import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { errorCode, nodeFs, type StoreFs } from './store-fs'
import { tempPathFor } from './temp-files'

export interface AtomicWriteOptions {
  /** File-system calls to use (tests inject failures); defaults to node:fs/promises. */
  fs?: StoreFs
  /**
   * Permission bits of the new file (`0o600` for the library's files, an
   * existing export target's own), set on the temp file before the rename
   * and regardless of the umask. Absent: a new file as `open` makes it.
   */
  mode?: number
}

/**
 * Replaces `file` with `data` so that, whatever happens (crash, kill, full
 * disk), the file holds either all of the old content or all of the new:
 * write a unique temp file in the same directory, fsync it, close it, rename
 * it over the target, then fsync the directory so the rename itself is
 * durable. On failure the temp file is removed and the error rethrown; the
 * target is untouched. Resolves only after the rename, so a caller may treat
 * resolution as "it is on disk". With `mode`, the file has exactly those
 * permissions from the moment it appears under its name.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs
  const temp = tempPathFor(file)
  let handle: FileHandle | undefined
  try {
    handle = await fs.open(temp, 'wx', options.mode ?? 0o666)
    // open's mode passes through the umask; chmod does not.
    if (options.mode !== undefined) await handle.chmod(options.mode)
    await handle.writeFile(data)
    await handle.sync()
    const closing = handle
    handle = undefined
    await closing.close()
    await renameWithRetry(fs, temp, file)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await fsyncDirectory(fs, dirname(file))
}

/** Directory fsync errors that only mean "this platform cannot do that" (Windows). */
const UNSUPPORTED_DIR_SYNC = new Set(['EINVAL', 'EISDIR', 'EPERM'])

/**
 * Makes a rename in `dir` durable. Windows cannot open or fsync a directory;
 * those errors are ignored (NTFS journals the rename itself). Other errors
 * (EIO) are rethrown: the write cannot be called acknowledged.
 */
export async function fsyncDirectory(fs: StoreFs, dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch (error) {
    if (!UNSUPPORTED_DIR_SYNC.has(errorCode(error) ?? '')) throw error
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** Errors a Windows rename gives while an antivirus or indexer briefly holds the target open. */
const TRANSIENT_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY'])

/**
 * `rename`, retried a few times on Windows for transient sharing violations;
 * elsewhere those errors are real and reported at once.
 */
async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      const retry =
        process.platform === 'win32' && attempt < 5 && TRANSIENT_RENAME.has(errorCode(error) ?? '')
      if (!retry) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt))
    }
  }
}
