/** RFC 3492's parameters for Punycode as IDNA uses it. */
const BASE = 36
const TMIN = 1
const TMAX = 26
const SKEW = 38
const DAMP = 700
const INITIAL_BIAS = 72
const INITIAL_N = 128
const MAX_CODE_POINT = 0x10ffff

/** The bias adaptation of RFC 3492 §6.1. */
function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1
  d += Math.floor(d / points)
  let k = 0
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN))
    k += BASE
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW))
}

/** A Punycode digit's value (a–z 0–25, 0–9 26–35), or -1. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22
  if (code >= 0x61 && code <= 0x7a) return code - 0x61
  if (code >= 0x41 && code <= 0x5a) return code - 0x41
  return -1
}

/**
 * Decodes one Punycode string (a host label without its `xn--`), RFC 3492
 * §6.2, or null when it is not valid Punycode. Written here rather than
 * taken from node:url because common/ runs in the page too: the library
 * and the reader show an Arabic host as people write it.
 */
export function decodePunycode(input: string): string | null {
  const output: number[] = []
  const delimiter = input.lastIndexOf('-')
  for (let j = 0; j < Math.max(delimiter, 0); j++) {
    const code = input.charCodeAt(j)
    if (code >= 0x80) return null
    output.push(code)
  }
  let n = INITIAL_N
  let bias = INITIAL_BIAS
  let i = 0
  let pos = delimiter >= 0 ? delimiter + 1 : 0
  while (pos < input.length) {
    const old = i
    let w = 1
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null
      const digit = digitValue(input.charCodeAt(pos++))
      if (digit < 0) return null
      i += digit * w
      if (i > MAX_CODE_POINT * (output.length + 1) + MAX_CODE_POINT) return null
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias
      if (digit < t) break
      w *= BASE - t
    }
    const points = output.length + 1
    bias = adapt(i - old, points, old === 0)
    n += Math.floor(i / points)
    i %= points
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return null
    output.splice(i, 0, n)
    i++
  }
  return String.fromCodePoint(...output)
}
