import { isWordChar } from '../arabic-fold'

const NOT_WORD = 1
const WORD = 2
const wordTable = new Uint8Array(0x10000)

/** Whether folded text has a word character at UTF-16 index i: `isWordChar`, cached per unit. */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false
  const c = text.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdfff) return isWordChar(text, i)
  let k = wordTable[c]!
  if (k === 0) {
    k = isWordChar(String.fromCharCode(c), 0) ? WORD : NOT_WORD
    wordTable[c] = k
  }
  return k === WORD
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

interface Postings {
  docs: number[]
  offs: number[]
}

/**
 * A positional inverted index of folded words: word → (document slot, folded
 * offset). A query is answered from the postings of its most selective word
 * (a vocabulary scan finds the words that contain, start or end with it),
 * then checked against the folded text, so the cost follows the number of
 * occurrences rather than the size of the library.
 */
export class WordIndex {
  private readonly ids = new Map<string, number>()
  private readonly words: string[] = []
  private readonly postings: Postings[] = []
  private joined: string | null = null
  private starts: Int32Array | null = null

  add(slot: number, folded: string): void {
    tokenize(folded, (word, offset) => {
      let id = this.ids.get(word)
      if (id === undefined) {
        id = this.words.length
        this.ids.set(word, id)
        this.words.push(word)
        this.postings.push({ docs: [], offs: [] })
        this.joined = null
      }
      const p = this.postings[id]!
      p.docs.push(slot)
      p.offs.push(offset)
    })
  }

  get vocabularySize(): number {
    return this.words.length
  }

  /**
   * Words containing `token` (at the start if mustStart, at the end if
   * mustEnd): each with the offsets of the token inside it.
   */
  matchingWords(token: string, mustStart: boolean, mustEnd: boolean): { id: number; at: number[] }[] {
    if (mustStart && mustEnd) {
      const id = this.ids.get(token)
      return id === undefined ? [] : [{ id, at: [0] }]
    }
    const { joined, starts } = this.vocabulary()
    const needle = (mustStart ? '\n' : '') + token + (mustEnd ? '\n' : '')
    const shift = mustStart ? 1 : 0
    const out: { id: number; at: number[] }[] = []
    let from = 0
    for (;;) {
      const hit = joined.indexOf(needle, from)
      if (hit < 0) break
      const pos = hit + shift
      let lo = 0
      let hi = starts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (starts[mid]! <= pos) lo = mid
        else hi = mid - 1
      }
      const word = this.words[lo]!
      const at: number[] = []
      if (mustStart) at.push(0)
      else if (mustEnd) at.push(word.length - token.length)
      else for (let k = word.indexOf(token); k >= 0; k = word.indexOf(token, k + 1)) at.push(k)
      out.push({ id: lo, at })
      from = starts[lo]! + word.length // next word
    }
    return out
  }

  postingsOf(id: number): Postings {
    return this.postings[id]!
  }

  private vocabulary(): { joined: string; starts: Int32Array } {
    if (this.joined === null || this.starts === null) {
      const starts = new Int32Array(this.words.length)
      let n = 1
      for (let i = 0; i < this.words.length; i++) {
        starts[i] = n
        n += this.words[i]!.length + 1
      }
      this.joined = `\n${this.words.join('\n')}\n`
      this.starts = starts
    }
    return { joined: this.joined, starts: this.starts }
  }
}
