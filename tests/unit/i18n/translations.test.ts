import { createInstance, type InitOptions, type i18n } from 'i18next'
import { describe, expect, it } from 'vitest'
import { ar } from '../../../common/i18n/ar'
import { en } from '../../../common/i18n/en'

type Table = { [key: string]: string | Table }

const AR_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const
const EN_FORMS = ['one', 'other'] as const
const PLURAL = /_(zero|one|two|few|many|other)$/

/** Every string of a table by its dotted key (`exportFormats.md.name`, `articles_few`). */
function flatten(table: Table, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

/** Keys by base (plural suffix stripped), each with its plural forms ('' for a plain string). */
function byBase(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const key of flat.keys()) {
    const form = PLURAL.exec(key)?.[1] ?? ''
    const base = form ? key.slice(0, -form.length - 1) : key
    if (!out.has(base)) out.set(base, new Set())
    out.get(base)!.add(form)
  }
  return out
}

/** `{{count, number}}` → name `count`, spec `count, number` (whitespace normalised). */
function placeholders(s: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const match of s.matchAll(/\{\{([^}]*)\}\}/g)) {
    const parts = (match[1] ?? '').split(',').map((p) => p.trim())
    out.set(parts[0] ?? '', parts.join(', '))
  }
  return out
}

const enFlat = flatten(en)
const arFlat = flatten(ar)
const enBases = byBase(enFlat)
const arBases = byBase(arFlat)
const pluralBases = [...enBases].filter(([, forms]) => !forms.has('')).map(([base]) => base)

/** The English string an Arabic key answers to: the same key, or for a plural form the `_other` form. */
function enFor(arKey: string): string | undefined {
  const form = PLURAL.exec(arKey)?.[1]
  if (!form) return enFlat.get(arKey)
  return enFlat.get(arKey.slice(0, -form.length - 1) + '_other')
}

/** Arabic values that may be written without any Arabic letter (names, punctuation, pure frames). */
const NO_ARABIC_LETTER_OK = new Set([
  'appTagline',
  'listSeparator',
  'sentenceEnd',
  'noDate',
  'highlightKey',
  'languageNames.en',
  'fontNames.amiri',
  'fontNames.noto-naskh-arabic',
  'exportFormats.md.name',
  'exportFormats.pdf.name',
  'messages.inFile',
  'paperNames.A4',
])
const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/u

/** What a translation carries over verbatim: key combinations, key names, file extensions, product names. */
const VERBATIM =
  /\b(?:(?:Ctrl|Shift|Alt)\+)+(?:Enter|Escape|Tab|[A-Z0-9,=-](?![A-Za-z]))|\b(?:Enter|Escape|Tab|Markdown|HTML|EPUB|PDF|JSON|Hypothesis|Obsidian|Pandoc|GitHub|Electron|Amiri|Noto Naskh Arabic)\b|\B\.[a-z]+(?:\.[a-z]+)*\b|\b[A-Z]\b/g
const verbatim = (s: string): string[] => [...s.matchAll(VERBATIM)].map((m) => m[0]).sort()

const COUNTS = [0, 1, 2, 3, 11, 100]

function makeI18n(resources: { ar: Table; en: Table }, extra: InitOptions = {}): i18n {
  const instance = createInstance()
  void instance.init({
    lng: 'ar',
    resources: { ar: { translation: resources.ar }, en: { translation: resources.en } },
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    ...extra,
  })
  expect(instance.isInitialized).toBe(true)
  return instance
}

/** An Arabic instance that reports every key it cannot find. */
function watched(table: Table): { i18n: i18n; missing: string[] } {
  const missing: string[] = []
  const instance = makeI18n(
    { ar: table, en },
    {
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key) => {
        missing.push(key)
      },
    },
  )
  return { i18n: instance, missing }
}

/**
 * Looks up every key of the English table in `instance`, each plural at a
 * count of every Arabic form, and lists the plurals that did not come from
 * the form Intl.PluralRules('ar') picks (i18next quietly uses `_other` when a
 * form is missing, so the missing-key handler alone would not notice).
 */
