import type { ExportResult } from '../../../../common/contract/export-request'
import type { HamishApi } from '../../../../common/contract/methods'
import type { ExportFormat } from '../../../../common/export/formats'
import { errorMessage } from '../../ui/error-message'
import type { Toast, ToastOptions } from '../../ui/toasts'
import { strings } from '../../ui/strings'
import { announceExport } from './announce-result'

/** The parts of an export dialog a run disables, writes into and closes. */
export interface ExportDialogParts {
  go: HTMLButtonElement
  fieldset: HTMLFieldSetElement
  status: HTMLElement
  close(): void
}

/**
 * One export from a dialog: its controls disabled while main writes, the
 * progress in its status line, then the dialog closed (first, so the toast
 * and the download are not hidden behind it) unless the save was
 * cancelled; a failure stays in the dialog, where the user can try again.
 */
export async function runExport(
  parts: ExportDialogParts,
  format: ExportFormat,
  send: () => Promise<ExportResult>,
  api: Pick<HamishApi, 'revealExport'>,
  notify: (options: ToastOptions) => Toast,
): Promise<void> {
  const { go, fieldset, status } = parts
  go.disabled = true
  fieldset.disabled = true
  status.classList.remove('error')
  status.textContent = strings.exportRunning(strings.exportFormats[format].name)
  try {
    const result = await send()
    if (result.status !== 'cancelled') parts.close()
    if (!announceExport(result, api, notify)) status.textContent = ''
  } catch (err) {
    status.classList.add('error')
    status.textContent = strings.exportFailed + errorMessage(err)
  } finally {
    go.disabled = false
    fieldset.disabled = false
  }
}
