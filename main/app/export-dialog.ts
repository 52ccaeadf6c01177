import { app, dialog, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { writeExportFile } from '../export/write-export'
import type { ExportHost } from '../library/export-host'
import { exportFileName, renderExport, type PdfPrinter } from '../library/exporter'
import type { Library } from '../library/library'

const FILTERS: Record<string, Electron.FileFilter[]> = {
  md: [{ name: 'Markdown', extensions: ['md'] }],
  'md-gfm': [{ name: 'Markdown', extensions: ['md'] }],
  'notes-md': [{ name: 'Markdown', extensions: ['md'] }],
  html: [{ name: 'Web page', extensions: ['html'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
}

/**
 * Electron's export host: main asks where to save with the native dialog
 * (the page never names a path), renders, and writes the file whole (temp
 * file + rename). Remembers the last file so the page can offer to show it.
 */
export function dialogExports(
  win: () => BrowserWindow | null,
  library: Library,
  printPdf: PdfPrinter,
): ExportHost {
  let lastSaved: string | null = null
  return {
    async exportArticle(req) {
      const article = await library.getArticle(req.articleId)
      const window = win()
      const options = {
        title: 'Export',
        defaultPath: join(app.getPath('documents'), exportFileName(article.summary.title, req.format)),
        filters: FILTERS[req.format],
      }
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' }
      const file = await renderExport(article, req, printPdf)
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
