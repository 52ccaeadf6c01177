import { createInstance } from 'i18next'
import { ar } from './ar'
import { en, type Messages } from './en'
import type { UiLanguage } from './ui-language'

const TABLES = { en, ar } as const

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other'
type BaseKey<K extends string> = K extends `${infer B}${PluralSuffix}` ? B : K

/** Every key of the English table, dotted for nested tables, plural forms named by their base. */
export type MessageKey<T = Messages, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${BaseKey<K>}` : MessageKey<T[K], `${P}${K}.`>
}[keyof T & string]

/** Looks up a message in the current language; `count` picks the plural form. */
export interface Translate {
  (key: MessageKey, values?: Record<string, string | number>): string
  /** Whether a key (from outside, such as an error's text) names a message of ours. */
  has(key: string): boolean
}

/**
 * An i18next instance for one interface language, initialised synchronously
 * (both tables are bundled, nothing is fetched). Values are not HTML-escaped:
 * the interface only ever puts text into the page with textContent, and
 * escaping would show `&amp;` in a title. A key missing from a translation
 * falls back to English rather than showing the key; the translation test
 * keeps that from happening. Numbers are written for `locale`, a regional
 * variant of the language (see formattingLocale).
 */
export function createTranslator(
  lang: UiLanguage,
  locale: string = lang,
  onMissing?: (key: string) => void,
): Translate {
  const i18n = createInstance()
  void i18n.init({
    saveMissing: onMissing !== undefined,
    missingKeyHandler: onMissing ? (_lngs, _ns, key) => onMissing(key) : false,
    lng: lang,
    fallbackLng: 'en',
    // Only the tables this translator can use: its language, and English to fall back on.
    resources:
      lang === 'en'
        ? { en: { translation: en } }
        : { [lang]: { translation: TABLES[lang] }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    returnEmptyString: true,
  })
  // `{{n, number}}` in the formatting locale (ar-EG's digits, say), not just the bare language.
  i18n.services.formatter?.add(
    'number',
    (value: unknown, _lng: string | undefined, options: Intl.NumberFormatOptions) =>
      new Intl.NumberFormat(locale, options).format(value as number),
  )
  const translate = ((key: MessageKey, values?: Record<string, string | number>) =>
    i18n.t(key, values ?? {}) as string) as Translate
  translate.has = (key) => i18n.exists(key)
  return translate
}
