/**
 * Encodes text in Windows-1256, for pages served the way old Arabic sites
 * serve them. Node's TextEncoder only writes UTF-8, and iconv-lite is not
 * installed; the table is the inverse of Node's own TextDecoder, so it is
 * the WHATWG encoding, not one typed here.
 */
const TABLE = (() => {
  const decoder = new TextDecoder('windows-1256')
  const table = new Map<string, number>()
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte)
  return table
})()

/** `text` in Windows-1256; throws on a character it cannot hold, so a test never serves a silently changed page. */
export function encodeWindows1256(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  let i = 0
  for (const char of text) {
    const byte = TABLE.get(char)
    if (byte === undefined) throw new Error(`U+${char.codePointAt(0)!.toString(16)} is not in Windows-1256`)
    out[i++] = byte
  }
  return out.subarray(0, i)
}
