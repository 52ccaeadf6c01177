import { describe, expect, it } from 'vitest'
import { MAX_WEB_ADDRESS_LENGTH } from '../../../../../common/contract/limits'
import {
  checkWebAddress,
  meantAsWebAddress,
  webAddressIn,
} from '../../../../../renderer/src/features/import/web-address'

describe('what a typed, pasted or dropped text counts as a web address', () => {
  it('takes one http(s) address, trimmed and normalised', () => {
    expect(webAddressIn('  https://example.org/a?b=1#c \n')).toBe('https://example.org/a?b=1#c')
    expect(webAddressIn('HTTP://Example.org')).toBe('http://example.org/')
    expect(webAddressIn('<https://example.org/mail-link>')).toBe('https://example.org/mail-link')
    expect(webAddressIn('https://ar.wikipedia.org/wiki/الأندلس')).toBe(
      'https://ar.wikipedia.org/wiki/%D8%A7%D9%84%D8%A3%D9%86%D8%AF%D9%84%D8%B3',
    )
  })

  it("reads a text/uri-list's one address past its comment lines", () => {
    expect(webAddressIn('# dragged from a browser\r\nhttp://127.0.0.1:8080/page\r\n')).toBe(
      'http://127.0.0.1:8080/page',
    )
  })

  it('refuses other schemes, sentences, several addresses and nothing', () => {
    for (const text of [
      '',
      '   ',
      'ftp://example.org/file',
      'javascript:alert(1)',
      'mailto:someone@example.org',
      'file:///etc/passwd',
      'example.org',
      'see https://example.org for more',
      'https://a.example/\nhttps://b.example/',
      'https://',
      'https://exa mple.org/',
    ])
      expect(webAddressIn(text), JSON.stringify(text)).toBeNull()
  })

  it('says what is wrong, so the dialog can answer in place', () => {
    expect(checkWebAddress('  ')).toEqual({ problem: 'empty' })
    expect(checkWebAddress('ftp://example.org/')).toEqual({ problem: 'not-web' })
    expect(checkWebAddress('see https://example.org')).toEqual({ problem: 'not-web' })
    for (const text of [
      'http://',
      'http://127.0.0.1:99999/',
      'http:// space.invalid/x',
      'https://exa mple.org/',
    ])
      expect(checkWebAddress(text), text).toEqual({ problem: 'malformed' })
    expect(checkWebAddress('https://user:secret@example.org/')).toEqual({ problem: 'credentials' })
    expect(checkWebAddress('https://user@example.org/')).toEqual({ problem: 'credentials' })
  })

  it('refuses an address longer than main takes instead of cutting it (a cut one is another page)', () => {
    const base = 'http://127.0.0.1:8765/query?q='
    const fits = base + 'b'.repeat(MAX_WEB_ADDRESS_LENGTH - base.length)
    expect(checkWebAddress(fits)).toEqual({ address: fits })
    const long = `${fits}&end=1`
    expect(checkWebAddress(long)).toEqual({ problem: 'too-long' })
    expect(webAddressIn(long)).toBeNull()
    // Still meant as an address: a paste of it opens the dialog with the reason rather than doing nothing.
    expect(meantAsWebAddress(long)).toBe(true)
    expect(meantAsWebAddress('see https://example.org for more')).toBe(false)
  })
})
