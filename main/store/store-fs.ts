import * as fsp from 'node:fs/promises'

/**
 * The file-system calls the store makes, as one injectable object. Production
 * code always uses `nodeFs`; tests pass a copy with one call made to fail,
 * because a read-only directory cannot simulate a failed write when the tests
 * run as root.
 */
export type StoreFs = Pick<
  typeof fsp,
  'open' | 'rename' | 'rm' | 'link' | 'copyFile' | 'readFile' | 'readdir' | 'mkdir' | 'stat'
>

/** The real file system. */
export const nodeFs: StoreFs = fsp

/** The `code` of a Node system error (`ENOENT`, `EXDEV`…), or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code
    return typeof code === 'string' ? code : undefined
  }
  return undefined
}
