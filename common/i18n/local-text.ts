import { en } from './en'
import { translatorOf, type MessageKey, type Translate } from './table-translator'

/** Keys of the messages main words for the user (the `messages` table of en.ts and ar.ts). */
export type LocalTextKey = Extract<MessageKey, `messages.${string}`>

/**
 * A sentence for the user as a message key and its values, rather than as
 * English words: main (and the shared sharing code) say what happened, and
 * each side words it in its own language — the CLI in English, the app in
 * the interface's. A value may itself be a text (the reason inside a
 * refusal). Errors, import outcomes and notices carry one beside their
 * English `message`.
 */
export interface LocalText {
  key: LocalTextKey
  values?: Record<string, LocalTextValue>
}

/** A value in a text: plain, a text, or a list of texts (joined with the language's list separator). */
export type LocalTextValue = string | number | LocalText | LocalText[]

/** Builds a LocalText; `values` as in i18next (`{{name}}` in the message). */
export function localText(key: LocalTextKey, values?: LocalText['values']): LocalText {
  return values ? { key, values } : { key }
}

function isLocalText(value: unknown): value is LocalText {
  return typeof value === 'object' && value !== null && typeof (value as LocalText).key === 'string'
}

/**
 * Words a text with `t`, inner texts first. `wrap` is applied to every string
 * value (the renderer isolates file names and titles with it, so a Latin name
 * keeps its place in an Arabic sentence).
 */
export function wordText(t: Translate, text: LocalText, wrap: (value: string) => string = (v) => v): string {
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(text.values ?? {}))
    values[name] = Array.isArray(value)
      ? value.map((v) => wordText(t, v, wrap)).join(t('listSeparator'))
      : isLocalText(value)
        ? wordText(t, value, wrap)
        : typeof value === 'string'
          ? wrap(value)
          : value
  return t(text.key, values)
}

let english: Translate | null = null

/** The English wording of a text: the `message` every error and outcome also carries, and the CLI's. */
export function englishText(text: LocalText): string {
  // English alone: the page holding this module need not hold the Arabic table (renderer ui/message-tables.ts).
  english ??= translatorOf('en', { en })
  return wordText(english, text)
}

/**
 * Whether something that came over the wire is a well-formed text with a key
 * of ours: the renderer words only those and shows the English message of
 * anything else.
 */
export function isWellFormedText(value: unknown, known: (key: string) => boolean): value is LocalText {
  if (!isLocalText(value) || !value.key.startsWith('messages.') || !known(value.key)) return false
  if (value.values === undefined) return true
  if (typeof value.values !== 'object' || value.values === null) return false
  return Object.values(value.values as Record<string, unknown>).every(
    (v) =>
      typeof v === 'string' ||
      typeof v === 'number' ||
      isWellFormedText(v, known) ||
      (Array.isArray(v) && v.length <= 20 && v.every((w) => isWellFormedText(w, known))),
  )
}
