import type { ExportResult } from '../../common/api'
import type { ExportedFile } from './exporter'

/** What kind of file is being delivered: picks the save dialog's filter. */
export type DeliveryKind = 'md' | 'md-gfm' | 'notes-md' | 'html' | 'pdf' | 'annotations'

/**
 * Where finished exports go: each transport decides (Electron asks with a
 * save dialog and writes the file whole; the browser preview hands the page
 * a download). Making the file is shared and happens before this.
 */
export interface ExportHost {
  deliver(file: ExportedFile, kind: DeliveryKind): Promise<ExportResult>
  revealExport(): Promise<boolean>
}

/** The preview's host: the page gets the bytes and saves them itself; main writes nothing. */
export const downloadExports: ExportHost = {
  deliver: async (file) => ({ status: 'download', ...file }),
  revealExport: async () => false,
}
