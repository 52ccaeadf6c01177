/**
 * Typed arrays that grow by doubling while an index is built and are trimmed
 * to their length when it is done: postings of millions of entries cost 4
 * bytes (or 1-3 as varints) each instead of a JavaScript array slot each.
 */
export class GrowableInt32 {
  private data: Int32Array
  length = 0

  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(1, capacity))
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, this.length + 1)
    this.data[this.length++] = value
  }

  get(i: number): number {
    return this.data[i]!
  }

  /** An array of exactly the pushed values (a copy, so the spare capacity is freed). */
  trimmed(): Int32Array {
    return this.data.slice(0, this.length)
  }
}

/** Unsigned LEB128 varints (7 bits a byte, high bit = more), the postings' on-disk and in-memory form. */
export class ByteWriter {
  private data: Uint8Array
  length = 0

  constructor(capacity = 64) {
    this.data = new Uint8Array(Math.max(1, capacity))
  }

  /** Writes a non-negative integer below 2^31. */
  varint(value: number): void {
    if (this.length + 5 > this.data.length) this.data = grow(this.data, this.length + 5)
    const d = this.data
    let v = value
    while (v >= 0x80) {
      d[this.length++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    d[this.length++] = v
  }

  bytes(source: Uint8Array, from: number, to: number): void {
    const n = to - from
    if (this.length + n > this.data.length) this.data = grow(this.data, this.length + n)
    this.data.set(source.subarray(from, to), this.length)
    this.length += n
  }

  trimmed(): Uint8Array {
    return this.data.slice(0, this.length)
  }
}

/** Bytes a varint of `value` takes. */
export function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5
}

/**
 * Reads varints from a byte array. `next()` past the end or through an
 * over-long varint throws, so damaged postings fail loudly instead of
 * yielding wrong offsets.
 */
export class VarintReader {
  constructor(
    public bytes: Uint8Array,
    public at = 0,
  ) {}

  next(): number {
    const b = this.bytes
    if (this.at >= b.length) throw new RangeError('varint past the end')
    const first = b[this.at++]!
    // One byte is the common case (most gaps are short): no arithmetic beyond the test.
    if (first < 0x80) return first
    let value = first & 0x7f
    for (let shift = 7; shift < 35; shift += 7) {
      if (this.at >= b.length) throw new RangeError('varint past the end')
      const byte = b[this.at++]!
      value += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) {
        if (value > 0x7fffffff) break
        return value
      }
    }
    throw new RangeError('varint too long')
  }
}

function grow<T extends Int32Array | Uint8Array>(data: T, need: number): T {
  let size = data.length * 2
  while (size < need) size *= 2
  const next = new (data.constructor as new (n: number) => T)(size)
  next.set(data)
  return next
}
