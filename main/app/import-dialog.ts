import { BrowserWindow, dialog } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ImportOutcome } from '../../common/contract/article-import'
import { eventChannelOf } from '../../common/contract/channels'
import type { HamishEvents } from '../../common/contract/events'
import { MAX_IMPORT_BYTES } from '../../common/contract/limits'
import { tooLargeMessage, tooLargeText } from '../../common/contract/too-large-text'
import { HamishError } from '../../common/errors'
import { IMPORT_EXTENSIONS } from '../import/import-file'
import type { Library } from '../library/library'

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
 * path), imports each file in turn with progress events, then tells the page
 * what happened.
 */
export async function importWithDialog(win: BrowserWindow, library: Library): Promise<void> {
  const choice = await dialog.showOpenDialog(win, {
    title: 'Import articles',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles', extensions: IMPORT_EXTENSIONS },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  if (choice.canceled || choice.filePaths.length === 0) return
  // Recorded before the first file, like the page's batches: a window closed mid-way lists the rest at the next start.
  const sizes = await Promise.all(
    choice.filePaths.map((path) =>
      stat(path).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  )
  const tickets = await library
    .planImports(choice.filePaths.map((path, i) => ({ name: basename(path), size: sizes[i]! })))
    .catch(() => [] as string[])
  const outcomes: ImportOutcome[] = []
  for (const [i, path] of choice.filePaths.entries()) {
    const name = basename(path)
    const ticket = tickets[i]
    sendEvent(win, 'importProgress', { done: i, total: choice.filePaths.length, name })
    // A file refused here, before the library sees it, leaves the list all the same.
    const settle = (): Promise<void> => (ticket ? library.cancelImports([ticket]) : Promise.resolve())
    try {
      const info = await stat(path)
      if (info.size > MAX_IMPORT_BYTES) {
        await settle()
        outcomes.push({
          name,
          status: 'rejected',
          message: tooLargeMessage(name, info.size),
          text: tooLargeText(name, info.size),
          article: null,
        })
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
    done: choice.filePaths.length,
    total: choice.filePaths.length,
    name: '',
  })
  sendEvent(win, 'libraryChanged', { outcomes })
}
