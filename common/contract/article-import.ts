import type { ArticleSummary } from '../article'
import type { LocalText } from '../i18n/local-text'

/** One file handed to the library by the renderer: its name and bytes, never a path. */
export interface ImportFile {
  name: string
  bytes: Uint8Array
}

/** What happened to one imported file. */
export interface ImportOutcome {
  name: string
  status: 'added' | 'duplicate' | 'rejected'
  /** A sentence for the user, in English. */
  message: string
  /** The same sentence as a message key and values, for the interface's language. */
  text?: LocalText
  /** The new article, or the one already in the library for a duplicate. */
  article: ArticleSummary | null
}
