import type { ImportOutcome } from '../../../../common/contract/article-import'
import type { HamishEvents } from '../../../../common/contract/events'
import type { HamishApi } from '../../../../common/contract/methods'
import { MAX_IMPORT_BYTES } from '../../../../common/contract/limits'
import { englishText, localText } from '../../../../common/i18n/local-text'
import { errorMessage } from '../../ui/error-message'
import { strings } from '../../ui/strings'

/**
 * Progress of a batch, as main reports it for its own imports (the
 * `importProgress` event): `done` files finished out of `total`, `name` the
 * one being imported now.
 */
export type ImportProgress = HamishEvents['importProgress']

/** A file to import: the browser's File, or anything with a name, size and bytes. */
export interface ImportSource {
  name: string
  size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

/** The batch's Cancel: once pulled, the file being imported and every later one are cancelled. */
export interface CancelSwitch {
  readonly cancelled: boolean
  /** Called with the batch's tickets (`planImports`) when it starts; main's cancel needs them. */
  tickets?: string[]
}

type QueueApi = Pick<HamishApi, 'importFile' | 'planImports'>

/** A file's (or an address's) outcome when the user cancelled before it was imported: nothing was written. */
export function cancelledOutcome(name: string): ImportOutcome {
  const text = localText('messages.importCancelled', { name })
  return { name, status: 'cancelled', message: englishText(text), text, article: null }
}

/**
 * Imports files one at a time (each file's bytes are read only when its turn
 * comes, so a batch of large files never sits in memory at once). The batch
 * is first recorded in main (`planImports`: names and sizes, so a window
 * closed mid-import lists the rest at the next start); each file carries its
 * ticket, which main's `cancelImports` stops. A file over the size limit is
 * rejected here, without being read or sent; any failure becomes that file's
 * "rejected" outcome and the batch goes on; after Cancel every file left is
 * "cancelled". `onLanded` hears each file's outcome as main answers it, so
 * the library list can show the article before the rest of the batch is
 * done (main's change feed does not echo a window's own imports back to it).
 */
export async function importSources(
  api: QueueApi,
  files: ImportSource[],
  onProgress: (p: ImportProgress) => void,
  cancel: CancelSwitch = { cancelled: false },
  onLanded: (outcome: ImportOutcome) => void = () => undefined,
): Promise<ImportOutcome[]> {
  const names = files.map((file) => (file.name || strings.untitledFile).slice(0, 1024))
  // The panel shows the batch at once (and drops the last batch's results) while main records it.
  if (files.length > 0) onProgress({ done: 0, total: files.length, name: names[0]! })
  const tickets = await api
    .planImports(names.map((name, i) => ({ name, size: files[i]!.size })))
    .catch(() => undefined)
  cancel.tickets = tickets
  const outcomes: ImportOutcome[] = []
  for (const [i, file] of files.entries()) {
    const name = names[i]!
    if (cancel.cancelled) {
      outcomes.push(cancelledOutcome(name))
      continue
    }
    onProgress({ done: i, total: files.length, name })
    if (file.size > MAX_IMPORT_BYTES) {
      outcomes.push({
        name,
        status: 'rejected',
        message: strings.importTooLarge(name, file.size),
        article: null,
      })
      continue
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const ticket = tickets?.[i]
      const outcome = await api.importFile(ticket ? { name, bytes, ticket } : { name, bytes })
      outcomes.push(outcome)
      onLanded(outcome)
    } catch (err) {
      outcomes.push(
        cancel.cancelled
          ? cancelledOutcome(name)
          : { name, status: 'rejected', message: errorMessage(err), article: null },
      )
    }
  }
  return outcomes
}
