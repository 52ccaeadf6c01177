import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib'

/** The most content codings undone one after the other. */
const MAX_CODINGS = 2

/** A body whose Content-Encoding Hamish can undo: the stream of its decoded bytes. */
export interface DecodedBody {
  stream: Readable
}

/** A body packed in a way Hamish cannot undo: the encoding named, for the message. */
export interface UnknownEncoding {
  unknown: string
}

/**
 * `deflate` as servers send it: zlib-wrapped as the standard says, or raw
 * deflate as some servers do (browsers take both). The first two bytes
 * tell: a zlib header's low nibble is 8 (deflate) and, read as one number,
 * they are a multiple of 31.
 */
class EitherInflate extends Transform {
  #inner: Transform | null = null

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.#inner) {
      const wrapped =
        chunk.length >= 2 && (chunk[0]! & 0x0f) === 8 && ((chunk[0]! << 8) | chunk[1]!) % 31 === 0
      this.#inner = wrapped ? createInflate() : createInflateRaw()
      this.#inner.on('data', (data: Buffer) => this.push(data))
      this.#inner.on('error', (err) => this.destroy(err))
    }
    this.#inner.write(chunk, () => callback())
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#inner) return callback()
    this.#inner.once('end', () => callback())
    this.#inner.end()
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.#inner?.destroy()
    callback(err)
  }
}

/** The decoder for one content coding, or null when Hamish does not know it. */
function decoderFor(coding: string): (() => Transform) | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip
    case 'deflate':
      return () => new EitherInflate()
    case 'br':
      return createBrotliDecompress
    default:
      return null
  }
}

/**
 * The body as the page's bytes, undoing the Content-Encoding a server used
 * although Hamish asked for none (`accept-encoding: identity`): some
 * servers and CDNs send gzip, deflate or br regardless, as browsers and
 * curl cope with. Decoded as it streams, so the caller's byte limit counts
 * decoded bytes and stops a small body that would inflate to gigabytes
 * (destroying the returned stream stops the decoders). Codings listed
 * together are undone last first; an unknown one is named, not guessed.
 * A decoding error (a body that is not what its coding says) comes as the
 * stream's error, marked `badEncoding`.
 */
export function decodedBody(
  body: Readable,
  contentEncoding: string | undefined,
): DecodedBody | UnknownEncoding {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
  // Nobody packs a page more than twice; a long list is a way to stack decoders, not a page.
  if (codings.length > MAX_CODINGS) return { unknown: codings.join(', ') }
  const decoders: (() => Transform)[] = []
  for (const coding of [...codings].reverse()) {
    const decoder = decoderFor(coding)
    if (!decoder) return { unknown: coding }
    decoders.push(decoder)
  }
  if (decoders.length === 0) return { stream: body }
  const stages = decoders.map((make) => make())
  const last = stages.at(-1)!
  // zlib's own errors (Z_DATA_ERROR…, brotli's ERR__…): the body is not what its coding says.
  for (const stage of stages)
    stage.once('error', (err: NodeJS.ErrnoException) => {
      if (/^(Z_|ERR__)/.test(err.code ?? '')) Object.assign(err, { badEncoding: codings.join(', ') })
    })
  pipeline([body, ...stages], (err) => {
    if (err && !last.destroyed) last.destroy(err)
  })
  return { stream: last }
}
