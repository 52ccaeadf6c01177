import { describe, expect, it } from 'vitest'
import { tooLargeMessage } from '../../../../common/contract/too-large-text'
import { ar } from '../../../../common/i18n/ar'
import { createTranslator } from '../../../../common/i18n/translator'
import { formattingLocale, resolveUiLanguage, uiDirection } from '../../../../common/i18n/ui-language'
import { isolateFileName, makeStrings } from '../../../../renderer/src/ui/strings'

/** Arguments for the messages whose first argument is not any string or number. */
const SPECIAL_ARGS: Record<string, unknown[]> = {
  highlightIn: ['green', 2],
  recolorTo: ['blue'],
  notesFilterColorLabel: ['pink'],
  reportConflictKept: ['incoming'],
  helpShortcut: ['help'],
  reportColour: ['green'],
  reportTags: [['تاريخ', 'سياسة']],
  importRedirects: [['http://a.example/', 'https://b.example/']],
  importDone: [1, 2, { files: 3, pages: 1 }, { files: 1, pages: 2 }],
}

/** Every message of the facade, functions called with sample values, as [path, text]. */
function everyMessage(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (typeof value === 'function') {
    const name = path.split('.').pop()!
    return [[path, String((value as (...a: unknown[]) => unknown)(...(SPECIAL_ARGS[name] ?? [3, 7, true])))]]
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => everyMessage(v, `${path}[${i}]`))
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => everyMessage(v, path ? `${path}.${k}` : k))
  return []
}

describe('the strings facade over i18next', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`fills every message in ${lang}, with no key left unknown and no placeholder left open`, () => {
      const missing: string[] = []
      const messages = everyMessage(makeStrings(createTranslator(lang, lang, (key) => missing.push(key))))
      expect(messages.length).toBeGreaterThan(280)
      expect(missing).toEqual([])
      for (const [path, text] of messages) {
        expect(text, path).not.toMatch(/\{\{|\}\}/)
        if (path !== 'noTags') expect(text.trim(), path).not.toBe('')
      }
    })
  }

  it('shows the missing-key check would catch a key that is in no table', () => {
    const missing: string[] = []
    const t = createTranslator('ar', 'ar', (key) => missing.push(key))
    t('noSuchMessage' as never)
    expect(missing).toEqual(['noSuchMessage'])
  })

  it('writes counts in the formatting locale: Arabic-Indic digits for ar-EG, Latin for ar-MA and en', () => {
    expect(makeStrings(createTranslator('ar', 'ar-EG')).articleCount(12, 12)).toBe('١٢ مقالة')
    expect(makeStrings(createTranslator('ar', 'ar-EG')).articleCount(2, 2)).toBe(ar.articles_two)
    expect(makeStrings(createTranslator('ar', 'ar-MA')).articleCount(12, 12)).toBe('12 مقالة')
    expect(makeStrings(createTranslator('en')).articleCount(1, 1)).toBe('1 article')
    expect(makeStrings(createTranslator('en')).articleCount(3, 12)).toBe('3 of 12 articles')
  })

  it('counts the articles already in the library with the six Arabic plural forms', () => {
    const none = { files: 0, pages: 0 }
    const done = (lang: 'ar' | 'en', locale: string, duplicates: number): string =>
      makeStrings(createTranslator(lang, locale)).importDone(0, duplicates, none, none)
    // Seen in the review: «لم تُضف أي مقالة، 1 موجودة في المكتبة مسبقًا.»
    expect(done('ar', 'ar', 1)).toBe('لم تُضف أي مقالة، مقالة واحدة موجودة في المكتبة مسبقًا.')
    expect(done('ar', 'ar', 2)).toBe('لم تُضف أي مقالة، مقالتان موجودتان في المكتبة مسبقًا.')
    expect(done('ar', 'ar-EG', 3)).toBe('لم تُضف أي مقالة، ٣ مقالات موجودة في المكتبة مسبقًا.')
    expect(done('ar', 'ar', 11)).toBe('لم تُضف أي مقالة، 11 مقالة موجودة في المكتبة مسبقًا.')
    expect(done('ar', 'ar', 100)).toBe('لم تُضف أي مقالة، 100 مقالة موجودة في المكتبة مسبقًا.')
    expect(done('en', 'en', 1)).toBe('0 articles added, 1 already in the library.')
    expect(done('en', 'en', 4)).toBe('0 articles added, 4 already in the library.')
  })

  it('words a refused large file exactly as main does', () => {
    const bytes = 51.25 * 1024 * 1024
    expect(makeStrings(createTranslator('en')).importTooLarge('book.txt', bytes)).toBe(
      tooLargeMessage('\u2068book.txt\u2069', bytes),
    )
    expect(makeStrings(createTranslator('ar', 'ar-EG')).importTooLarge('book.txt', bytes)).toContain('٥١٫٣')
  })

  it('isolates a file name as one left-to-right unit, its stem isolated inside, so the extension stays at its right end in either sentence', () => {
    // Seen in Chromium: an Arabic sentence listing "big-book.txt" showed "txt.big-book" when only the
    // stem was isolated. The outer isolate's first strong character is the extension's (the inner
    // isolate is skipped), so the name is laid out left to right in an Arabic sentence too.
    expect(isolateFileName('big-book.txt')).toBe('\u2068\u2068big-book\u2069.txt\u2069')
    expect(isolateFileName('ملاحظات اليوم.hamish.json')).toBe(
      '\u2068\u2068ملاحظات اليوم\u2069.hamish.json\u2069',
    )
    expect(isolateFileName('README')).toBe('\u2068README\u2069')
    const s = makeStrings(createTranslator('ar'))
    expect(s.unfinishedImports(['big-book.txt', 'مقالة.txt'])).toContain(
      '\u2068\u2068big-book\u2069.txt\u2069، \u2068\u2068مقالة\u2069.txt\u2069',
    )
  })

  it('isolates titles from articles inside sentences of the other direction', () => {
    const s = makeStrings(createTranslator('ar'))
    expect(s.openLabel('Margins')).toContain('\u2068Margins\u2069')
  })
})

describe('choosing the interface language', () => {
  it('follows the first OS language Hamish speaks, by primary subtag', () => {
    expect(resolveUiLanguage('system', ['ar-EG', 'en-US'])).toBe('ar')
    expect(resolveUiLanguage('system', ['fr-FR', 'ar_MA', 'en'])).toBe('ar')
    expect(resolveUiLanguage('system', ['fr-FR', 'de'])).toBe('en')
    expect(resolveUiLanguage(undefined, ['ar'])).toBe('ar')
    expect(resolveUiLanguage('system', [])).toBe('en')
  })

  it('lets an explicit choice win over the OS', () => {
    expect(resolveUiLanguage('en', ['ar-SA'])).toBe('en')
    expect(resolveUiLanguage('ar', ['en-GB'])).toBe('ar')
  })

  it('formats in the OS variant of the chosen language, else the bare language', () => {
    expect(formattingLocale('ar', ['en-GB', 'ar-EG'])).toBe('ar-EG')
    expect(formattingLocale('ar', ['en-GB'])).toBe('ar')
    expect(formattingLocale('en', ['ar-EG', 'en_GB'])).toBe('en-GB')
    expect(formattingLocale('en', ['en-!!'])).toBe('en')
  })

  it('mirrors the interface in Arabic only', () => {
    expect(uiDirection('ar')).toBe('rtl')
    expect(uiDirection('en')).toBe('ltr')
  })
})
