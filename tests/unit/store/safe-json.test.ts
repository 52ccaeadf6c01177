import { describe, expect, it } from 'vitest'
import { parseJsonBytes, parseJsonSafely } from '../../../main/store/safe-json'

describe('parseJsonSafely', () => {
  it('parses ordinary JSON, Arabic and escapes included', () => {
    expect(parseJsonSafely('{"title":"هامش","n":[1,2],"e":"\\u0041\\n"}')).toEqual({
      title: 'هامش',
      n: [1, 2],
      e: 'A\n',
    })
  })

  it.each([
    ['a top-level __proto__ key', '{"__proto__":{"polluted":true}}'],
    ['a nested __proto__ key', '{"a":[{"b":{"__proto__":{"polluted":true}}}]}'],
    ['an escaped __proto__ key', '{"\\u005f_proto__":{"polluted":true}}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}'],
    ['escaped constructor.prototype', '{"\\u0063onstructor":{"prototype":{"polluted":true}}}'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseJsonSafely(text)).toThrow(SyntaxError)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('accepts the words as values, and a harmless "constructor" key', () => {
    expect(parseJsonSafely('{"note":"__proto__","constructor":"a builder"}')).toEqual({
      note: '__proto__',
      constructor: 'a builder',
    })
  })

  it('throws on garbage and truncated JSON', () => {
    expect(() => parseJsonSafely('{"a":[1,2')).toThrow(SyntaxError)
    expect(() => parseJsonSafely('')).toThrow(SyntaxError)
  })
})

describe('parseJsonBytes', () => {
  it('skips a byte-order mark', () => {
    expect(parseJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({})
  })

  it('refuses invalid UTF-8 instead of replacing it', () => {
    expect(() => parseJsonBytes(new Uint8Array([0x22, 0xff, 0xfe, 0x22]))).toThrow()
  })
})
