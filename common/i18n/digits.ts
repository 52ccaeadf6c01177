/**
 * Settings > Digits: the digits every number of the interface is written in
 * (counts, sizes, dates, percentages, pages). `language` leaves the choice to
 * the formatting locale as Intl (CLDR) has it — today `ar` writes 17 and
 * `ar-EG` ١٧ — `arab` is always Arabic-Indic (٠١٢), `latn` always Western (012).
 */
export const DIGITS_SETTINGS = ['language', 'arab', 'latn'] as const
export type DigitsSetting = (typeof DIGITS_SETTINGS)[number]

/**
 * The formatting locale with the chosen digits as its Unicode numbering
 * system (`ar-EG` + Western → `ar-EG-u-nu-latn`). Every Intl formatter the
 * interface makes (numbers in messages, table cells, dates, relative times)
 * is given this one locale, so one choice reaches all of them and no two
 * numbers on a page are written in different digits.
 */
export function localeWithDigits(locale: string, digits: DigitsSetting | undefined): string {
  if (digits === undefined || digits === 'language') return locale
  try {
    return new Intl.Locale(locale, { numberingSystem: digits }).toString()
  } catch {
    return locale
  }
}
