/**
 * JSON with bytes: the loopback bridge carries Uint8Array arguments (imported
 * files) as `{"$bytes": base64}`. Electron's IPC clones them natively; this
 * codec gives the HTTP transport the same values. Plain `JSON.parse` would
 * turn a `__proto__` key into a prototype change on assignment, so parsing
 * goes through a reviver that refuses such keys.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function toBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + BASE64[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + '=='
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + '='
  }
  return out
}

const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < BASE64.length; i++) DECODE[BASE64.charCodeAt(i)] = i

/**
 * Strict base64 to bytes, in one pass without allocating per character: the
 * preview server decodes a 40 MB import on main's event loop with it, so it
 * must cost tens of milliseconds, not seconds (issue 13).
 */
function fromBase64(s: string): Uint8Array {
  if (s.length % 4 !== 0) throw new Error('bad base64 length')
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  const out = new Uint8Array((s.length / 4) * 3 - pad)
  const digit = (i: number): number => {
    const ch = s.charCodeAt(i)
    if (ch === 61 /* = */ && i >= s.length - pad) return 0
    const d = ch < 128 ? DECODE[ch]! : -1
    if (d < 0) throw new Error('bad base64 character')
    return d
  }
  let o = 0
  const whole = s.length - (pad > 0 ? 4 : 0)
  for (let i = 0; i < whole; i += 4) {
    const n = (digit(i) << 18) | (digit(i + 1) << 12) | (digit(i + 2) << 6) | digit(i + 3)
    out[o++] = n >> 16
    out[o++] = (n >> 8) & 255
    out[o++] = n & 255
  }
  if (pad > 0) {
    const i = whole
    const n = (digit(i) << 18) | (digit(i + 1) << 12) | (digit(i + 2) << 6) | digit(i + 3)
    if (o < out.length) out[o++] = n >> 16
    if (o < out.length) out[o++] = (n >> 8) & 255
  }
  return out
}

/** Serialises a call's arguments or result, bytes included. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v))
}

/**
 * Parses what `encodeWire` produced; refuses prototype-polluting keys and
 * malformed bytes. `bytesFrom` decodes the base64 of bytes: the preview
 * server passes Node's native decoder (after its own strict check), so a
 * 40 MB import holds main's event loop for tens of milliseconds.
 */
export function decodeWire(text: string, bytesFrom: (base64: string) => Uint8Array = fromBase64): unknown {
  return JSON.parse(text, (key, v: unknown) => {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw new Error(`refused key "${key}"`)
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v)
      if (
        keys.length === 1 &&
        keys[0] === '$bytes' &&
        typeof (v as { $bytes: unknown }).$bytes === 'string'
      ) {
        return bytesFrom((v as { $bytes: string }).$bytes)
      }
    }
    return v
  })
}
