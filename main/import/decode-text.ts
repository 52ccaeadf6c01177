import { HamishError } from '../../common/errors'
import { cleanDecodedText } from '../../common/normalise'
import { binaryKind, bomlessUtf16, controlShare } from './sniff-binary'
import { localText, type LocalText } from '../../common/i18n/local-text'

/**
 * The legacy encodings of Arabic text, in order of preference: Windows-1256
 * (what a non-UTF-8 Arabic file almost always is), then ISO-8859-6.
 */
export const ARABIC_LEGACY_ENCODINGS = ['windows-1256', 'iso-8859-6'] as const

/**
 * The encodings a legacy file is tried in, after the one it declares: the
 * Arabic ones first, so that they win ties, then Windows-1252 (Latin-1), so
 * that a Spanish or German text saved by an old editor reads as itself.
 */
const LEGACY_ENCODINGS = [...ARABIC_LEGACY_ENCODINGS, 'windows-1252'] as const

/**
 * What Windows-1252 has at bytes 0x80–0x9F, per the WHATWG index (0x81, 0x8D,
 * 0x8F, 0x90 and 0x9D are unassigned and stay C1 controls). Node's
 * TextDecoder('windows-1252') reads these bytes as ISO-8859-1 (C1 controls)
 * where browsers give € ‚ ƒ „ … ‘ ’ “ ” – —: mapping them ourselves gives
 * the same text in both.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** `bytes` read in the legacy `encoding` (a TextDecoder's canonical name), alike in Node and in browsers. */
function decodeIn(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes)
  if (encoding !== 'windows-1252') return text
  return text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80))
}

export interface DecodeOptions {
  /**
   * The encoding a file declares for itself (an HTML `<meta charset>`),
   * used when the bytes are not valid UTF-8 and read plausibly in it.
   */
  legacyEncoding?: string | null
}

/** How much of a file the encoding guesses look at: enough to decide, cheap on a 50 MB file. */
const SAMPLE = 64 * 1024

/** Oddities a legacy reading may have and still be taken (a stray symbol in a short note)… */
const FEW_ODDITIES = 2
/** …or this share of its non-ASCII characters (real Arabic text: under 0.05%; a wrong Arabic code page: over 5%). */
const ODDITY_SHARE = 0.01

const isArabic = (c: number): boolean =>
  (c >= 0x0600 && c <= 0x06ff) ||
  (c >= 0x0750 && c <= 0x077f) ||
  (c >= 0x08a0 && c <= 0x08ff) ||
  (c >= 0xfb50 && c <= 0xfdff) ||
  (c >= 0xfe70 && c <= 0xfeff)

/** Latin letters with diacritics, as a code page shows the bytes another uses for Arabic letters. */
const isAccented = (c: number): boolean => c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7

/** The Arabic comma, semicolon and question mark, which Arabic text puts straight after a Latin word («Unicode،»). */
const isArabicStop = (c: number): boolean => c === 0x060c || c === 0x061b || c === 0x061f

/** Latin letters, and the signs (× ÷ ¬) Windows-1256 shows for ISO-8859-6's ط and Arabic comma. */
const clashesWithArabic = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  isAccented(c) ||
  c === 0xd7 ||
  c === 0xf7 ||
  c === 0xac

interface Reading {
  encoding: string
  /** Signs of the wrong code page: see `reading`. */
  odd: number
  arabic: number
  nonAscii: number
}

/**
 * Reads `sample` in `encoding` and counts what a wrong code page leaves in
 * text and real text almost never has: replacement characters (bytes the
 * encoding leaves unassigned) and C1 controls; an Arabic character touching
 * a Latin letter or × ÷ ¬ (ISO-8859-6 read as Windows-1256 gives «انمèêت»
 * for الكويت; Spanish read as Windows-1256 gives «maٌanل» for mañana), save
 * an Arabic comma, semicolon or question mark after a Latin word; a letter
 * with diacritics between two others (Arabic read as Windows-1252 gives
 * «ÇáßæíÊ»).
 */
function reading(encoding: string, sample: Uint8Array): Reading {
  const text = decodeIn(encoding, sample)
  let odd = 0
  let arabic = 0
  let nonAscii = 0
  let prev = 0x20
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1) // NaN at the end: no class
    if (c > 0x7f) nonAscii++
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) odd++
    if (isArabic(c)) {
      arabic++
      if (clashesWithArabic(prev) && !isArabicStop(c)) odd++
    } else if (clashesWithArabic(c) && isArabic(prev)) odd++
    if (isAccented(c) && isAccented(prev) && isAccented(next)) odd++
    prev = c
  }
  return { encoding, odd, arabic, nonAscii }
}

const plausible = (r: Reading): boolean => r.odd <= Math.max(FEW_ODDITIES, r.nonAscii * ODDITY_SHARE)

