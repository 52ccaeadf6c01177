import type { ExportRequest } from '../../../../common/contract/export-request'
import type { HamishApi } from '../../../../common/contract/methods'
import type { ExportFormat } from '../../../../common/export/formats'
import { EXPORT_FORMAT_SPECS, exportFormatSpecs } from '../../../../common/export/formats'
import type { ArticleSummary } from '../../../../common/article'
import { openDialog } from '../../ui/dialog'
import { button, el } from '../../ui/dom'
import type { Toast, ToastOptions } from '../../ui/toasts'
import { strings, UI_LANG } from '../../ui/strings'
import { UI_LANGUAGES } from '../../../../common/i18n/ui-language'
import { NOTES_GROUPS, NOTES_ORDERS } from '../../../../common/export/notes-order'
import { runExport } from './export-run'
import { formatRadios } from './format-radios'

export type ExportApi = Pick<HamishApi, 'exportArticle' | 'revealExport'>

let lastFormat: ExportFormat = 'md'

/**
 * File > Export…: one dialog for every format of the registry
 * (common/export/formats.ts), each with the options its row names; the
 * citation formats (CSL-JSON, BibTeX) under their own heading. The export runs while the
 * dialog shows its progress; a failure is shown in the dialog and nothing is
 * written (main writes whole files only). Afterwards the app offers to show
 * the saved file (Electron) or the browser saves the download (preview).
 */
export function openExportDialog(
  api: ExportApi,
  summary: ArticleSummary,
  notify: (options: ToastOptions) => Toast,
): void {
  const { radios, selected } = formatRadios(
    exportFormatSpecs().map((spec) => spec.id),
    lastFormat,
  )
  const notesOrder = el(
    'select',
    { attrs: { name: 'notesOrder' } },
    NOTES_ORDERS.map((o) => el('option', { attrs: { value: o }, text: strings.notesOrderNames[o] })),
  )
  const notesGroup = el(
    'select',
    { attrs: { name: 'notesGroup' } },
    NOTES_GROUPS.map((g) => el('option', { attrs: { value: g }, text: strings.notesGroupNames[g] })),
  )
  const paper = el('select', {}, [
    el('option', { attrs: { value: 'A4' }, text: strings.paperNames.A4 }),
    el('option', { attrs: { value: 'Letter' }, text: strings.paperNames.Letter }),
  ])
  // The export's own words ("Notes", "Colour"…) default to the interface's language.
  const labelLang = el(
    'select',
    { attrs: { name: 'labelLang' } },
    // Each language named in itself, marked as such (as Settings > Language does).
    UI_LANGUAGES.map((lang) =>
      el('option', { attrs: { value: lang, lang, dir: 'auto' }, text: strings.languageNames[lang] }),
    ),
  )
  labelLang.value = UI_LANG
  const orderRow = el('label', { class: 'export-option' }, [strings.exportNotesOrder, notesOrder])
  const groupRow = el('label', { class: 'export-option' }, [strings.exportNotesGroup, notesGroup])
  const labelRow = el('label', { class: 'export-option' }, [strings.exportLabelLanguage, labelLang])
  const paperRow = el('label', { class: 'export-option' }, [strings.exportPaper, paper])
  const status = el('p', { class: 'export-status', attrs: { role: 'status', 'aria-live': 'polite' } })
  const syncOptions = (): void => {
    const { options } = EXPORT_FORMAT_SPECS[selected()]
    orderRow.hidden = !options.includes('notesOrder')
    groupRow.hidden = !options.includes('notesGroup')
    paperRow.hidden = !options.includes('paper')
  }
  for (const r of radios) r.addEventListener('change', syncOptions)
  syncOptions()

  const go = button(strings.exportAction, () => void run(), { class: 'primary' })
  // The citation formats (the article's reference, not its text) under their own heading.
  const isCitation = (r: HTMLElement): boolean =>
    EXPORT_FORMAT_SPECS[r.querySelector('input')!.value as ExportFormat].group === 'citation'
  const fieldset = el('fieldset', { class: 'export-formats' }, [
    el('legend', { text: strings.exportFormatLegend }),
    ...radios.filter((r) => !isCitation(r)),
    el('p', { class: 'export-group-heading', text: strings.exportCitationGroup }),
    ...radios.filter(isCitation),
  ])
  const handle = openDialog({
    title: strings.exportTitle(summary.title),
    body: [fieldset, orderRow, groupRow, paperRow, labelRow, status],
    actions: [go],
    class: 'export-dialog',
    initialFocus: radios.find((r) => r.querySelector('input')!.checked)?.querySelector('input') ?? undefined,
  })

  async function run(): Promise<void> {
    const format = selected()
    lastFormat = format
    const request: ExportRequest = {
      articleId: summary.id,
      format,
      notesOrder: NOTES_ORDERS.find((o) => o === notesOrder.value) ?? 'position',
      notesGroup: NOTES_GROUPS.find((g) => g === notesGroup.value) ?? 'none',
      paper: paper.value === 'Letter' ? 'Letter' : 'A4',
      labelLang: UI_LANGUAGES.find((l) => l === labelLang.value) ?? 'en',
    }
    await runExport(
      { go, fieldset, status, close: () => handle.close() },
      format,
      () => api.exportArticle(request),
      api,
      notify,
    )
  }
}
