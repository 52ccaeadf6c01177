import type { ImportOutcome } from '../../../../common/contract/article-import'
import type { HamishEvents } from '../../../../common/contract/events'
import type { HamishApi } from '../../../../common/contract/methods'
import { MAX_IMPORT_BYTES } from '../../../../common/contract/limits'
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

/**
 * Imports files one at a time (each file's bytes are read only when its turn
 * comes, so a batch of large files never sits in memory at once). A file over
 * the size limit is rejected here, without being read or sent; any failure
 * becomes that file's "rejected" outcome and the batch goes on.
 */
export async function importSources(
  api: Pick<HamishApi, 'importFile'>,
  files: ImportSource[],
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const [i, file] of files.entries()) {
    const name = (file.name || strings.untitledFile).slice(0, 1024)
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
      outcomes.push(await api.importFile({ name, bytes }))
    } catch (err) {
      outcomes.push({ name, status: 'rejected', message: errorMessage(err), article: null })
    }
  }
  return outcomes
}
