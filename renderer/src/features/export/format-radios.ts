import type { ExportFormat } from '../../../../common/export/formats'
import { el, uid } from '../../ui/dom'
import { strings } from '../../ui/strings'

/** The radio buttons of a format choice, and which one is chosen. */
export interface FormatRadios<F extends ExportFormat> {
  radios: HTMLLabelElement[]
  selected(): F
}

/**
 * One labelled radio per format, named and hinted from the registry's
 * strings, the last one used checked: the article's Export dialog and the
 * library's Export citations… offer their formats the same way.
 */
export function formatRadios<F extends ExportFormat>(formats: readonly F[], checked: F): FormatRadios<F> {
  const name = uid('export-format')
  const radios = formats.map((format) => {
    const input = el('input', { attrs: { type: 'radio', name, value: format } })
    input.checked = format === checked
    return el('label', { class: 'export-format' }, [
      input,
      el('span', { class: 'export-format-name', text: strings.exportFormats[format].name }),
      el('span', { class: 'export-format-hint muted', text: strings.exportFormats[format].hint }),
    ])
  })
  const selected = (): F =>
    (radios.map((r) => r.querySelector('input')!).find((i) => i.checked)?.value as F | undefined) ?? checked
  return { radios, selected }
}
