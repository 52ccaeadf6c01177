import { app, dialog, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { ANNOTATION_FILE, EXPORT_FORMAT_SPECS, filterExtension } from '../../common/export/formats'
import type { Translate } from '../../common/i18n/translator'
import { writeExportFile } from '../export/write-export'
import type { DeliveryKind, ExportHost } from '../export/export-host'

/** The save dialog's filter for a kind of file, named in the interface's language, from the format registry. */
function filtersFor(kind: DeliveryKind, t: Translate): Electron.FileFilter[] {
  const spec = kind === 'annotations' ? ANNOTATION_FILE : EXPORT_FORMAT_SPECS[kind]
  return [{ name: t(spec.nameKey), extensions: [filterExtension(spec.extension)] }]
}

/**
 * Electron's export host: main asks where to save with the native dialog
 * (the page never names a path) before the file is made, so Cancel prints no
 * PDF, then makes it and writes it whole (temp file + rename). Remembers the
 * last file so the page can offer to show it. `translate` gives the
 * interface's language at the time of the export.
 */
export function dialogExports(win: () => BrowserWindow | null, translate: () => Translate): ExportHost {
  let lastSaved: string | null = null
  return {
    async deliver(file, kind) {
      const window = win()
      const t = translate()
      const options = {
        title: t('exportAction'),
        defaultPath: join(app.getPath('documents'), file.fileName),
        filters: filtersFor(kind, t),
      }
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' }
      await writeExportFile(choice.filePath, await file.render())
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
