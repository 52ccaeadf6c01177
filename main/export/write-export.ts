import { dirname } from 'node:path'
import { HamishError } from '../../common/errors'
import { writeFileAtomic } from '../store/atomic-write'
import { errorCode, nodeFs, type StoreFs } from '../store/store-fs'

export interface WriteExportOptions {
  /** File-system calls to use (tests inject failures); defaults to node:fs/promises. */
  fs?: StoreFs
}

/**
 * Saves an export at `path`: through a temp file in the same folder and a
 * rename (writeFileAtomic), so a failed export never leaves a partial file
 * and an existing file at `path` is either replaced whole or left as it was.
 * Failures become HamishErrors that name the path and say what to do.
 */
export async function writeExportFile(
  path: string,
  bytes: Uint8Array | string,
  options: WriteExportOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs
  // A folder at the target would make the rename fail after the whole export
  // was written; say so before writing anything.
  const existing = await fs.stat(path).catch(() => undefined)
  if (existing?.isDirectory()) throw exportWriteError(path, 'EISDIR')
  try {
    await writeFileAtomic(path, bytes, { fs })
  } catch (error) {
    throw exportWriteError(path, errorCode(error), error)
  }
}

/** The user's message for a failed export write, by system error code. */
export function exportWriteError(path: string, code: string | undefined, cause?: unknown): HamishError {
  const folder = dirname(path)
  switch (code) {
    case 'ENOENT':
      return new HamishError(
        'not-found',
        `Could not save the export to ${path}: the folder ${folder} does not exist. ` +
          'Choose an existing folder, or create it first.',
      )
    case 'ENOTDIR':
      return new HamishError(
        'not-found',
        `Could not save the export to ${path}: part of the folder path ${folder} is a file, not a folder. ` +
          'Choose another folder.',
      )
    case 'EISDIR':
      return new HamishError(
        'invalid-argument',
        `Could not save the export to ${path}: that is a folder. Give a file name inside it instead ` +
          '(for example article.pdf).',
      )
    case 'EACCES':
    case 'EPERM':
      return new HamishError(
        'storage',
        `Could not save the export to ${path}: permission denied. ` +
          `Choose a folder you can write to, or change the permissions of ${folder}.`,
      )
    case 'EROFS':
      return new HamishError(
        'storage',
        `Could not save the export to ${path}: the disk is read-only. Choose a folder on a writable disk.`,
      )
    case 'ENOSPC':
    case 'EDQUOT':
      return new HamishError(
        'storage',
        `Could not save the export to ${path}: the disk is full. ` +
          'Free some space or choose another disk; nothing was written.',
      )
    case 'ENAMETOOLONG':
      return new HamishError(
        'invalid-argument',
        `Could not save the export to ${path}: the file name is too long. Choose a shorter name.`,
      )
    default: {
      const detail = code ?? (cause instanceof Error ? cause.message.split('\n')[0] : undefined)
      return new HamishError(
        'storage',
        `Could not save the export to ${path}${detail ? ` (${detail})` : ''}; nothing was written. ` +
          'Try again or choose another folder.',
      )
    }
  }
}
