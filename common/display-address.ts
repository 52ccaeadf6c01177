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

/**
 * Per script, its small letters drawn like Latin ones: a label made only of
 * one script's look-alikes (and digits and hyphens) passes for a Latin name
 * — Cyrillic «аррӏе» for "apple", Greek «ορτιον» for "option", Armenian
 * «ցօօց» for "goog" — so it stays in Punycode, as browsers keep such
 * whole-script homographs. A real word of that script with one letter of
 * its own («παράδειγμα», «пример», «հայաստան») is shown decoded. The lists
 * are ours, after Unicode's confusables.txt, small letters only (a label
 * with a capital is not shown at all, below).
 */
const LATIN_LOOKALIKES: RegExp[] = [
  // Cyrillic: a e o p c y x i j s h l d q w b (ъ ь) y v
  /^[аеорсухіјѕһӏԁԛԝъьүѵ\d-]+$/u,
  // Greek: a e n i k v o p t u x y w c j, and the accented forms of a e n i o u w
  /^[αεηικνορτυχγωϲϳάέήίόύώϊϋΐΰ\d-]+$/u,
  // Armenian: w q q h j n u g o l
  /^[ագզհյոսցօլ\d-]+$/u,
]

/**
 * Letters that are never shown decoded: capitals, since IDNA maps every
 * label to small letters and a label holding one («ΤΟΚΕΝ», «АРРЕ») was not
 * made by it; and Cherokee, a limited-use script (UAX #31) whose letters,
 * small ones included, are drawn like Latin capitals («ᎠᎢᎩ» reads "DTY").
 */
const NEVER_DECODED = /[\p{Lu}\p{Lt}\p{Script=Cherokee}]/u

/**
 * Whether a decoded label reads as one name: letters, marks and digits of
 * one script, and hyphens; not a whole word of Latin look-alikes, no capital
 * and no Cherokee.
 */
function safeLabel(label: string): boolean {
  if (!/^[\p{L}\p{M}\p{Nd}-]+$/u.test(label) || NEVER_DECODED.test(label)) return false
  if (LATIN_LOOKALIKES.some((lookalikes) => lookalikes.test(label))) return false
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
 * Punycode when invalid, mixing scripts, made of Latin look-alikes (Cyrillic,
 * Greek, Armenian), holding a capital or Cherokee.
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
