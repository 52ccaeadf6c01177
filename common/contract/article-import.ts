import type { ArticleSummary } from '../article'
import type { LocalText } from '../i18n/local-text'

/** One file handed to the library by the renderer: its name and bytes, never a path. */
export interface ImportFile {
  name: string
  bytes: Uint8Array
  /**
   * The ticket `planImports` gave this file: it takes the file off the list
   * of unfinished imports once it lands, and lets `cancelImports` stop it.
   */
  ticket?: string
}

/**
 * A page fetched from its web address (main/import/import-address.ts), on
 * its way to the library like a file: which importer reads it, the
 * server's charset, and where and when it came from.
 */
export interface FetchedFile extends ImportFile {
  /** The importer (an extension: html, xhtml, txt; pdf, docx, epub), since an address has none to go by. */
  format: string
  /**
   * For a document (PDF, DOCX, EPUB): the file name its importer sees
   * (from Content-Disposition or the address's path, sanitised), while the
   * outcome stays named by the address.
   */
  fileName?: string
  charset: string | null
  /** The address the page was saved from (the article's `source`). */
  source: string
  /** When it was fetched (ISO 8601). */
  fetched: string
  /** Each address a redirect led to, in order. */
  redirects: string[]
}

/** A page to save from its web address (Save from address…, a pasted or dropped link). */
export interface AddressImport {
  address: string
  /** The user confirmed an address on this computer or a private network. */
  allowPrivate: boolean
  /** As for a file: `planImports`'s ticket, so Stop cancels the fetch too. */
  ticket?: string
}

/** A file about to be imported, as `planImports` records it: its name and size, never a path. */
export interface PlannedImport {
  name: string
  size: number
}

/** What happened to one imported file. */
export interface ImportOutcome {
  name: string
  /** `cancelled`: the user cancelled it before anything was written; the library is as it was. */
  status: 'added' | 'duplicate' | 'rejected' | 'cancelled'
  /** A sentence for the user, in English. */
  message: string
  /** The same sentence as a message key and values, for the interface's language. */
  text?: LocalText
  /** The new article, or the one already in the library for a duplicate. */
  article: ArticleSummary | null
  /**
   * What the file had that the article has not (a DOCX's images), for the
   * report under this file's line: each in English and as a message key.
   * Absent when nothing was left out.
   */
  notes?: { message: string; text: LocalText }[]
  /** For a page saved from its address: each address a redirect led to, in order. */
  redirects?: string[]
}
