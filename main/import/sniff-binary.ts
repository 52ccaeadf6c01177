/**
 * Recognises files that are not text before anyone tries to decode them, so a
 * PDF or a photo renamed to .txt is refused with a message that says what it
 * is, instead of being stored as a page of mojibake.
 */

interface Magic {
  /** Bytes at `offset`; null matches any byte. */
  bytes: (number | null)[]
  offset?: number
  kind: string
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0))

const MAGICS: Magic[] = [
  { bytes: ascii('%PDF-'), kind: 'a PDF document' },
  { bytes: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: ascii('GIF87a'), kind: 'a GIF image' },
  { bytes: ascii('GIF89a'), kind: 'a GIF image' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], kind: 'a WebP image' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')], kind: 'a WAV sound file' },
  { bytes: ascii('ftyp'), offset: 4, kind: 'a video or image file (MP4, MOV, HEIC…)' },
  { bytes: ascii('OggS'), kind: 'an Ogg audio or video file' },
  { bytes: ascii('fLaC'), kind: 'a FLAC audio file' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    kind: 'a ZIP archive (a Word or OpenDocument file, or an EPUB named wrongly)',
  },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'an empty ZIP archive' },
  { bytes: [0x50, 0x4b, 0x07, 0x08], kind: 'a ZIP archive' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0xfd, ...ascii('7zXZ'), 0x00], kind: 'an xz archive' },
  { bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], kind: 'a 7-Zip archive' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], kind: 'a RAR archive' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: 'a Zstandard archive' },
  { bytes: ascii('ustar'), offset: 257, kind: 'a tar archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old Microsoft Office document' },
  { bytes: [0x7f, ...ascii('ELF')], kind: 'a program (ELF executable)' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], kind: 'a program (Mach-O executable)' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], kind: 'a program (Mach-O or Java class file)' },
  { bytes: [0x00, ...ascii('asm')], kind: 'a WebAssembly module' },
  { bytes: [...ascii('SQLite format 3'), 0x00], kind: 'an SQLite database' },
  { bytes: ascii('wOFF'), kind: 'a font file' },
  { bytes: ascii('wOF2'), kind: 'a font file' },
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
 * bytes in the first 64 KB. Call it only on bytes that are not UTF-16 with a
 * byte-order mark (UTF-16 is full of NULs); see `controlShare` for those.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const magic of MAGICS) if (matches(bytes, magic)) return magic.kind
  const end = Math.min(bytes.length, SAMPLE_BYTES)
  let controls = 0
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number
    if (b === 0) return 'a binary file (it contains NUL bytes)'
    if (isControlByte(b)) controls++
  }
  if (controls >= MIN_CONTROLS && controls / end > 0.1) return 'a binary file (it is full of control bytes)'
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