/**
 * Decodes bytes that are not UTF-8 and have no byte-order mark: in the
 * encoding the file declares when it reads plausibly in it, else in the
 * legacy encoding with the fewest oddities (then the most Arabic characters,
 * then the first in LEGACY_ENCODINGS: Arabic before Windows-1252). Arabic
 * bytes read as Windows-1252 give runs of accented letters («ÇáßæíÊ»), and
 * Latin-1 bytes read as an Arabic code page give Arabic touching Latin
 * letters («maٌanل»), so each loses to its own code page. Refuses the file
 * when it reads plausibly in none of them, rather than store mojibake.
 */
function decodeLegacy(bytes: Uint8Array, name: string, declared: string | null | undefined): string {
  const declaredEncoding = legacyDecoder(declared)?.encoding
  const encodings = new Set([...(declaredEncoding ? [declaredEncoding] : []), ...LEGACY_ENCODINGS])
  const sample = bytes.subarray(0, SAMPLE)
  const readings = [...encodings].map((encoding) => reading(encoding, sample)).filter(plausible)
  const first = readings[0]
  if (!first) throw undecodable(name, localText('messages.unknownEncoding'))
  const best =
    first.encoding === declaredEncoding
      ? first
      : readings.reduce((a, b) => (b.odd < a.odd || (b.odd === a.odd && b.arabic > a.arabic) ? b : a))
  return decodeIn(best.encoding, bytes)
}

/**
 * True when decoded UTF-16 reads as text: under 1% control, unassigned,
 * private-use or replacement characters, and at least half its visible
 * characters letters, marks or digits.
 */
function readsAsText(text: string): boolean {
  const sample = text.slice(0, SAMPLE)
  const count = (re: RegExp): number => sample.match(re)?.length ?? 0
  const bad = count(/[\0-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\p{Cn}\p{Co}]/gu)
  const visible = count(/\S/gu)
  return bad <= sample.length * 0.01 && visible > 0 && count(/[\p{L}\p{M}\p{N}]/gu) >= visible / 2
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** A decoder for a declared legacy encoding, or null when the label is unknown or is not a legacy one. */
function legacyDecoder(label: string | null | undefined): TextDecoder | null {
  if (!label) return null
  try {
    const decoder = new TextDecoder(label.trim())
    return /^utf-(8|16)/.test(decoder.encoding) ? null : decoder
  } catch {
    return null
  }
}

function undecodable(name: string, reason: LocalText): HamishError {
  return new HamishError('undecodable', localText('messages.undecodable', { name, reason }))
}

function binary(name: string, kind: LocalText): HamishError {
  return new HamishError('binary-file', localText('messages.binaryFile', { name, kind }))
}

function decodeBytes(bytes: Uint8Array, name: string, options: DecodeOptions): string {
  const [b0, b1, b2, b3] = bytes
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) throw undecodable(name, localText('messages.utf32'))
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) throw undecodable(name, localText('messages.utf32'))
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be'
    const text = strictDecode(encoding, bytes)
    const label = encoding === 'utf-16le' ? 'UTF-16 little-endian' : 'UTF-16 big-endian'
    if (text === null) {
      throw undecodable(name, localText('messages.badUtf16', { encoding: label }))
    }
    if (controlShare(text) > 0.1) throw binary(name, localText('messages.fileKinds.controlChars'))
    return text
  }
  const utf8Bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf
  // UTF-16 without a byte-order mark: its NULs would make it "binary" below.
  const utf16 = utf8Bom ? null : bomlessUtf16(bytes)
  const utf16Text = utf16 && strictDecode(utf16, bytes)
  if (utf16Text && readsAsText(utf16Text)) return utf16Text
  const kind = binaryKind(utf8Bom ? bytes.subarray(3) : bytes)
  if (kind) throw binary(name, kind)
  const utf8 = strictDecode('utf-8', bytes)
  if (utf8 !== null) return utf8
  if (utf8Bom) {
    throw undecodable(name, localText('messages.badUtf8Bom'))
  }
  // Not UTF-8, no byte-order mark: a legacy single-byte file.
  return decodeLegacy(bytes, name, options.legacyEncoding)
}

/** True when `text` has no visible character: only whitespace and invisible format marks (RLM, ZWJ…). */
export function isBlank(text: string): boolean {
  return /^[\s\p{Cf}]*$/u.test(text)
}

/**
 * Turns a file's bytes into text the importers can trust: UTF-8 with or
 * without BOM, UTF-16 LE/BE with BOM or recognised by its NUL bytes,
 * otherwise the encoding the file declares or the legacy code page
 * (Windows-1256, ISO-8859-6 or Windows-1252) it reads best in; line endings as LF, stray
 * control characters gone. Refuses binary files, files whose BOM promises an
 * encoding their bytes break, legacy files that read as no plausible text,
 * and files with no text, each with a message that starts with `name` and
 * says what to do.
 */
export function decodeText(bytes: Uint8Array, name = 'The file', options: DecodeOptions = {}): string {
  if (bytes.length === 0) {
    throw new HamishError('empty-file', localText('messages.emptyFile', { name, bytes: 0 }))
  }
  const text = cleanDecodedText(decodeBytes(bytes, name, options))
  if (isBlank(text)) {
    throw new HamishError('empty-file', localText('messages.blankFile', { name }))
  }
  return text
}
