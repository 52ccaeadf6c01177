import { ar } from './ar'
import { en } from './en'
import { translatorOf, type Translate } from './table-translator'
import type { UiLanguage } from './ui-language'

export type { MessageKey, Translate } from './table-translator'

const TABLES = { en, ar } as const

/**
 * A translator for one interface language with both tables bundled, for
 * main, the CLI and tests: only the tables it can use, its language and
 * English to fall back on (see translatorOf). The page does not use it: it
 * loads its own language's table alone.
 */
export function createTranslator(
  lang: UiLanguage,
  locale: string = lang,
  onMissing?: (key: string) => void,
): Translate {
  return translatorOf(lang, lang === 'en' ? { en } : { [lang]: TABLES[lang], en }, locale, onMissing)
}
