import { el } from '../../ui/dom'
import { strings } from '../../ui/strings'

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false

/**
 * Drag and drop of files anywhere on the window: an overlay says where they
 * will go while files are dragged over, and the drop hands them to `onFiles`.
 * Anything that is not files (dragged text, links) is left alone, and the
 * browser never gets to open a dropped file in place of the app.
 */
export function installDropZone(target: Window, onFiles: (files: File[]) => void): HTMLElement {
  const overlay = el('div', { class: 'drop-overlay', attrs: { hidden: true, 'aria-hidden': 'true' } }, [
    el('div', { class: 'drop-card' }, [
      el('p', { class: 'drop-title', text: strings.dropHere }),
      el('p', { class: 'drop-hint', text: strings.dropHint }),
    ]),
  ])
  let depth = 0
  const hide = (): void => {
    depth = 0
    overlay.hidden = true
  }
  target.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth += 1
    overlay.hidden = false
  })
  target.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    overlay.hidden = false
  })
  target.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return
    depth -= 1
    if (depth <= 0) hide()
  })
  target.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    hide()
    const files = [...(event.dataTransfer?.files ?? [])]
    if (files.length > 0) onFiles(files)
  })
  target.addEventListener('dragend', hide)
  return overlay
}
