import { directionOfLanguage, type Direction } from '../language'

/** The languages the interface is translated into. */
export const UI_LANGUAGES = ['en', 'ar'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

/** Settings > Language: a language, or `system` to follow the OS's preferred languages. */
export type LanguageSetting = 'system' | UiLanguage
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['system', ...UI_LANGUAGES]

/**
 * The interface language for a setting: the chosen one, or for `system` the
 * first of the OS's preferred languages (navigator.languages, or Electron's
 * app.getPreferredSystemLanguages) that Hamish is translated into, by primary
 * subtag, so `ar-EG` and `ar-MA` both give Arabic. English when none is.
 */
export function resolveUiLanguage(
  setting: LanguageSetting | undefined,
  preferred: readonly string[],
): UiLanguage {
  if (setting && setting !== 'system') return setting
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0]
    const match = UI_LANGUAGES.find((l) => l === primary)
    if (match) return match
  }
  return 'en'
}

/**
 * The locale dates and numbers are written in for an interface language: the
 * OS's own variant of that language when it prefers one, so an Egyptian
 * system shows ٣٠/١١/٢٠٢٦ and a Moroccan one 30/11/2026, as each expects;
 * otherwise the bare language, as CLDR writes it.
 */
export function formattingLocale(lang: UiLanguage, preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (tag.toLowerCase().split(/[-_]/)[0] !== lang) continue
    try {
      return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? lang
    } catch {
      continue
    }
  }
  return lang
}

/** The interface's direction in a language: the whole chrome mirrors in Arabic. */
export function uiDirection(lang: UiLanguage): Direction {
  return directionOfLanguage(lang)
}
