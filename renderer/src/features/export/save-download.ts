/**
 * Hands bytes to the browser as a download (the preview's way of saving an
 * export: the page, not main, writes the file, through the browser's own
 * save flow). The object URL is revoked once the click has been handled.
 */
export function saveDownload(fileName: string, mimeType: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], { type: mimeType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
