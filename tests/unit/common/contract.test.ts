import { describe, expect, it } from 'vitest'
import { channelOf } from '../../../common/contract/channels'
import { API_METHODS, isApiMethod } from '../../../common/contract/methods'
import { apiArgSchemas } from '../../../common/contract/schemas'
import { HamishError } from '../../../common/errors'
import { validateCall } from '../../../common/contract/dispatch'
import {
  MAX_DISPLAY_NAME_LENGTH,
  MAX_MATCHES_PER_ARTICLE,
  MAX_NOTE_LENGTH,
  MAX_SEARCH_QUERY_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  SETTINGS_LIMITS,
} from '../../../common/contract/limits'
import { decodeWire, encodeWire } from '../../../common/contract/wire'

describe('the API contract', () => {
  it('has one schema and one derived channel per method', () => {
    expect(API_METHODS.length).toBeGreaterThan(10)
    expect(new Set(API_METHODS.map(channelOf)).size).toBe(API_METHODS.length)
    for (const m of API_METHODS) expect(apiArgSchemas[m]).toBeDefined()
  })

  it('knows its own methods and nothing inherited', () => {
    expect(isApiMethod('listArticles')).toBe(true)
    expect(isApiMethod('toString')).toBe(false)
    expect(isApiMethod('__proto__')).toBe(false)
    expect(isApiMethod('send')).toBe(false)
  })

  it('accepts good arguments and normalises them', () => {
    expect(validateCall('renameArticle', ['0123abcd', '  عنوان جديد  '])).toEqual(['0123abcd', 'عنوان جديد'])
    expect(validateCall('setArticleTags', ['0123abcd', [' a ', 'b'], ['a']])).toEqual([
      '0123abcd',
      ['a', 'b'],
      ['a'],
    ])
  })

  it.each([
    ['getArticle', [], /getArticle/],
    ['getArticle', ['../../etc/passwd'], /not an article id/],
    ['getArticle', [{ id: 'x' }], /getArticle/],
    ['renameArticle', ['abc', '   '], /title is empty/],
    ['renameArticle', ['abc', 'x'.repeat(201)], /longer than 200/],
    ['updateSettings', [{ fontSize: 1000 }], /fontSize/],
    ['updateSettings', [{ theme: 'neon' }], /theme/],
    ['updateSettings', [{ evil: true }], /evil|updateSettings/],
    ['importFile', [{ name: 'a.txt', bytes: 'not bytes' }], /bytes/],
    ['setReadingPosition', ['abc', -1], /setReadingPosition/],
    ['listArticles', ['extra'], /listArticles/],
    // Edits carry the version they were made on (issue 10, item 15).
    ['updateAnnotation', ['abc', 'a1', { color: 'blue' }], /updateAnnotation/],
    ['setArticleTags', ['abc', ['a']], /setArticleTags/],
    [
      'addAnnotation',
      [{ articleId: 'abc', start: 0, end: 1, quote: 'x', color: 'blue', requestId: '../x' }],
      /request id/,
    ],
  ] as const)('refuses %s(%j) with a clear message', (method, args, message) => {
    let caught: unknown
    try {
      validateCall(method, args)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(HamishError)
    expect((caught as HamishError).code).toBe('invalid-argument')
    expect((caught as HamishError).message).toMatch(message)
  })
})

describe('the schemas apply the limits of limits.ts', () => {
  const id = '0123abcd'
  const accepts = (method: Parameters<typeof validateCall>[0], args: unknown[]): boolean => {
    try {
      validateCall(method, args)
      return true
    } catch {
      return false
    }
  }

  it.each([
    ['display name', MAX_DISPLAY_NAME_LENGTH, (s: string) => accepts('setDisplayName', [s])],
    ['title', MAX_TITLE_LENGTH, (s: string) => accepts('renameArticle', [id, s])],
    ['tag', MAX_TAG_LENGTH, (s: string) => accepts('setArticleTags', [id, [s], []])],
    [
      'note',
      MAX_NOTE_LENGTH,
      (s: string) => accepts('updateAnnotation', [id, 'a1', { note: s }, '2026-01-01']),
    ],
    ['search', MAX_SEARCH_QUERY_LENGTH, (s: string) => accepts('searchLibrary', [s])],
  ] as const)('a %s of the limit passes, one character more is refused', (_what, limit, check) => {
    expect(check('ه'.repeat(limit))).toBe(true)
    expect(check('ه'.repeat(limit + 1))).toBe(false)
  })

  it('counts tags, matches and settings by the same limits', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`)
    expect(accepts('setArticleTags', [id, tags(MAX_TAGS), []])).toBe(true)
    expect(accepts('setArticleTags', [id, tags(MAX_TAGS + 1), []])).toBe(false)
    expect(accepts('searchLibrary', ['x', { limitPerArticle: MAX_MATCHES_PER_ARTICLE }])).toBe(true)
    expect(accepts('searchLibrary', ['x', { limitPerArticle: MAX_MATCHES_PER_ARTICLE + 1 }])).toBe(false)
    expect(accepts('searchLibrary', ['x', { offset: 50, articleId: id }])).toBe(true)
    expect(accepts('searchLibrary', ['x', { offset: -1 }])).toBe(false)
    expect(accepts('searchLibrary', ['x', { offset: 1.5 }])).toBe(false)
    expect(accepts('searchLibrary', ['x', { articleId: '../library' }])).toBe(false)
    // A page of articles: the search page's first request, and the next page.
    expect(accepts('searchLibrary', ['x', { limitPerArticle: 3, articleLimit: 20 }])).toBe(true)
    expect(accepts('searchLibrary', ['x', { articleOffset: 20, articleLimit: 20 }])).toBe(true)
    expect(accepts('searchLibrary', ['x', { articleLimit: 0 }])).toBe(false)
    expect(accepts('searchLibrary', ['x', { articleOffset: -1 }])).toBe(false)
    expect(accepts('searchLibrary', ['x', { articleOffset: 2.5 }])).toBe(false)
    for (const [key, { min, max }] of Object.entries(SETTINGS_LIMITS)) {
      expect(accepts('updateSettings', [{ [key]: min }]), key).toBe(true)
      expect(accepts('updateSettings', [{ [key]: max }]), key).toBe(true)
      expect(accepts('updateSettings', [{ [key]: max + 1 }]), key).toBe(false)
      expect(accepts('updateSettings', [{ [key]: min - 0.1 }]), key).toBe(false)
    }
  })
})

describe('the wire codec', () => {
  it('round-trips bytes of every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255)
      const back = decodeWire(encodeWire([{ name: 'f', bytes }])) as [{ bytes: Uint8Array }]
      expect(back[0].bytes).toEqual(bytes)
    }
  })

  it('refuses prototype-polluting keys and broken bytes', () => {
    expect(() => decodeWire('{"__proto__": {"polluted": true}}')).toThrow(/__proto__/)
    expect(() => decodeWire('[{"constructor": {"prototype": {}}}]')).toThrow()
    expect(() => decodeWire('[{"$bytes": "@@@@"}]')).toThrow(/base64/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
