import { join, resolve } from 'node:path'

/** Files of a library folder (DESIGN §3). */
export interface LibraryPaths {
  dir: string
  libraryFile: string
  /** positions.json: where each article was left, apart from library.json so a scroll never rewrites the list. */
  positionsFile: string
  articlesDir: string
  /** annotations/: one append log per article (`<id>.jsonl`), apart from its text. */
  annotationsDir: string
  /** annotation-counts.json: each article's count of live annotations, derived from its log (main/library/annotation-counts.ts). */
  annotationCountsFile: string
  backupsDir: string
  /** search-index/: one file per article, named like the article's own file. */
  searchIndexDir: string
  /**
   * backups/search-index/: the index files' backups, apart from the articles'
   * (same base names) so pruning one never removes the other's.
   */
  searchIndexBackupsDir: string
  articleFile(id: string): string
  annotationLog(id: string): string
}

/** Where each file of the library at `dir` lives. */
export function libraryPaths(dir: string): LibraryPaths {
  const root = resolve(dir)
  return {
    dir: root,
    libraryFile: join(root, 'library.json'),
    positionsFile: join(root, 'positions.json'),
    articlesDir: join(root, 'articles'),
    annotationsDir: join(root, 'annotations'),
    annotationCountsFile: join(root, 'annotation-counts.json'),
    backupsDir: join(root, 'backups'),
    searchIndexDir: join(root, 'search-index'),
    searchIndexBackupsDir: join(root, 'backups', 'search-index'),
    articleFile: (id) => join(root, 'articles', `${id}.json`),
    annotationLog: (id) => join(root, 'annotations', `${id}.jsonl`),
  }
}
