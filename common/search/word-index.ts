import { isWordChar } from '../arabic-fold'

const NOT_WORD = 1
const WORD = 2
const wordTable = new Uint8Array(0x10000)

/** Whether a UTF-16 unit that is not a surrogate is a word character (`isWordChar`, cached per unit). */
export function isWordUnit(c: number): boolean {
  let k = wordTable[c]!
  if (k === 0) {
    k = isWordChar(String.fromCharCode(c), 0) ? WORD : NOT_WORD
    wordTable[c] = k
  }
  return k === WORD
}

/** Whether folded text has a word character at UTF-16 index i: `isWordChar`, cached per unit. */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false
  const c = text.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdfff) return isWordChar(text, i)
  return isWordUnit(c)
}

/**
 * `isWordAt` for a unit given with the one after it (-1 at the end): a high
 * surrogate is a word character when its pair is a letter; a low surrogate
 * alone never is, as `isWordChar` reads it.
 */
export function isWordPair(c: number, next: number): boolean {
  if (c < 0xd800 || c > 0xdfff) return isWordUnit(c)
  return isWordChar(next < 0 ? String.fromCharCode(c) : String.fromCharCode(c, next), 0)
}

/** The words of folded text with their UTF-16 offsets. */
export function tokenize(text: string, visit: (word: string, offset: number) => void): void {
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const w = i < text.length && isWordAt(text, i)
    if (w && start < 0) start = i
    else if (!w && start >= 0) {
      visit(text.slice(start, i), start)
      start = -1
    }
  }
}

/**
 * The index terms of folded text: its words (as `tokenize`) and, one by one,
 * the units that are neither word characters nor the folded space, so a
 * query of punctuation alone ('،', '؟!') is answered from the index too.
 */
export function forEachTerm(
  text: string,
  visit: (term: string, offset: number, word: boolean) => void,
): void {
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const w = i < text.length && isWordAt(text, i)
    if (w) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      visit(text.slice(start, i), start, true)
      start = -1
    }
    if (i < text.length && text.charCodeAt(i) !== 0x20) visit(text[i]!, i, false)
  }
}
