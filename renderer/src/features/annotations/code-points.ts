/**
 * UTF-16 index of code point `points` in `text`, scanning from a known pair
 * (`fromUnits`, `fromPoints`) so that consecutive lookups in a long book do
 * not rescan it from the start.
 */
function unitsAt(text: string, points: number, fromUnits = 0, fromPoints = 0): number {
  let units = fromUnits
  for (let n = fromPoints; n < points && units < text.length; n++) {
    const c = text.charCodeAt(units)
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < text.length ? 2 : 1
  }
  return units
}

/**
 * The part of `text` between two code-point offsets (end exclusive).
 * Annotation positions count code points (DESIGN §4), JavaScript strings
 * count UTF-16 units: a letter outside the BMP is one of the first, two of
 * the second, so slicing with `String.slice` would cut the quote short.
 */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const from = unitsAt(text, start)
  const to = unitsAt(text, end, from, start)
  return text.slice(from, to)
}
