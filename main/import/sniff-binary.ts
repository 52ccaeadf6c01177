import type { Messages } from '../../common/i18n/en'
import { localText, type LocalText } from '../../common/i18n/local-text'

/**
 * Recognises files that are not text before anyone tries to decode them, so a
 * PDF or a photo renamed to .txt is refused with a message that says what it
 * is, instead of being stored as a page of mojibake.
 */

interface Magic {
  /** Bytes at `offset`; null matches any byte. */
  bytes: (number | null)[]
  offset?: number
  kind: FileKind
}

/** The kinds of non-text file Hamish names when it refuses one (messages.fileKinds in common/i18n). */
type FileKind = keyof Messages['messages']['fileKinds']

const kindText = (kind: FileKind): LocalText => localText(`messages.fileKinds.${kind}`)

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0))

const MAGICS: Magic[] = [
  { bytes: ascii('%PDF-'), kind: 'pdf' },
  { bytes: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a], kind: 'png' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'jpeg' },
  { bytes: ascii('GIF87a'), kind: 'gif' },
  { bytes: ascii('GIF89a'), kind: 'gif' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], kind: 'webp' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')], kind: 'wav' },
  { bytes: ascii('ftyp'), offset: 4, kind: 'video' },
  { bytes: ascii('OggS'), kind: 'ogg' },
  { bytes: ascii('fLaC'), kind: 'flac' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    kind: 'office',
  },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zipEmpty' },
  { bytes: [0x50, 0x4b, 0x07, 0x08], kind: 'zip' },
  { bytes: [0x1f, 0x8b], kind: 'gzip' },
  { bytes: [0xfd, ...ascii('7zXZ'), 0x00], kind: 'xz' },
  { bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], kind: 'sevenZip' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], kind: 'rar' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: 'zstd' },
  { bytes: ascii('ustar'), offset: 257, kind: 'tar' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'oldOffice' },
  { bytes: [0x7f, ...ascii('ELF')], kind: 'elf' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], kind: 'machO' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], kind: 'machOJava' },
  { bytes: [0x00, ...ascii('asm')], kind: 'wasm' },
  { bytes: [...ascii('SQLite format 3'), 0x00], kind: 'sqlite' },
  { bytes: ascii('wOFF'), kind: 'font' },
  { bytes: ascii('wOF2'), kind: 'font' },
]

/** Fewer control bytes than this never make a file binary: a stray one in a short note is harmless. */
const MIN_CONTROLS = 8

/** How much of the file the byte checks look at: enough to decide, cheap on a 50 MB file. */
const SAMPLE_BYTES = 64 * 1024

function matches(bytes: Uint8Array, magic: Magic): boolean {
  const offset = magic.offset ?? 0
  if (bytes.length < offset + magic.bytes.length) return false
  return magic.bytes.every((b, i) => b === null || bytes[offset + i] === b)
}

/** True for C0 control bytes that never occur in text (tab, LF, FF, CR, ESC and the DOS EOF mark do). */
function isControlByte(b: number): boolean {
  return (
    (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b) ||
    b === 0x7f
  )
}

/**
 * What kind of non-text file `bytes` is ("a PNG image"), or null when it may
 * be text. Checks known signatures, then NUL bytes, then the share of control
 * bytes in the first 64 KB. Call it only on bytes that are not UTF-16 (which
 * is full of NULs): see `bomlessUtf16` for UTF-16 without a byte-order mark,
 * and `controlShare` for decoded UTF-16.
 */
export function binaryKind(bytes: Uint8Array): LocalText | null {
  for (const magic of MAGICS) if (matches(bytes, magic)) return kindText(magic.kind)
  const end = Math.min(bytes.length, SAMPLE_BYTES)
  let controls = 0
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number
    if (b === 0) return kindText('nulBytes')
    if (isControlByte(b)) controls++
  }
  if (controls >= MIN_CONTROLS && controls / end > 0.1) return kindText('controlBytes')
  return null
}

/** How many different high bytes UTF-16 text may use in nearly all its characters: ASCII, one script block, punctuation. */
const UTF16_HIGH_BYTES = 3

/**
 * The byte order of UTF-16 text that has no byte-order mark, or null when
 * `bytes` do not look like it. Only files with NUL bytes qualify (so nothing
 * that reads as UTF-8 or a legacy code page is taken for UTF-16): in the first
 * 64 KB, one side of each byte pair (the high byte: odd positions for
 * little-endian, even for big-endian) holds the NULs, and nearly all high
 * bytes are one of a few values: 0x00 for ASCII, 0x06 for Arabic (U+06xx),
 * 0x20 for punctuation such as “ ” —; while the low bytes vary and are rarely
 * NUL. Random or structured binary data spreads its bytes over both sides.
 * The caller still has to check that the text decodes and reads as text.
 */
export function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null
  if (MAGICS.some((magic) => matches(bytes, magic))) return null
  const end = Math.min(bytes.length, SAMPLE_BYTES)
  const pairs = end / 2
  const even = new Uint32Array(256)
  const odd = new Uint32Array(256)
  for (let i = 0; i < end; i += 2) {
    even[bytes[i] as number]!++
    odd[bytes[i + 1] as number]!++
  }
  const looksHigh = (high: Uint32Array, low: Uint32Array): boolean => {
    const nuls = high[0] as number
    if (nuls === 0 || (low[0] as number) * 10 > nuls) return false
    const common = Array.from(high)
      .sort((a, b) => b - a)
      .slice(0, UTF16_HIGH_BYTES)
      .reduce((sum, n) => sum + n, 0)
    return common >= pairs * 0.95
  }
  if (looksHigh(odd, even)) return 'utf-16le'
  if (looksHigh(even, odd)) return 'utf-16be'
  return null
}

/**
 * Share of control characters in decoded text (first 64 K characters; 0 when
 * there are only a few): the same test as `binaryKind`, for text that came
 * from UTF-16.
 */
export function controlShare(text: string): number {
  const end = Math.min(text.length, SAMPLE_BYTES)
  let controls = 0
  for (let i = 0; i < end; i++) if (isControlByte(text.charCodeAt(i)) || text.charCodeAt(i) === 0) controls++
  return controls < MIN_CONTROLS ? 0 : controls / end
}
