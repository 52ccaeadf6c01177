import type { ArticleSummary } from '../../../../common/article'
import type { HamishApi } from '../../../../common/contract/methods'
import { CITATION_FORMATS, type CitationFormat } from '../../../../common/export/formats'
import { openDialog } from '../../ui/dialog'
import { button, el, uid } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import type { Toast, ToastOptions } from '../../ui/toasts'
import { strings } from '../../ui/strings'
import { announceExport } from './announce-result'

export type CitationsApi = Pick<HamishApi, 'exportCitations' | 'revealExport'>

let lastFormat: CitationFormat = 'csl-json'

/**
 * The library's "Export citations…": the citations of the articles it lists
 * now (the library has no multi-select, so its filter chooses) in one
 * CSL-JSON or BibTeX file. Main writes the file whole or not at all; a
 * failure stays in the dialog.
 */
export function openCitationsDialog(
  api: CitationsApi,
  articles: readonly ArticleSummary[],
  notify: (options: ToastOptions) => Toast,
): void {
  const name = uid('citation-format')
  const radios = CITATION_FORMATS.map((format) => {
    const input = el('input', { attrs: { type: 'radio', name, value: format } })
    input.checked = format === lastFormat
    return el('label', { class: 'export-format' }, [
      input,
      el('span', { class: 'export-format-name', text: strings.exportFormats[format].name }),
      el('span', { class: 'export-format-hint muted', text: strings.exportFormats[format].hint }),
    ])
  })
  const selected = (): CitationFormat =>
    (radios.map((r) => r.querySelector('input')!).find((i) => i.checked)?.value as CitationFormat) ??
    'csl-json'
  const status = el('p', { class: 'export-status', attrs: { role: 'status', 'aria-live': 'polite' } })
  const fieldset = el('fieldset', { class: 'export-formats' }, [
    el('legend', { text: strings.exportFormatLegend }),
    ...radios,
  ])
  const go = button(strings.exportAction, () => void run(), { class: 'primary' })
  const handle = openDialog({
    title: strings.citationsTitle(articles.length),
    body: [el('p', { class: 'muted', text: strings.citationsHint }), fieldset, status],
    actions: [go],
    class: 'export-dialog',
    initialFocus: radios.find((r) => r.querySelector('input')!.checked)?.querySelector('input') ?? undefined,
  })

  async function run(): Promise<void> {
    const format = selected()
    lastFormat = format
    go.disabled = true
    fieldset.disabled = true
    status.classList.remove('error')
    status.textContent = strings.exportRunning(strings.exportFormats[format].name)
    try {
      const result = await api.exportCitations(
        articles.map((a) => a.id),
        format,
      )
      if (result.status !== 'cancelled') handle.close()
      if (!announceExport(result, api, notify)) status.textContent = ''
    } catch (err) {
      status.classList.add('error')
      status.textContent = strings.exportFailed + errorMessage(err)
    } finally {
      go.disabled = false
      fieldset.disabled = false
    }
  }
}
