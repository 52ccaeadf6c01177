import { BrowserWindow, dialog } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ImportOutcome } from '../../common/contract/article-import'
import { eventChannelOf } from '../../common/contract/channels'
import type { HamishEvents } from '../../common/contract/events'
import { MAX_IMPORT_BYTES } from '../../common/contract/limits'
import { tooLargeMessage, tooLargeText } from '../../common/contract/too-large-text'
import { HamishError } from '../../common/errors'
import { ANNOTATION_FILE_EXTENSION, isAnnotationFileName } from '../../common/sharing/annotation-file-name'
import { IMPORT_EXTENSIONS } from '../import/import-file'
import type { Library } from '../library/library'

/** A file refused before the library sees it, for being over the import limit. */
function tooLargeOutcome(name: string, size: number): ImportOutcome {
  return {
    name,
    status: 'rejected',
    message: tooLargeMessage(name, size),
    text: tooLargeText(name, size),
    article: null,
  }
}

/** Sends a typed event to the window's page. */
export function sendEvent<E extends keyof HamishEvents>(
  win: BrowserWindow,
  event: E,
  payload: HamishEvents[E],
): void {
  if (!win.isDestroyed()) win.webContents.send(eventChannelOf(event), payload)
}

/**
 * File > Import…: main opens the native dialog itself (the page never names a
 * path), imports each article in turn with progress events, then tells the
 * page what happened. Annotation files (`.json`) chosen there take the
 * route a dropped one takes: their names and bytes go to the page's
 * annotation importer (`annotationFilesChosen`), which asks for the article
 * if need be and shows the merge report; they go after the articles, so
 * notes chosen with their article find it.
 */
export async function importWithDialog(win: BrowserWindow, library: Library): Promise<void> {
  const choice = await dialog.showOpenDialog(win, {
    title: 'Import articles',
    properties: ['openFile', 'multiSelections'],
    filters: [
      {
        name: 'Articles and annotation files',
        extensions: [...IMPORT_EXTENSIONS, ANNOTATION_FILE_EXTENSION],
      },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  if (choice.canceled || choice.filePaths.length === 0) return
  const annotationPaths = choice.filePaths.filter((path) => isAnnotationFileName(basename(path)))
  const articlePaths = choice.filePaths.filter((path) => !isAnnotationFileName(basename(path)))
  const outcomes = articlePaths.length > 0 ? await importArticles(win, library, articlePaths) : []
  const annotations = await readAnnotationFiles(annotationPaths)
  outcomes.push(...annotations.refused)
  if (outcomes.length > 0) sendEvent(win, 'libraryChanged', { outcomes })
  if (annotations.files.length > 0) sendEvent(win, 'annotationFilesChosen', { files: annotations.files })
}

/**
 * The annotation files' bytes, for the page; one over the import limit or
 * that cannot be read is refused by name in the import report, as an
 * article would be, and is not sent.
 */
async function readAnnotationFiles(
  paths: string[],
): Promise<{ files: { name: string; bytes: Uint8Array }[]; refused: ImportOutcome[] }> {
  const files: { name: string; bytes: Uint8Array }[] = []
  const refused: ImportOutcome[] = []
  for (const path of paths) {
    const name = basename(path)
    try {
      const info = await stat(path)
      if (info.size > MAX_IMPORT_BYTES) {
        refused.push(tooLargeOutcome(name, info.size))
        continue
      }
      files.push({ name, bytes: new Uint8Array(await readFile(path)) })
    } catch {
      refused.push({ name, status: 'rejected', message: `${name}: could not be read.`, article: null })
    }
  }
  return { files, refused }
}

/** The articles chosen, imported one by one with progress: their outcomes. */
async function importArticles(
  win: BrowserWindow,
  library: Library,
  paths: string[],
): Promise<ImportOutcome[]> {
  // Recorded before the first file, like the page's batches: a window closed mid-way lists the rest at the next start.
  const sizes = await Promise.all(
    paths.map((path) =>
      stat(path).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  )
  const tickets = await library
    .planImports(paths.map((path, i) => ({ name: basename(path), size: sizes[i]! })))
    .catch(() => [] as string[])
  const outcomes: ImportOutcome[] = []
  for (const [i, path] of paths.entries()) {
    const name = basename(path)
    const ticket = tickets[i]
    sendEvent(win, 'importProgress', { done: i, total: paths.length, name })
    // A file refused here, before the library sees it, leaves the list all the same.
    const settle = (): Promise<void> => (ticket ? library.cancelImports([ticket]) : Promise.resolve())
    try {
      const info = await stat(path)
      if (info.size > MAX_IMPORT_BYTES) {
        await settle()
        outcomes.push(tooLargeOutcome(name, info.size))
        continue
      }
      const bytes = new Uint8Array(await readFile(path))
      outcomes.push(await library.importFile(ticket ? { name, bytes, ticket } : { name, bytes }))
    } catch (err) {
      await settle().catch(() => undefined)
      const message = err instanceof HamishError ? err.message : `${name}: could not be read.`
      outcomes.push({ name, status: 'rejected', message, article: null })
    }
  }
  sendEvent(win, 'importProgress', {
    done: paths.length,
    total: paths.length,
    name: '',
  })
  return outcomes
}
