import type { LocalText } from '../i18n/local-text'

/** Something the user must be told that did not come from an action of theirs (a damaged file recovered). */
export interface Notice {
  id: string
  level: 'info' | 'warning' | 'error'
  /** In English; `text` is the same for the interface's language. */
  message: string
  text?: LocalText
  at: string
}
