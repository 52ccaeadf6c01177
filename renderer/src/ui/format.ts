import { UI_LOCALE } from './strings'

/** Turns `YYYY-MM-DD` into a UTC timestamp, or null when it is not such a date. */
function parseDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return Number.isNaN(t) ? null : t
}

/**
 * A date formatter for a locale, in the interface's digits when Settings >
 * Digits chose them: an article's date in its own language (the reader's
 * byline) is still written with the digits of every other number on screen.
 */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const numberingSystem = new Intl.Locale(UI_LOCALE).numberingSystem
  try {
    return new Intl.DateTimeFormat(locale, numberingSystem ? { ...options, numberingSystem } : options)
  } catch {
    return new Intl.DateTimeFormat(UI_LOCALE, options)
  }
}

/**
 * An article's own date (a calendar day, no time zone) in the given locale:
 * the reader shows it in the article's language, the library in the
 * interface's. Formatted in UTC so a day never shifts by a time zone.
 */
export function formatDay(
  day: string | null,
  locale: string = UI_LOCALE,
  style: 'long' | 'medium' = 'medium',
): string {
  if (!day) return ''
  const t = parseDay(day)
  if (t === null) return day
  return formatter(locale === 'und' ? UI_LOCALE : locale, { dateStyle: style, timeZone: 'UTC' }).format(t)
}

/**
 * A partial date (CSL date-parts: year, year and month, or a day) in the
 * interface's locale, as precise as it is known: "2025", "Dec 2025",
 * "Dec 24, 2025" (Arabic: "٢٠٢٥"، "ديسمبر ٢٠٢٥"…). Formatted in UTC, so
 * a day never shifts by a time zone.
 */
export function formatDateParts(parts: readonly number[], locale: string = UI_LOCALE): string {
  const [year, month, day] = parts
  if (year === undefined) return ''
  const t = Date.UTC(year, (month ?? 1) - 1, day ?? 1)
  // Date.UTC reads years 0–99 as 1900–1999; set the year itself.
  const date = new Date(t)
  date.setUTCFullYear(year)
  const options: Intl.DateTimeFormatOptions =
    day !== undefined
      ? { dateStyle: 'medium', timeZone: 'UTC' }
      : month !== undefined
        ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' }
  return formatter(locale, options).format(date)
}

/** A moment (ISO 8601) as a local date, for "added" and "deleted" columns. */
export function formatMoment(iso: string | null): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return formatter(UI_LOCALE, { dateStyle: 'medium' }).format(t)
}

/** A moment (ISO 8601) as a local date and time in the interface's locale: when the team last synced, when a member was last seen. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return formatter(UI_LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(t)
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
]

/**
 * A recent moment as "5 minutes ago", "yesterday"; anything older than a
 * week as a date. For annotation times in the notes panel and popover.
 */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  let value = (t - now) / 1000
  if (Math.abs(value) < 45)
    return new Intl.RelativeTimeFormat(UI_LOCALE, { numeric: 'auto' }).format(0, 'second')
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(value) < size) {
      return new Intl.RelativeTimeFormat(UI_LOCALE, { numeric: 'auto' }).format(Math.round(value), unit)
    }
    value /= size
  }
  return formatter(UI_LOCALE, { dateStyle: 'medium' }).format(t)
}

/** A moment with date and time, for a tooltip. */
export function formatFullMoment(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return formatter(UI_LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(t)
}

/** A number with a fixed count of decimals, in the interface's digits (Arabic-Indic in Arabic). */
export function formatDecimal(n: number, digits: number): string {
  return new Intl.NumberFormat(UI_LOCALE, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n)
}

/** A count in the interface's digits (a table cell; sentences count through strings). */
export function formatInteger(n: number): string {
  return new Intl.NumberFormat(UI_LOCALE).format(n)
}
