import type { ExportResult } from '../../../../common/contract/export-request'
import type { HamishApi } from '../../../../common/contract/methods'
import type { Toast, ToastOptions } from '../../ui/toasts'
import { strings } from '../../ui/strings'
import { saveDownload } from './save-download'

/**
 * What the page does with a finished export of any kind: in the preview it
 * saves the download; in Electron main has already written the file, and the
 * page offers to show it. Returns false for a cancelled save dialog, so the
 * caller keeps its dialog open.
 */
export function announceExport(
  result: ExportResult,
  api: Pick<HamishApi, 'revealExport'>,
  notify: (options: ToastOptions) => Toast,
): boolean {
  if (result.status === 'cancelled') return false
  if (result.status === 'download') {
    saveDownload(result.fileName, result.mimeType, result.bytes)
    notify({ message: strings.exportDownloaded(result.fileName) })
  } else {
    notify({
      message: strings.exportSaved(result.location),
      action: { label: strings.exportShowFile, run: () => void api.revealExport() },
      timeout: 10_000,
    })
  }
  return true
}
