/**
 * The web address in a piece of text (typed, pasted or dropped), or null:
 * only a single http(s) address counts, since main saves pages from nothing
 * else and a sentence that merely contains a link should paste as text.
 * Surrounding white space and the `<…>` some mail programs wrap links in
 * are dropped; a `text/uri-list`'s comment lines are skipped.
 */
export function webAddressIn(text: string): string | null {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  if (lines.length !== 1) return null
  const candidate = lines[0]!.replace(/^<(.*)>$/, '$1')
  if (/\s/.test(candidate) || !/^https?:\/\//i.test(candidate)) return null
  try {
    const url = new URL(candidate)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null
  } catch {
    return null
  }
}
