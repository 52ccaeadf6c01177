import { decodePunycode } from './punycode'

/**
 * Scripts a host label may not mix (a homograph: Latin "a" beside Cyrillic
 * "а"). Han, kana and Hangul go together, as Japanese and Korean names do.
 */
const SCRIPTS: [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u],
]

/** Cyrillic letters drawn like Latin ones: a label of only these (аррӏе) passes for a Latin name. */
const LATIN_LOOKALIKES = /^[аеорсухіјѕһӏԁԛԝъ-]+$/u

/**
 * Whether a decoded label reads as one name: letters, marks and digits of
 * one script, and hyphens; not a whole word of Latin look-alikes.
 */
function safeLabel(label: string): boolean {
  if (!/^[\p{L}\p{M}\p{Nd}-]+$/u.test(label) || LATIN_LOOKALIKES.test(label)) return false
  const seen = new Set<string>()
  for (const char of label) {
    if (!/\p{L}/u.test(char)) continue
    const script = SCRIPTS.find(([, test]) => test.test(char))?.[0] ?? 'other'
    seen.add(script)
  }
  return seen.size <= 1
}

/**
 * A host name as people read it: its `xn--` labels decoded, each kept as
 * Punycode when invalid, mixing scripts or made of Latin look-alikes.
 */
export function displayHost(host: string): string {
  return host
    .split('.')
    .map((label) => {
      if (!/^xn--/i.test(label)) return label
      const decoded = decodePunycode(label.slice(4).toLowerCase())
      return decoded !== null && safeLabel(decoded) ? decoded : label
    })
    .join('.')
}

/**
 * The characters of UTF-8 bytes, each with how many bytes it took, or null
 * when they are not well-formed UTF-8 (overlong forms and surrogates
 * included), by hand since common/ has no TextDecoder.
 */
function utf8Characters(bytes: number[]): { char: string; length: number }[] | null {
  const out: { char: string; length: number }[] = []
  for (let b = 0; b < bytes.length;) {
    const lead = bytes[b]!
    const [length, low, high] =
      lead < 0x80
        ? [1, 0, 0]
        : lead >= 0xc2 && lead <= 0xdf
          ? [2, 0x80, 0xbf]
          : lead === 0xe0
            ? [3, 0xa0, 0xbf]
            : lead === 0xed
              ? [3, 0x80, 0x9f]
              : lead >= 0xe1 && lead <= 0xef
                ? [3, 0x80, 0xbf]
                : lead === 0xf0
                  ? [4, 0x90, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : lead >= 0xf1 && lead <= 0xf3
                      ? [4, 0x80, 0xbf]
                      : [0, 0, 0]
    if (length === 0 || b + length > bytes.length) return null
    let code = length === 1 ? lead : lead & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      const next = bytes[b + k]!
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return null
      code = (code << 6) | (next & 0x3f)
    }
    out.push({ char: String.fromCodePoint(code), length })
    b += length
  }
  return out
}

/**
 * A run of %XX escapes shown as its characters where they are valid UTF-8
 * and readable: an ASCII character stays escaped (it was escaped for a
 * reason: a space, / ? # & = %), and so do spaces, controls and invisible
 * format characters (bidi overrides, zero-width joiners) beyond ASCII.
 */
function decodeRun(run: string): string {
  const bytes = (run.match(/%[0-9a-f]{2}/gi) ?? []).map((e) => parseInt(e.slice(1), 16))
  const chars = utf8Characters(bytes)
  if (!chars) return run
  let out = ''
  let at = 0
  for (const { char, length } of chars) {
    const escaped = run.slice(at * 3, (at + length) * 3)
    out += length === 1 || /[\s\p{C}\p{Z}]/u.test(char) ? escaped : char
    at += length
  }
  return out
}

/**
 * An http(s) address as people read it — `https://مثال.إختبار/مقالة` rather
 * than `https://xn--mgbh0fb.xn--kgbechtv/%D9%85…` — for the import report,
 * the library's Source column, the reader's header and main's messages.
 * Display only: what is stored, fetched and linked to stays the encoded
 * address. Host labels are decoded from Punycode unless they mix scripts
 * (homograph protection, as browsers do); percent escapes in the path,
 * query and fragment are decoded where they are valid UTF-8, keeping
 * escaped spaces, reserved characters and invisible ones. Anything that is
 * not an http(s) address is returned as it is.
 */
export function displayAddress(address: string): string {
  const parts = /^(https?:\/\/)([^/?#@]*)(.*)$/is.exec(address)
  if (!parts) return address
  const [, scheme, authority, rest] = parts as unknown as [string, string, string, string]
  const port = /^(.*?)(:\d*)?$/.exec(authority)!
  const host = authority.startsWith('[') ? authority : displayHost(port[1]!) + (port[2] ?? '')
  return scheme + host + rest.replace(/(?:%[0-9a-f]{2})+/gi, decodeRun)
}
