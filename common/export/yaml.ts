/**
 * YAML for the front matter, written by hand (no YAML library in common/):
 * every string is a double-quoted scalar with every character outside
 * YAML's printable set escaped, so titles in Arabic, with quotes, colons,
 * `#`, leading dashes or words like `no` and `null` come back as the same
 * string from js-yaml, Pandoc and Obsidian.
 */

/**
 * Characters that can stay as they are inside double quotes: YAML 1.2's
 * printable set minus the BOM and the Unicode line and paragraph separators
 * (line breaks to YAML 1.1 readers).
 */
const PLAIN = /^[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]$/

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
}

/** A string as a YAML double-quoted scalar. */
export function yamlString(value: string): string {
  let out = '"'
  for (const ch of value) {
    const code = ch.charCodeAt(0)
    const short = SHORT_ESCAPES[ch]
    if (short) out += short
    else if (ch.length === 2 || PLAIN.test(ch)) out += ch
    else if (code >= 0xd800 && code <= 0xdfff)
      out += '\ufffd' // a lone surrogate: no reader accepts it
    else out += `\\u${code.toString(16).padStart(4, '0')}`
  }
  return `${out}"`
}

/** A value of the front matter: a string, a list of strings, a calendar date, or null. */
export type YamlValue = string | readonly string[] | { date: string } | null

function yamlValue(value: YamlValue): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return yamlString(value)
  if ('date' in value) {
    // An unquoted YYYY-MM-DD is a date for Obsidian's properties and Pandoc; anything else stays a string.
    return /^\d{4}-\d{2}-\d{2}$/.test(value.date) ? value.date : yamlString(value.date)
  }
  return `[${value.map(yamlString).join(', ')}]`
}

/** A YAML front matter block (`---` … `---`) with the keys in the given order. */
export function frontMatter(entries: readonly (readonly [key: string, value: YamlValue])[]): string {
  const lines = entries.map(([key, value]) => `${key}: ${yamlValue(value)}`)
  return `---\n${lines.join('\n')}\n---\n`
}
