import { el } from '../../ui/dom'
import { strings } from '../../ui/strings'

/**
 * The extensions Hamish imports, as the file picker's `accept` list: articles,
 * and `.json` for annotation files (`*.hamish.json`, Hypothesis exports),
 * which the shell sends to the annotation importer as it does dropped ones.
 */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.html,.htm,.xhtml,.epub,.docx,.pdf,.json'

/**
 * The page's one file input for articles, hidden: the Import button and
 * Ctrl/Cmd+O click it, and tests fill it with `setInputFiles`. Only names
 * and bytes leave the renderer; paths are never read.
 */
export function createFilePicker(onFiles: (files: File[]) => void): {
  input: HTMLInputElement
  open(): void
} {
  const input = el('input', {
    class: 'file-input',
    attrs: {
      // Hidden, not merely out of sight: nothing to reach or hear outside a landmark; click() still opens it.
      hidden: true,
      type: 'file',
      multiple: true,
      accept: IMPORT_ACCEPT,
      tabindex: -1,
      'aria-label': strings.importPickerLabel,
    },
  })
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])]
    input.value = ''
    if (files.length > 0) onFiles(files)
  })
  return { input, open: () => input.click() }
}
