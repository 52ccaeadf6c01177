import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { AnnotationLogs } from './annotation-logs'
import type { ArticleFiles } from './article-files'

/**
 * Moves an article's annotations out of its article file (where libraries
 * before annotation logs kept them) into its log: the log is written first,
 * whole, and only then is the article file rewritten without them (its
 * store keeps the copy before as a backup). A crash between leaves both; the
 * log is then the truth and the next open finishes the move. An article
 * file already without annotations is left untouched.
 */
export async function moveAnnotationsToLog(
  id: string,
  files: ArticleFiles,
  logs: AnnotationLogs,
): Promise<void> {
  const store = await files.store(id)
  const legacy = store.data.annotations
  if (legacy === undefined) return
  if (legacy.length > 0 && !(await logs.statOf(id))) await logs.create(id, legacy)
  await store.update((file) => {
    delete file.annotations
  })
}

/**
 * The one-time conversion of a library from before annotation logs, at its
 * first open: every listed article's annotations move to their log (an
 * article whose file cannot be read now is moved when it is next opened),
 * and the `*.derived-pending` marks of that format (their repair is now the
 * counts' and the index's own check at open) are removed. Resolves once
 * every article that could be read was moved; the caller then records that
 * the library is converted, so this runs once.
 */
export async function moveAllAnnotationsToLogs(
  ids: readonly string[],
  files: ArticleFiles,
  logs: AnnotationLogs,
  articlesDir: string,
): Promise<void> {
  for (const id of ids) {
    const wasOpen = files.isOpen(id)
    try {
      await moveAnnotationsToLog(id, files, logs)
    } catch {
      // Damaged past its backups: its own error shows when it is opened, and the move is made then.
    }
    // Converting must not keep every article's text in memory.
    if (!wasOpen) files.release(id)
  }
  const names = await readdir(articlesDir).catch(() => [] as string[])
  for (const name of names)
    if (name.endsWith('.derived-pending')) await rm(join(articlesDir, name), { force: true })
}
