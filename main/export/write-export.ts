import { lstat as nodeLstat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { HamishError } from '../../common/errors'
import { writeFileAtomic } from '../store/atomic-write'
import { errorCode, nodeFs, type StoreFs } from '../store/store-fs'
import { localText } from '../../common/i18n/local-text'

export interface WriteExportOptions {
  /** File-system calls to use (tests inject failures); defaults to node:fs/promises. */
  fs?: StoreFs & { lstat?: typeof nodeLstat }
}

/**
 * Saves an export at `path`: through a temp file in the same folder and a
 * rename (writeFileAtomic), so a failed export never leaves a partial file
 * and an existing regular file at `path` is either replaced whole or left as
 * it was. Anything else already at `path` is refused before a byte is
 * written (`lstat`, so a link is seen as itself): a folder; a symbolic link,
 * which the rename would replace by a plain file, leaving the file it points
 * to stale; a device, pipe or socket (`/dev/full`), which would be replaced
 * by a file. An existing file's permission bits are kept: the rename puts
 * a new inode in its place, which would otherwise get the umask's 0644.
 * Failures become HamishErrors that name the path and say what to do.
 */
export async function writeExportFile(
  path: string,
  bytes: Uint8Array | string,
  options: WriteExportOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs
  const lstat = options.fs?.lstat ?? nodeLstat
  // Not there (or not visible): the write itself says why if it cannot be made.
  const existing = await lstat(path).catch(() => undefined)
  if (existing?.isDirectory()) throw exportWriteError(path, 'EISDIR')
  if (existing?.isSymbolicLink())
    throw new HamishError('invalid-argument', localText('messages.exportIsLink', { path }))
  if (existing && !existing.isFile())
    throw new HamishError('invalid-argument', localText('messages.exportNotAFile', { path }))
  try {
    // Replacing a file keeps its permissions (a 0600 file stays private); a new one gets the umask's.
    await writeFileAtomic(path, bytes, { fs, mode: existing ? existing.mode & 0o7777 : undefined })
  } catch (error) {
    throw exportWriteError(path, errorCode(error), error)
  }
}

/** The user's message for a failed export write, by system error code. */
export function exportWriteError(path: string, code: string | undefined, cause?: unknown): HamishError {
  const folder = dirname(path)
  switch (code) {
    case 'ENOENT':
      return new HamishError('not-found', localText('messages.exportNoFolder', { path, folder }))
    case 'ENOTDIR':
      return new HamishError('not-found', localText('messages.exportFolderIsFile', { path, folder }))
    case 'EISDIR':
      return new HamishError('invalid-argument', localText('messages.exportIsFolder', { path }))
    case 'EACCES':
    case 'EPERM':
      return new HamishError('storage', localText('messages.exportPermission', { path, folder }))
    case 'EROFS':
      return new HamishError('storage', localText('messages.exportReadOnly', { path }))
    case 'ENOSPC':
    case 'EDQUOT':
      return new HamishError('storage', localText('messages.exportDiskFull', { path }))
    case 'ENAMETOOLONG':
      return new HamishError('invalid-argument', localText('messages.exportNameTooLong', { path }))
    default: {
      const detail = code ?? (cause instanceof Error ? cause.message.split('\n')[0] : undefined)
      return new HamishError(
        'storage',
        localText('messages.exportWriteFailed', { path, detail: detail ?? 'unknown error' }),
      )
    }
  }
}
