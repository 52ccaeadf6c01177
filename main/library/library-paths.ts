import { join, resolve } from 'node:path'

/** Files of a library folder (DESIGN §3). */
export interface LibraryPaths {
  dir: string
  libraryFile: string
  articlesDir: string
  backupsDir: string
  /** search-index/: one file per article, named like the article's own file. */
  searchIndexDir: string
  /**
   * backups/search-index/: the index files' backups, apart from the articles'
   * (same base names) so pruning one never removes the other's.
   */
  searchIndexBackupsDir: string
  articleFile(id: string): string
}

/** Where each file of the library at `dir` lives. */
export function libraryPaths(dir: string): LibraryPaths {
  const root = resolve(dir)
  return {
    dir: root,
    libraryFile: join(root, 'library.json'),
    articlesDir: join(root, 'articles'),
    backupsDir: join(root, 'backups'),
    searchIndexDir: join(root, 'search-index'),
    searchIndexBackupsDir: join(root, 'backups', 'search-index'),
    articleFile: (id) => join(root, 'articles', `${id}.json`),
  }
}

/**
 * The library folder to use: `--library DIR` wins, then `HAMISH_LIBRARY`, then
 * the platform default (Electron's userData/library, or ~/.hamish/library for
 * the CLI). Returns the remaining arguments without the option.
 */
export function pickLibraryDir(
  argv: string[],
  env: Record<string, string | undefined>,
  fallback: string,
): { dir: string; rest: string[] } {
  const rest: string[] = []
  let dir: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--library') {
      const value = argv[i + 1]
      if (!value || value.startsWith('--')) throw new Error('--library needs a folder: --library DIR')
      dir = value
      i++
    } else if (arg.startsWith('--library=')) {
      dir = arg.slice('--library='.length)
    } else {
      rest.push(arg)
    }
  }
  return { dir: resolve(dir ?? env.HAMISH_LIBRARY ?? fallback), rest }
}
