import { HamishError } from '../../common/errors'
import { cleanDecodedText } from '../../common/normalise'
import { binaryKind, controlShare } from './sniff-binary'
import { localText, type LocalText } from '../../common/i18n/local-text'

/** The legacy encoding of Arabic text on Windows: what a non-UTF-8 Arabic file almost always is. */
export const ARABIC_LEGACY_ENCODING = 'windows-1256'

export interface DecodeOptions {
  /**
   * The encoding a file declares for itself (an HTML `<meta charset>`), tried
   * instead of Windows-1256 when the bytes are not valid UTF-8.
   */
  legacyEncoding?: string | null
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
  const kind = binaryKind(utf8Bom ? bytes.subarray(3) : bytes)
  if (kind) throw binary(name, kind)
  const utf8 = strictDecode('utf-8', bytes)
  if (utf8 !== null) return utf8
  if (utf8Bom) {
    throw undecodable(name, localText('messages.badUtf8Bom'))
  }
  // Not UTF-8, no byte-order mark: a legacy single-byte file. Windows-1256
  // assigns a character to every byte, so this always succeeds.
  const decoder = legacyDecoder(options.legacyEncoding) ?? new TextDecoder(ARABIC_LEGACY_ENCODING)
  return decoder.decode(bytes)
}

/** True when `text` has no visible character: only whitespace and invisible format marks (RLM, ZWJ…). */
export function isBlank(text: string): boolean {
  return /^[\s\p{Cf}]*$/u.test(text)
}

/**
 * Turns a file's bytes into text the importers can trust: UTF-8 with or
 * without BOM, UTF-16 LE/BE with BOM, otherwise Windows-1256 (the legacy
 * Arabic code page) or the encoding the file declares; line endings as LF,
 * stray control characters gone. Refuses binary files, files whose BOM
 * promises an encoding their bytes break, and files with no text, each with
 * a message that starts with `name` and says what to do.
 */
export function decodeText(bytes: Uint8Array, name = 'The file', options: DecodeOptions = {}): string {
  if (bytes.length === 0) {
    throw new HamishError('empty-file', localText('messages.emptyFile', { name }))
  }
  const text = cleanDecodedText(decodeBytes(bytes, name, options))
  if (isBlank(text)) {
    throw new HamishError('empty-file', localText('messages.blankFile', { name }))
  }
  return text
}
