import { webAddressIn } from './web-address'

/** Whether an event happened in a place that takes text itself (a field, an editable area). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true
  return target instanceof HTMLElement && target.isContentEditable
}

/** The address a paste or a drop carries: a `text/uri-list` first, else plain text that is one address. */
function addressIn(data: DataTransfer | null): string | null {
  if (!data) return null
  return webAddressIn(data.getData('text/uri-list')) ?? webAddressIn(data.getData('text/plain'))
}

const carriesLink = (event: DragEvent): boolean => {
  const types = event.dataTransfer?.types ?? []
  return !types.includes('Files') && (types.includes('text/uri-list') || types.includes('text/plain'))
}

/**
 * A link pasted (Ctrl/Cmd+V with focus outside any text field, while
 * `pasteHere()` says the page takes it: the library) or dropped from
 * another window (a browser's address bar, a link in a mail) saves that
 * page, as "Save from address…" would. Text that is not one http(s)
 * address, a paste into a field, and drags that start in this page (a
 * link or selection in an article) are left alone.
 */
export function installLinkEntry(
  target: Window,
  onAddress: (address: string) => void,
  pasteHere: () => boolean,
): void {
  let draggingOwn = false
  target.addEventListener('dragstart', () => (draggingOwn = true))
  target.addEventListener('dragend', () => (draggingOwn = false))
  target.addEventListener('paste', (event) => {
    if (!pasteHere() || inTextField(event.target)) return
    const address = addressIn(event.clipboardData)
    if (address === null) return
    event.preventDefault()
    onAddress(address)
  })
  target.addEventListener('dragover', (event) => {
    if (draggingOwn || !carriesLink(event) || inTextField(event.target)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  })
  target.addEventListener('drop', (event) => {
    if (draggingOwn || !carriesLink(event) || inTextField(event.target)) return
    // Never let the window navigate to a dropped link, whether or not it is one we save.
    event.preventDefault()
    const address = addressIn(event.dataTransfer)
    if (address !== null) onAddress(address)
  })
}