function lookUpEveryKey(instance: i18n): string[] {
  const rules = new Intl.PluralRules('ar')
  const wrongForms: string[] = []
  for (const [base, forms] of enBases) {
    if (forms.has('')) {
      instance.t(base)
      continue
    }
    for (const count of COUNTS) {
      const used = instance.t(base, { count, returnDetails: true }).exactUsedKey
      const want = `${base}_${rules.select(count)}`
      if (used !== want) wrongForms.push(`${base} (${count}): ${used}`)
    }
  }
  return wrongForms
}

/** The `number` formatter with Arabic-Indic digits, as Arabic Hamish means to show them. */
function withArabicDigits(instance: i18n): i18n {
  instance.services.formatter!.add('number', (value, lng, options) =>
    new Intl.NumberFormat(lng, { ...options, numberingSystem: lng === 'ar' ? 'arab' : undefined }).format(
      value,
    ),
  )
  return instance
}

describe('the Arabic table', () => {
  it('has every English key and no other (plural forms counted by their base)', () => {
    expect([...arBases.keys()].sort()).toEqual([...enBases.keys()].sort())
  })

  it('has the six Arabic plural forms wherever English has one/other, and plain strings elsewhere', () => {
    expect(pluralBases.length).toBeGreaterThan(0)
    for (const [base, forms] of enBases) {
      const arForms = [...(arBases.get(base) ?? [])].sort()
      if (forms.has('')) {
        expect(forms.size, base).toBe(1)
        expect(arForms, base).toEqual([''])
      } else {
        expect([...forms].sort(), base).toEqual([...EN_FORMS].sort())
        expect(arForms, base).toEqual([...AR_FORMS].sort())
      }
    }
  })

  it('uses the same {{placeholders}}, format included, as English', () => {
    for (const [key, value] of arFlat) {
      const english = enFor(key)
      expect(english, key).toBeDefined()
      const want = placeholders(english!)
      const got = placeholders(value)
      const form = PLURAL.exec(key)?.[1]
      if (form === 'zero' || form === 'one' || form === 'two') {
        // These forms may spell the number out, but may not invent a value.
        for (const [name, spec] of got) expect(want.get(name), `${key}: {{${spec}}}`).toBe(spec)
      } else {
        expect(Object.fromEntries(got), key).toEqual(Object.fromEntries(want))
      }
    }
  })

  it('is written in Arabic, bar a few names and marks', () => {
    for (const key of NO_ARABIC_LETTER_OK) expect(arFlat.has(key), key).toBe(true)
    for (const [key, value] of arFlat) {
      if (NO_ARABIC_LETTER_OK.has(key)) continue
      expect(value, key).toMatch(ARABIC_LETTER)
    }
    expect(ar.appName).toBe('هامش')
    expect(ar.languageNames).toMatchObject({ en: 'English', ar: 'العربية' })
    expect(ar.fontSample).toBe(en.fontSample)
  })

  it('keeps the shortcuts, key names, file extensions and product names of the English', () => {
    expect(verbatim(en.settingsShortcut)).toEqual(['Ctrl+,'])
    expect(verbatim(en.libraryEmptyHint)).toEqual([
      '.docx',
      '.epub',
      '.html',
      '.md',
      '.pdf',
      '.txt',
      'Ctrl+O',
    ])
    for (const [key, value] of arFlat) expect(verbatim(value), key).toEqual(verbatim(enFor(key)!))
  })

  it('quotes with «», never with " or “”, and has no menu mnemonics', () => {
    for (const [key, value] of arFlat) expect(value, key).not.toMatch(/["“”]/)
    for (const [key, value] of Object.entries(ar.menu)) expect(value, `menu.${key}`).not.toContain('&')
    const quoted = [...enFlat].filter(([, v]) => v.includes('“')).map(([k]) => k)
    expect(quoted.length).toBeGreaterThan(0)
    for (const key of quoted) expect(arFlat.get(key), key).toMatch(/«[^»]+»/)
  })
})

describe('the Arabic table in i18next', () => {
  it('picks the six plural forms of Intl.PluralRules("ar")', () => {
    const t = makeI18n({ ar, en }).t
    const n = new Intl.NumberFormat('ar').format
    const forms = COUNTS.map((count) => t('articles', { count }))
    expect(forms).toEqual([
      'لا مقالات',
      'مقالة واحدة',
      'مقالتان',
      `${n(3)} مقالات`,
      `${n(11)} مقالة`,
      `${n(100)} مقالة`,
    ])
    expect(new Set(forms).size).toBe(6)
    expect(t('articles', { count: 102 })).toBe(`${n(102)} مقالة`)
    expect(t('highlights', { count: 11 })).toBe(`${n(11)} تمييزًا`)
  })

  it('puts counts through the number formatter, in Arabic-Indic digits', () => {
    const t = withArabicDigits(makeI18n({ ar, en })).t
    expect(t('articles', { count: 3 })).toBe('٣ مقالات')
    expect(t('articles', { count: 11 })).toBe('١١ مقالة')
    expect(t('articles', { count: 1234 })).toBe('١٬٢٣٤ مقالة')
    expect(t('findCount', { n: 3, total: 12 })).toBe('٣ من ١٢')
    expect(
      t('searchSummary', {
        matches: t('searchMatches', { count: 2 }),
        articles: t('articles', { count: 3 }),
      }),
    ).toBe('٣ مقالات فيها نتيجتان')
  })

  it('fills in every placeholder of every message', () => {
    const t = withArabicDigits(makeI18n({ ar, en })).t
    for (const [key, value] of arFlat) {
      const values: Record<string, string | number> = {}
      for (const [name, spec] of placeholders(enFor(key)!))
        values[name] = spec.includes('number') ? 7 : `<${name}>`
      const form = PLURAL.exec(key)?.[1]
      const base = form ? key.slice(0, -form.length - 1) : key
      if (form) values.count = { zero: 0, one: 1, two: 2, few: 7, many: 11, other: 100 }[form]!
      const out = t(base, values)
      expect(out, key).not.toContain('{{')
      for (const [name] of placeholders(value)) {
        const shown =
          typeof values[name] === 'number'
            ? new Intl.NumberFormat('ar-u-nu-arab').format(values[name])
            : values[name]
        expect(out, `${key}: ${name}`).toContain(shown)
      }
    }
  })

  it('finds every English key in Arabic, and would notice one that is missing', () => {
    const complete = watched(ar)
    expect(lookUpEveryKey(complete.i18n)).toEqual([])
    expect(complete.missing).toEqual([])

    // A plain string, and a nested table, gone: the missing-key handler fires.
    const withoutSome = structuredClone(ar) as Table
    delete withoutSome.navLibrary
    delete (withoutSome.exportFormats as Table).pdf
    const noSome = watched(withoutSome)
    expect(lookUpEveryKey(noSome.i18n)).toEqual([])
    expect(noSome.missing).toEqual(['navLibrary', 'exportFormats.pdf.name', 'exportFormats.pdf.hint'])

    // Every form of a plural gone: the handler fires for each form.
    const withoutArticles = structuredClone(ar) as Table
    for (const form of AR_FORMS) delete withoutArticles[`articles_${form}`]
    const noArticles = watched(withoutArticles)
    lookUpEveryKey(noArticles.i18n)
    expect(noArticles.missing).toEqual(expect.arrayContaining(AR_FORMS.map((form) => `articles_${form}`)))

    // One form gone: i18next shows `_other` ('٣ مقالة') without a word, which the form check catches.
    const withoutFew = structuredClone(ar) as Table
    delete withoutFew.articles_few
    const noFew = watched(withoutFew)
    expect(lookUpEveryKey(noFew.i18n)).toEqual(['articles (3): articles_other'])
    expect(noFew.missing).toEqual([])
  })
})
