/** Text direction of an article or a block. */
export type Direction = 'rtl' | 'ltr'

const ARABIC_LETTER = /[\p{Script=Arabic}]/u
const HEBREW_LETTER = /[\p{Script=Hebrew}]/u
const LETTER = /\p{L}/u

/** Languages whose script is written right to left, by primary subtag. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'ku',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
])

/** Direction implied by a BCP 47 language tag (`ar-EG` → rtl). */
export function directionOfLanguage(lang: string): Direction {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? ''
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr'
}

export interface LanguageGuess {
  lang: string
  dir: Direction
  /** Share of letters that are Arabic script, 0..1. */
  arabicShare: number
}

/**
 * Guesses language and direction from the letters themselves, for files that
 * do not say (plain text, Markdown, HTML without lang/dir). Looks at up to
 * the first 20,000 letters: enough to decide, cheap on a whole book. An
 * article that is mostly Arabic script with Latin names in it is Arabic.
 */
export function guessLanguage(text: string): LanguageGuess {
  let letters = 0
  let arabic = 0
  let hebrew = 0
  for (const ch of text) {
    if (!LETTER.test(ch)) continue
    letters++
    if (ARABIC_LETTER.test(ch)) arabic++
    else if (HEBREW_LETTER.test(ch)) hebrew++
    if (letters >= 20000) break
  }
  const arabicShare = letters === 0 ? 0 : arabic / letters
  if (letters > 0 && arabic >= hebrew && arabicShare >= 0.3) return { lang: 'ar', dir: 'rtl', arabicShare }
  if (letters > 0 && hebrew / letters >= 0.3) return { lang: 'he', dir: 'rtl', arabicShare }
  return { lang: 'und', dir: 'ltr', arabicShare }
}

/**
 * Language and direction for an article: what the file declared wins, then
 * the letters decide.
 */
export function resolveLanguage(
  text: string,
  declared: { lang?: string | null; dir?: string | null },
): { lang: string; dir: Direction } {
  const guess = guessLanguage(text)
  const lang =
    declared.lang && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(declared.lang) ? declared.lang : guess.lang
  const declaredDir = declared.dir?.toLowerCase()
  const dir: Direction =
    declaredDir === 'rtl' || declaredDir === 'ltr'
      ? declaredDir
      : declared.lang && lang === declared.lang
        ? directionOfLanguage(lang)
        : guess.dir
  return { lang, dir }
}
