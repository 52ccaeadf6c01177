import { setImmediate as nextTurn } from 'node:timers/promises'
import { decodeWire } from '../../common/contract/wire'

/** How `encodeWire` writes bytes: the base64 follows, up to the next quote (base64 has none). */
const BYTES_MARK = Buffer.from('{"$bytes":"')
const QUOTE = 0x22
const CLOSE_BRACE = 0x7d
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Decodes a call's body (`encodeWire`'s JSON with bytes) without holding
 * main's event loop: a 40 MB import is 55 MB of base64, which `JSON.parse`
 * and a decoder would take in one piece (half a second on a busy machine,
 * while the page and other tabs wait). Each bytes value is cut out of the
 * raw body, checked and decoded natively, one step a turn of the loop; the
 * JSON that is left is small and goes through `decodeWire` as usual, which
 * applies all its checks and takes the decoded bytes in order. Anything
 * malformed throws, as `decodeWire` does.
 */
export async function decodeRequestBody(body: Buffer): Promise<unknown> {
  const pieces: Buffer[] = []
  const spans: Buffer[] = []
  /** Where the text not yet put in `pieces` starts. */
  let from = 0
  for (let at = body.indexOf(BYTES_MARK); at >= 0;) {
    const start = at + BYTES_MARK.length
    const end = body.indexOf(QUOTE, start)
    if (end < 0) break
    // Only a value that is its object's one key is cut, so the cut values and those decodeWire asks for pair up in order.
    if (body[end + 1] === CLOSE_BRACE) {
      pieces.push(body.subarray(from, start))
      spans.push(body.subarray(start, end))
      from = end
    }
    at = body.indexOf(BYTES_MARK, end)
  }
  pieces.push(body.subarray(from))
  const decoded: Uint8Array[] = []
  for (const span of spans) decoded.push(await decodeSpan(span))
  let next = 0
  // Each cut value left an empty string, taken in order; any other is decoded where it stands.
  return decodeWire(Buffer.concat(pieces).toString('utf8'), (rest) =>
    rest === '' && next < decoded.length ? decoded[next++]! : base64Bytes(rest),
  )
}

/** Base64 characters a turn of the loop checks and decodes (a multiple of 4): 4 MiB, a few milliseconds. */
const CHUNK = 4 * 1024 * 1024
const BASE64_NO_PAD = /^[A-Za-z0-9+/]*$/

/** One cut bytes value, checked strictly and decoded natively, a chunk a turn. */
async function decodeSpan(span: Buffer): Promise<Uint8Array> {
  if (span.length % 4 !== 0) throw new Error('bad base64 length')
  const pad = span.length > 0 && span[span.length - 1] === 0x3d ? (span[span.length - 2] === 0x3d ? 2 : 1) : 0
  const out = Buffer.allocUnsafe((span.length / 4) * 3 - pad)
  let written = 0
  for (let i = 0; i < span.length; i += CHUNK) {
    await nextTurn()
    const last = i + CHUNK >= span.length
    const text = span.subarray(i, Math.min(span.length, i + CHUNK)).toString('latin1')
    if (!(last ? BASE64 : BASE64_NO_PAD).test(text)) throw new Error('bad base64')
    written += out.write(text, written, 'base64')
  }
  if (written !== out.length) throw new Error('bad base64')
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

/** Strict base64 (Buffer alone skips characters it does not know), decoded natively. */
function base64Bytes(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new Error('bad base64')
  const bytes = Buffer.from(text, 'base64')
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
