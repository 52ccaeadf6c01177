import type { FetchedFile } from '../../common/contract/article-import'
import { fetchPage, type FetchPageOptions } from './fetch-page'
import { DOCUMENT_TYPES } from './fetched-document'

/** The importer for each page or document type the fetch accepts. */
const FORMATS: Record<string, string> = {
  'text/html': 'html',
  'application/xhtml+xml': 'xhtml',
  'text/plain': 'txt',
  ...DOCUMENT_TYPES,
}

/**
 * Fetches a page and hands it on as a file for the library's one import
 * path (the worker, the same HTML importer, Readability, the reducer, the
 * duplicate check): named by its address, read by the importer for its
 * content type with the server's charset first (a PDF, DOCX or EPUB by
 * its own importer, under a file name of its own), and carrying where and
 * when it came from. Throws what `fetchPage` throws; nothing is written.
 */
export async function fetchedFile(address: string, options: FetchPageOptions = {}): Promise<FetchedFile> {
  const page = await fetchPage(address, options)
  return {
    name: page.address,
    bytes: page.bytes,
    format: FORMATS[page.mediaType] ?? 'html',
    charset: page.charset,
    source: page.redirects.at(-1) ?? page.address,
    fetched: page.fetched,
    redirects: page.redirects,
    ...(page.fileName ? { fileName: page.fileName } : {}),
  }
}
