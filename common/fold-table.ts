/**
 * The per-character tables behind `foldText` (common/arabic-fold.ts). One
 * Int32Array of 65,536 entries per combination of options says what each
 * UTF-16 unit becomes, so the fold loop is a table lookup per character and
 * never calls a regex or `normalize` on ordinary text.
 */

/** Options of `foldText`; every one defaults to true, which is what matching wants. */
export interface FoldOptions {
  /** ة → ه. */
  taaMarbuta?: boolean
  /** ؤ → و and ئ → ي. */
  hamzaCarriers?: boolean
  /** Every run of whitespace (NBSP and newlines included) → one space. */
  whitespace?: boolean
  /** Lower-case letters (Latin and the other cased scripts). */
  caseFold?: boolean
}

/** Table entry: the character disappears (marks, tatweel, zero-width and bidi controls). */
export const REMOVE = -1
/** Table entry: whitespace, collapsed with its neighbours into one space. */
export const SPACE = -2
/** Table entry: needs the slow path (expansion to several units, surrogates). */
export const SPECIAL = -3
/** Table entry: lower-case not looked up yet (filled on first sight, see `resolveLazy`). */
export const LAZY = -4

/** What one options combination folds to: the table and the multi-unit expansions. */
export interface FoldTable {
  readonly options: Required<FoldOptions>
  readonly map: Int32Array
  /** Folded expansions of presentation forms that NFKC turns into several characters (ﷺ, ﻻ…). */
  readonly expansions: Map<number, string>
}

const REMOVED_RANGES: [number, number][] = [
  [0x064b, 0x065f], // harakat, tanween, shadda, sukun, hamza above/below, other marks
  [0x0670, 0x0670], // superscript alef
  [0x06d6, 0x06ed], // Quranic annotation marks
  [0x0640, 0x0640], // tatweel
  [0x200b, 0x200f], // ZWSP, ZWNJ, ZWJ, LRM, RLM
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x2060], // word joiner
  [0x2066, 0x2069], // bidi isolates
  [0x061c, 0x061c], // Arabic letter mark
  [0xfeff, 0xfeff], // BOM / zero-width no-break space
  [0x00ad, 0x00ad], // soft hyphen
]

const WHITESPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]

const ALEF = 0x0627
const YEH = 0x064a
const PRESENTATION_RANGES: [number, number][] = [
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefe],
]

const tables = new Map<number, FoldTable>()

/** Resolves the defaults and returns a small integer key per combination. */
function keyOf(o: Required<FoldOptions>): number {
  return (+o.taaMarbuta << 0) | (+o.hamzaCarriers << 1) | (+o.whitespace << 2) | (+o.caseFold << 3)
}

/** The table for these options, built once per combination (a fraction of a millisecond). */
export function foldTable(options: FoldOptions = {}): FoldTable {
  const o: Required<FoldOptions> = {
    taaMarbuta: options.taaMarbuta ?? true,
    hamzaCarriers: options.hamzaCarriers ?? true,
    whitespace: options.whitespace ?? true,
    caseFold: options.caseFold ?? true,
  }
  const key = keyOf(o)
  let table = tables.get(key)
  if (!table) {
    table = buildTable(o)
    tables.set(key, table)
  }
  return table
}

function buildTable(o: Required<FoldOptions>): FoldTable {
  const map = new Int32Array(0x10000)
  // Non-ASCII characters start lazy when case-folding (looked up on first sight), identity otherwise.
  if (o.caseFold) map.fill(LAZY, 0x80)
  for (let c = 0; c < 0x80; c++) map[c] = c
  if (!o.caseFold) for (let c = 0x80; c < 0x10000; c++) map[c] = c
  else for (let c = 0x41; c <= 0x5a; c++) map[c] = c + 0x20
  // Arabic block: identity unless listed below (no letter there has a case).
  for (let c = 0x0600; c <= 0x06ff; c++) map[c] = c
  map[0x0130] = 0x69 // İ lower-cases to i + U+0307; search wants plain i
  if (o.whitespace) for (const c of WHITESPACE) map[c] = SPACE
  else for (const c of WHITESPACE) map[c] = c
  for (const [a, b] of REMOVED_RANGES) for (let c = a; c <= b; c++) map[c] = REMOVE
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) map[c] = ALEF
  map[0x0649] = YEH // alef maqsura
  map[0x06cc] = YEH // Farsi yeh
  if (o.taaMarbuta) map[0x0629] = 0x0647
  if (o.hamzaCarriers) {
    map[0x0624] = 0x0648
    map[0x0626] = YEH
  }
  for (let d = 0; d < 10; d++) {
    map[0x0660 + d] = 0x30 + d
    map[0x06f0 + d] = 0x30 + d
  }
  for (let c = 0xd800; c <= 0xdfff; c++) map[c] = SPECIAL
  const expansions = new Map<number, string>()
  for (const [a, b] of PRESENTATION_RANGES) {
    for (let c = a; c <= b; c++) addPresentationForm(map, expansions, c)
  }
  return { options: o, map, expansions }
}

/**
 * A presentation form folds as its NFKC decomposition folded again. Forms
 * that decompose to marks only (isolated harakat U+FE70–FE7F, shadda
 * ligatures U+FC5E–FC63, which NFKC writes as a space plus marks) disappear
 * like the marks themselves instead of leaving a space behind.
 */
function addPresentationForm(map: Int32Array, expansions: Map<number, string>, c: number): void {
  const nfkc = String.fromCharCode(c).normalize('NFKC')
  if (nfkc.length === 1 && nfkc.charCodeAt(0) === c) {
    map[c] = c // unassigned or a symbol NFKC keeps (ornate parentheses…)
    return
  }
  let folded = ''
  let hasBase = false
  for (let i = 0; i < nfkc.length; i++) {
    const u = nfkc.charCodeAt(i)
    let m = map[u]!
    if (m === LAZY) m = resolveLazy(map, u)
    if (m === REMOVE) continue
    if (m === SPACE || u === 0x20) {
      folded += ' '
      continue
    }
    folded += String.fromCharCode(m)
    hasBase = true
  }
  if (!hasBase) map[c] = REMOVE
  else if (folded.length === 1) map[c] = folded.charCodeAt(0)
  else {
    map[c] = SPECIAL
    expansions.set(c, folded)
  }
}

/**
 * Fills a lazy entry with the character's lower-case form when that is one
 * UTF-16 unit (every BMP character but U+0130, which the table maps itself),
 * and returns it.
 */
export function resolveLazy(map: Int32Array, c: number): number {
  const lower = String.fromCharCode(c).toLowerCase()
  const m = lower.length === 1 ? lower.charCodeAt(0) : c
  map[c] = m
  return m
}
