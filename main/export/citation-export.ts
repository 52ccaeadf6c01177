import type { CitationSource } from '../../common/citation/citation-source'
import { toBibtex } from '../../common/citation/bibtex'
import { toCslJson } from '../../common/citation/csl-json'
import { EXPORT_FORMAT_SPECS, type CitationFormat } from '../../common/export/formats'
import type { ExportedFile } from './exporter'
import { exportFileName } from './file-name'

/**
 * The citations of several articles as one file: named after the article
 * when there is one, else `citations`, with the format's extension and type.
 */
export function citationExport(sources: readonly CitationSource[], format: CitationFormat): ExportedFile {
  const text = format === 'csl-json' ? toCslJson(sources) : toBibtex(sources)
  return {
    fileName: exportFileName(sources.length === 1 ? sources[0]!.title : 'citations', format),
    mimeType: EXPORT_FORMAT_SPECS[format].mime,
    bytes: new TextEncoder().encode(text),
  }
}
