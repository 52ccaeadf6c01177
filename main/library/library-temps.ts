import { removeStaleTemps } from '../store/temp-files'
import type { LibraryPaths } from './library-paths'

/** Any target name: every `.NAME.tmp-<pid>-<n>` of a writer that is gone. */
const ANY_TARGET = '.+'

/**
 * Removes, when the library opens, the temp files that writers killed
 * mid-write left in any of its folders. Reading a file cleans its own temps,
 * but an article that is never opened again, a search-index file or a backup
 * copy would otherwise keep its leftover (as large as the file) for good.
 * Only names of our temp form whose process is gone (or over a day old) are
 * touched: a write in progress in a live process never is. Best effort.
 */
export async function removeStaleTempsIn(paths: LibraryPaths): Promise<string[]> {
  const dirs = [
    paths.dir,
    paths.articlesDir,
    paths.backupsDir,
    paths.searchIndexDir,
    paths.searchIndexBackupsDir,
  ]
  const removed: string[] = []
  for (const dir of dirs) removed.push(...(await removeStaleTemps(dir, ANY_TARGET)))
  return removed
}
