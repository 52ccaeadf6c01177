import { describe, expect, it } from 'vitest'
import { webAddressIn } from '../../../../../renderer/src/features/import/web-address'

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
})
