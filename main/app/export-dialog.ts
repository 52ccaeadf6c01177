import { app, dialog, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { writeExportFile } from '../export/write-export'
import type { DeliveryKind, ExportHost } from '../library/export-host'

const FILTERS: Record<DeliveryKind, Electron.FileFilter[]> = {
  md: [{ name: 'Markdown', extensions: ['md'] }],
  'md-gfm': [{ name: 'Markdown', extensions: ['md'] }],
  'notes-md': [{ name: 'Markdown', extensions: ['md'] }],
  html: [{ name: 'Web page', extensions: ['html'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  annotations: [{ name: 'Hamish annotations', extensions: ['json'] }],
}

/**
 * Electron's export host: main asks where to save with the native dialog
 * (the page never names a path) and writes the file whole (temp file +
 * rename). Remembers the last file so the page can offer to show it.
 */
export function dialogExports(win: () => BrowserWindow | null): ExportHost {
  let lastSaved: string | null = null
  return {
    async deliver(file, kind) {
      const window = win()
      const options = {
        title: 'Export',
        defaultPath: join(app.getPath('documents'), file.fileName),
        filters: FILTERS[kind],
      }
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' }
      await writeExportFile(choice.filePath, file.bytes)
      lastSaved = choice.filePath
      return { status: 'saved', fileName: file.fileName, location: choice.filePath }
    },
    async revealExport() {
      if (!lastSaved) return false
      shell.showItemInFolder(lastSaved)
      return true
    },
  }
}
