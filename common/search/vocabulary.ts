/** A word's id in the vocabulary and the offsets of a query token inside it. */
export interface MatchingWord {
  id: number
  at: number[]
}

/**
 * The distinct folded terms (words, punctuation units) of every indexed
 * article, each with a small integer id, how many articles hold it and how
 * many bytes of postings it has (what a query costs through it). Terms are
 * interned straight from an article's coded text by a hash of their units, so
 * loading the index does not build a string per term of every article; only
 * a term new to the vocabulary becomes a string. A query token finds the
 * terms that contain, start or end with it by a substring scan of all terms
 * joined, which costs the vocabulary's size, not the library's.
 */
export class Vocabulary {
  private readonly words: string[] = []
  private readonly byHash = new Map<number, number>()
  /** Terms whose hash another term took first (rare): looked up by the string. */
  private readonly collided = new Map<string, number>()
  private docCounts = new Int32Array(1024)
  private bytes = new Float64Array(1024)
  private live = 0
  private joined: string | null = null
  private starts: Int32Array | null = null
  /** `prefix[n]`: the hash of the first n terms (`stampOf`). */
  private prefix = new Uint32Array(1025)

  /** The id of the term at [from, from + length) of `source` (coded with `units`, or plain), added if new. */
  intern(source: string, from: number, length: number, units: string | null): number {
    const h = hashUnits(source, from, length, units)
    const id = this.byHash.get(h)
    if (id !== undefined && sameUnits(this.words[id]!, source, from, length, units)) return id
    let word = ''
    for (let i = 0; i < length; i++) word += String.fromCharCode(unit(source, from + i, units))
    if (id === undefined) {
      this.byHash.set(h, this.words.length)
      return this.add(word)
    }
    const other = this.collided.get(word)
    if (other !== undefined) return other
    this.collided.set(word, this.words.length)
    return this.add(word)
  }

  /**
   * Gives an empty vocabulary the terms of the library's vocabulary file in
   * their ids' order, so article files that store ids (version 5) load
   * without interning their terms. Throws, leaving it empty, on a term twice.
   */
  seed(words: readonly string[]): void {
    if (this.words.length > 0) throw new Error('the vocabulary is not empty')
    for (const word of words) {
      if (this.find(word) >= 0) {
        this.clear()
        throw new RangeError('a term twice in the vocabulary')
      }
      const h = hashUnits(word, 0, word.length, null)
      if (this.byHash.has(h)) this.collided.set(word, this.words.length)
      else this.byHash.set(h, this.words.length)
      this.add(word)
    }
  }

  /**
   * A 32-bit hash of the first n terms in id order: an article file written
   * with ids below n carries it, and is read only while the vocabulary's
   * first n terms still hash to it (a lost, damaged or older vocabulary
   * file changes it, and the article is indexed again instead of trusted).
   */
  stampOf(n: number): number {
    return this.prefix[n]!
  }

  /** The terms with ids below n, in id order (what the vocabulary file holds). */
  wordsBelow(n: number): string[] {
    return this.words.slice(0, n)
  }

  private clear(): void {
    this.words.length = 0
    this.byHash.clear()
    this.collided.clear()
    this.joined = null
    this.starts = null
  }

  /** The id of a term, or -1. */
  find(word: string): number {
    const id = this.byHash.get(hashUnits(word, 0, word.length, null))
    if (id !== undefined && this.words[id] === word) return id
    return this.collided.get(word) ?? -1
  }

  wordOf(id: number): string {
    return this.words[id]!
  }

  /** An article holding the term with `bytes` of postings was added (+1) or removed (-1). */
  count(id: number, sign: 1 | -1, bytes: number): void {
    const before = this.docCounts[id]!
    this.docCounts[id] = before + sign
    this.bytes[id] = this.bytes[id]! + sign * bytes
    if (before === 0) this.live++
    else if (before + sign === 0) this.live--
  }

  /** Postings bytes of a term over the library: the cost of answering a query through it. */
  cost(id: number): number {
    return this.bytes[id]!
  }

  /** Ids given so far (terms no article holds any more included). */
  get idCount(): number {
    return this.words.length
  }

  /** Terms held by at least one article. */
  get size(): number {
    return this.live
  }

  /**
   * Words containing `token` (at the start if mustStart, at the end if
   * mustEnd): each with the offsets of the token inside it.
   */
  matchingWords(token: string, mustStart: boolean, mustEnd: boolean): MatchingWord[] {
    if (mustStart && mustEnd) {
      const id = this.find(token)
      return id < 0 ? [] : [{ id, at: [0] }]
    }
    const { joined, starts } = this.vocabulary()
    const needle = (mustStart ? '\n' : '') + token + (mustEnd ? '\n' : '')
    const shift = mustStart ? 1 : 0
    const out: MatchingWord[] = []
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

  private add(word: string): number {
    const id = this.words.length
    this.words.push(word)
    if (id + 1 >= this.prefix.length) {
      const prefix = new Uint32Array(this.prefix.length * 2)
      prefix.set(this.prefix)
      this.prefix = prefix
    }
    this.prefix[id + 1] = extendStamp(this.prefix[id]!, word)
    if (id === this.docCounts.length) {
      const counts = new Int32Array(id * 2)
      counts.set(this.docCounts)
      this.docCounts = counts
      const bytes = new Float64Array(id * 2)
      bytes.set(this.bytes)
      this.bytes = bytes
    }
    this.joined = null
    return id
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

/** The stamp of terms in id order (`Vocabulary.stampOf`): FNV-1a over each term's length and units. */
export function extendStamp(stamp: number, word: string): number {
  let h = Math.imul(stamp ^ word.length, 0x01000193)
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function unit(source: string, i: number, units: string | null): number {
  const c = source.charCodeAt(i)
  return units === null ? c : units.charCodeAt(c)
}

/** 30 bits of an FNV-1a hash of the real units, finished with a mix (a small integer key for the Map). */
export function hashUnits(source: string, from: number, length: number, units: string | null): number {
  let h = 0x811c9dc5 ^ length
  const end = from + length
  if (units === null) for (let i = from; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193)
  else for (let i = from; i < end; i++) h = Math.imul(h ^ units.charCodeAt(source.charCodeAt(i)), 0x01000193)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  return h & 0x3fffffff
}

function sameUnits(
  word: string,
  source: string,
  from: number,
  length: number,
  units: string | null,
): boolean {
  if (word.length !== length) return false
  if (units === null) {
    for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== source.charCodeAt(from + i)) return false
  } else {
    for (let i = 0; i < length; i++) {
      if (word.charCodeAt(i) !== units.charCodeAt(source.charCodeAt(from + i))) return false
    }
  }
  return true
}
