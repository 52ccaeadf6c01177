import { EXPORT_FORMAT_SPECS, type ExportFormat } from '../../common/export/formats'

/**
 * A file name from the article's title that every platform accepts: no path
 * separators, reserved characters or control characters, not too long, and
 * Arabic kept as it is. The extension comes from the format registry.
 */
export function exportFileName(title: string, format: ExportFormat): string {
  return safeFileBase(title) + EXPORT_FORMAT_SPECS[format].extension
}

/** The title as the stem of a file name (see exportFileName); shared annotation files use it too. */
export function safeFileBase(title: string): string {
  return (
    title
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 100)
      .trim() || 'article'
  )
}
