import { meantAsWebAddress, webAddressIn } from './web-address'

/** Whether an event happened in a place that takes text itself (a field, an editable area). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true
  return target instanceof HTMLElement && target.isContentEditable
}

/**
 * What a paste or a drop carries: an address to save (a `text/uri-list`
 * first, else plain text that is one address), a link that cannot be saved
 * as it is (too long, malformed, with a password: shown in the dialog with
 * the reason), or nothing of ours.
 */
function linkIn(data: DataTransfer | null): { address: string } | { unsavable: string } | null {
  if (!data) return null
  const texts = [data.getData('text/uri-list'), data.getData('text/plain')]
  for (const text of texts) {
    const address = webAddressIn(text)
    if (address !== null) return { address }
  }
  const meant = texts.find(meantAsWebAddress)
  return meant === undefined ? null : { unsavable: meant }
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
  /** A link that cannot be saved as it is: the dialog shows it with what is wrong. */
  onUnsavable: (text: string) => void,
): void {
  const take = (link: ReturnType<typeof linkIn>): void => {
    if (link === null) return
    if ('address' in link) onAddress(link.address)
    else onUnsavable(link.unsavable)
  }
  let draggingOwn = false
  target.addEventListener('dragstart', () => (draggingOwn = true))
  target.addEventListener('dragend', () => (draggingOwn = false))
  target.addEventListener('paste', (event) => {
    if (!pasteHere() || inTextField(event.target)) return
    const link = linkIn(event.clipboardData)
    if (link === null) return
    event.preventDefault()
    take(link)
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
    take(linkIn(event.dataTransfer))
  })
}
