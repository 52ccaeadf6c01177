import { LAZY, REMOVE, resolveLazy, SPACE, type FoldTable } from './fold-table'

/** Where the folding loop writes: folded units and, for each, the original index it came from. Grown as needed. */
export interface FoldBuffers {
  units: Uint16Array
  origins: Int32Array
}

function ensure(buf: FoldBuffers, kept: number, size: number): void {
  if (buf.units.length >= size) return
  const cap = Math.ceil(size * 1.5)
  const units = new Uint16Array(cap)
  units.set(buf.units.subarray(0, kept))
  const origins = new Int32Array(cap + 1)
  origins.set(buf.origins.subarray(0, kept))
  buf.units = units
  buf.origins = origins
}

/**
 * The one folding loop, for a whole text (`foldText`) and for a stretch of
 * an article the search index folds again from a checkpoint (FoldWindow):
 * folds `text` from UTF-16 index `from` until `until` units are written or
 * the text ends, into `buf` from index 0, and returns how many units it
 * wrote. `codes`, when not null, is the search index's one-byte coding: the
 * unit at index i is `codes.charCodeAt(text.charCodeAt(i))`.
 *
 * The whitespace collapse is its only state, and it starts clear: folding
 * from the first unit of a character that does not follow a folded space
 * gives the same units as folding the whole text (the index's checkpoints
 * are chosen so).
 */
export function foldInto(
  table: FoldTable,
  text: string,
  codes: string | null,
  from: number,
  until: number,
  buf: FoldBuffers,
): number {
  const map = table.map
  const { whitespace: ws, caseFold } = table.options
  const len = text.length
  ensure(buf, 0, Math.min(len - from, until) + 16)
  let out = buf.units
  let origins = buf.origins
  let n = 0
  let lastSpace = false
  for (let i = from; i < len && n < until; i++) {
    const c = codes === null ? text.charCodeAt(i) : codes.charCodeAt(text.charCodeAt(i))
    let m = map[c]!
    if (m === LAZY) m = resolveLazy(map, c)
    if (m >= 0) {
      out[n] = m
      origins[n++] = i
      lastSpace = false
      continue
    }
    if (m === REMOVE) continue
    if (m === SPACE) {
      if (!lastSpace) {
        out[n] = 0x20
        origins[n++] = i
        lastSpace = true
      }
      continue
    }
    // SPECIAL: a surrogate, or a presentation form that expands.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = codes === null ? text.charCodeAt(i + 1) : codes.charCodeAt(text.charCodeAt(i + 1))
      if (d >= 0xdc00 && d <= 0xdfff) {
        const pair = String.fromCharCode(c, d)
        const lower = caseFold ? pair.toLowerCase() : pair
        // Astral lower-casing keeps two units (checked by the tests), so the output stays in bounds.
        out[n] = lower.charCodeAt(0)
        origins[n++] = i
        out[n] = lower.charCodeAt(1)
        origins[n++] = i
        i++
        lastSpace = false
        continue
      }
    }
    const expansion = table.expansions.get(c)
    if (expansion === undefined) {
      out[n] = c // a lone surrogate stays as it is
      origins[n++] = i
      lastSpace = false
      continue
    }
    // One character grows to several units: keep room for them and for one unit per character left.
    ensure(buf, n, n + expansion.length + Math.min(len - i, Math.max(0, until - n)) + 16)
    out = buf.units
    origins = buf.origins
    for (let k = 0; k < expansion.length; k++) {
      const u = expansion.charCodeAt(k)
      const isSpace = u === 0x20 && ws
      if (isSpace && lastSpace) continue
      out[n] = u
      origins[n++] = i
      lastSpace = isSpace
    }
  }
  return n
}
