import type { ExportResult } from '../../../../common/contract/export-request'
import type { HamishApi } from '../../../../common/contract/methods'
import type { ArticleSummary } from '../../../../common/article'
import { openDialog } from '../../ui/dialog'
import { button, el } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import { strings } from '../../ui/strings'

export type ShareApi = Pick<HamishApi, 'exportAnnotations' | 'revealExport'>

/**
 * Share notes…: export this article's annotations as a `.hamish.json` file
 * (optionally bundled with the article), or import a colleague's file. The
 * export follows the Export dialog: a download in the preview, a saved file
 * with "Show file" in Electron; a failure stays in the dialog.
 */
export function openShareDialog(
  api: ShareApi,
  summary: ArticleSummary,
  /** Shows a finished export as the Export dialog does (the shell passes export's announcer); false when cancelled. */
  announce: (result: ExportResult) => boolean,
  pickImport: () => void,
): void {
  const bundle = el('input', { attrs: { type: 'checkbox', 'data-option': 'bundle' } })
  const status = el('p', { class: 'export-status', attrs: { role: 'status', 'aria-live': 'polite' } })
  const exportButton = button(strings.shareExportAction, () => void run(), {
    class: 'primary',
    attrs: { 'data-action': 'export-annotations' },
  })
  const importButton = button(
    strings.shareImportAction,
    () => {
      handle.close()
      pickImport()
    },
    { attrs: { 'data-action': 'import-annotations' } },
  )
  const handle = openDialog({
    title: strings.shareTitle(summary.title),
    body: [
      el('section', { class: 'share-section' }, [
        el('h3', { text: strings.shareExportHeading }),
        el('p', { class: 'muted', text: strings.shareExportHint }),
        el('label', { class: 'export-option' }, [bundle, strings.shareBundle]),
        exportButton,
        status,
      ]),
      el('section', { class: 'share-section' }, [
        el('h3', { text: strings.shareImportHeading }),
        el('p', { class: 'muted', text: strings.shareImportHint }),
        importButton,
      ]),
    ],
    class: 'share-dialog',
    initialFocus: exportButton,
  })

  async function run(): Promise<void> {
    exportButton.disabled = true
    bundle.disabled = true
    status.classList.remove('error')
    status.textContent = strings.shareExporting
    try {
      const result = await api.exportAnnotations(summary.id, { bundle: bundle.checked })
      // Close first, so the toast and the download are not hidden behind the modal dialog.
      if (result.status !== 'cancelled') handle.close()
      if (!announce(result)) status.textContent = ''
    } catch (err) {
      status.classList.add('error')
      status.textContent = strings.shareExportFailed + errorMessage(err)
    } finally {
      exportButton.disabled = false
      bundle.disabled = false
    }
  }
}
