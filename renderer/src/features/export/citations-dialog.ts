import type { ArticleSummary } from '../../../../common/article'
import type { HamishApi } from '../../../../common/contract/methods'
import { CITATION_FORMATS, type CitationFormat } from '../../../../common/export/formats'
import { openDialog } from '../../ui/dialog'
import { button, el } from '../../ui/dom'
import type { Toast, ToastOptions } from '../../ui/toasts'
import { strings } from '../../ui/strings'
import { runExport } from './export-run'
import { formatRadios } from './format-radios'

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
  const { radios, selected } = formatRadios(CITATION_FORMATS, lastFormat)
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
    const ids = articles.map((a) => a.id)
    await runExport(
      { go, fieldset, status, close: () => handle.close() },
      format,
      () => api.exportCitations(ids, format),
      api,
      notify,
    )
  }
}
