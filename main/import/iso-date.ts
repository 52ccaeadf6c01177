/**
 * The calendar date at the start of `value` (`2025-12-24`, `2025-12-24T10:00Z`)
 * as YYYY-MM-DD, or null when there is none or it does not exist (2025-02-30).
 * Articles keep only the day: that is what a reader cites.
 */
export function isoDate(value: string | null | undefined): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(value ?? '')
  if (!match) return null
  const [, y, m, d] = match as unknown as [string, string, string, string]
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  const valid =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  return valid ? `${y}-${m}-${d}` : null
}
