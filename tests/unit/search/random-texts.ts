import { seededRandom } from '../../../bench/anchoring-samples'

/**
 * Pieces of Arabic and other text that exercise folding: letters and their
 * variants, marks, tatweel, expanding presentation forms (ﷺ), astral
 * characters, Latin with case, punctuation, whitespace runs and invisibles.
 * Words are repeated often so that queries hit several times.
 */
const PIECES = [
  ...'ابتكلمنهوي',
  ...'أإآٱؤئءةى\u06cc',
  'كتب',
  'الكتاب',
  'مكتبة',
  'الله',
  '\u064e',
  '\u064f',
  '\u0650',
  '\u0651',
  '\u0652',
  '\u0670',
  '\u0640',
  '\ufdfa',
  '\ufefb',
  '\ufe8d',
  '𝔸',
  '😀',
  ...'AbCzİ',
  '٣',
  '7',
  '،',
  '.',
  '؟',
  '«',
  '»',
  '"',
  '\\',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '\u200c',
  '\u00ad',
]

export function randomText(random: () => number, length: number): string {
  let s = ''
  for (let i = 0; i < length; i++) s += PIECES[Math.floor(random() * PIECES.length)]
  return s
}

/** Text with more distinct units than a one-byte code holds (so the index keeps it as it is). */
export function wideText(random: () => number, length: number): string {
  let s = randomText(random, length)
  for (let i = 0; i < 240; i++) s += String.fromCharCode(0x4e00 + i) + (i % 7 === 0 ? ' ' : '')
  return s
}

/** A few queries for a text: slices of it (some whole words) and short pieces. */
export function queriesFor(random: () => number, text: string, count: number): string[] {
  const out: string[] = []
  for (let k = 0; k < count; k++) {
    if (random() < 0.25) out.push(randomText(random, 1 + Math.floor(random() * 3)))
    else {
      const a = Math.floor(random() * text.length)
      out.push(text.slice(a, a + 1 + Math.floor(random() * 12)))
    }
  }
  return out
}

export { seededRandom }
