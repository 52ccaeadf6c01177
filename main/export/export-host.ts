import type { ExportResult } from '../../common/contract/export-request'
import type { ExportFormat } from '../../common/export/formats'
import type { PendingExport } from './exporter'

/** What kind of file is being delivered: picks the save dialog's filter (from the format registry). */
export type DeliveryKind = ExportFormat | 'annotations'

/**
 * Where exports go: each transport decides (Electron asks with a save dialog
 * first and writes the file whole; the browser preview hands the page a
 * download). A host calls `file.render()` only once the file has somewhere
 * to go, so a cancelled save dialog makes nothing.
 */
export interface ExportHost {
  deliver(file: PendingExport, kind: DeliveryKind): Promise<ExportResult>
  revealExport(): Promise<boolean>
}

/** The preview's host: the page gets the bytes and saves them itself; main writes nothing. */
export const downloadExports: ExportHost = {
  deliver: async (file) => ({
    status: 'download',
    fileName: file.fileName,
    mimeType: file.mimeType,
    bytes: await file.render(),
  }),
  revealExport: async () => false,
}
