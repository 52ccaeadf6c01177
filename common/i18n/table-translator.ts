import { createInstance } from 'i18next'
import type { Messages } from './en'
import type { UiLanguage } from './ui-language'

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

/** The message tables a translator is given, by language (en.ts's and ar.ts's `en` and `ar`). */
export type MessageTables = Partial<Record<UiLanguage, object>>

/**
 * An i18next instance for one interface language over the tables it is
 * given, initialised synchronously (nothing is fetched). The page gives it
 * its own language's table only, loaded on demand (renderer
 * ui/message-tables.ts), so it never holds the other language's words;
 * main and the CLI give it both (translator.ts). With the English table
 * beside another, a key missing from that translation falls back to English
 * rather than showing the key; the translation test keeps keys from going
 * missing. Values are not HTML-escaped: the interface only ever puts text
 * into the page with textContent, and escaping would show `&amp;` in a
 * title. Numbers are written for `locale`, a regional variant of the
 * language (see formattingLocale).
 */
export function translatorOf(
  lang: UiLanguage,
  tables: MessageTables,
  locale: string = lang,
  onMissing?: (key: string) => void,
): Translate {
  const i18n = createInstance()
  const resources = Object.fromEntries(
    Object.entries(tables).map(([language, table]) => [language, { translation: table }]),
  )
  void i18n.init({
    saveMissing: onMissing !== undefined,
    missingKeyHandler: onMissing ? (_lngs, _ns, key) => onMissing(key) : false,
    lng: lang,
    fallbackLng: lang !== 'en' && tables.en ? 'en' : false,
    resources,
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
  // A counted message exists only as its plural forms (`key_one`, `key_other`…): `_other` is in every language.
  translate.has = (key) => i18n.exists(key) || i18n.exists(`${key}_other`)
  return translate
}
