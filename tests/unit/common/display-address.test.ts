import { domainToASCII, domainToUnicode } from 'node:url'
import { describe, expect, it } from 'vitest'
import { displayAddress, displayHost } from '../../../common/display-address'
import { decodePunycode } from '../../../common/punycode'

describe('decodePunycode (RFC 3492)', () => {
  it('decodes the RFC’s own samples', () => {
    // RFC 3492 §7.1 (A) Arabic (Egyptian), (B) Chinese (simplified), (L) 3年B組金八先生.
    expect(decodePunycode('egbpdaj6bu4bxfgehfvwxn')).toBe('ليهمابتكلموشعربي؟')
    expect(decodePunycode('ihqwcrb4cv8a8dqg056pqjye')).toBe('他们为什么不说中文')
    expect(decodePunycode('3B-ww4c5e180e575a65lsy2b')).toBe('3年B組金八先生')
  })

  it('agrees with Node’s IDNA on real host names, Arabic first', () => {
    const names = [
      'مثال',
      'مصر',
      'امارات',
      'السعودية',
      'موقع-عربي',
      'bücher',
      '中国',
      'παράδειγμα',
      'пример',
      'ایران',
    ]
    for (const name of names) {
      const ascii = domainToASCII(`${name}.example`).split('.')[0]!
      expect(ascii.startsWith('xn--')).toBe(true)
      expect(decodePunycode(ascii.slice(4))).toBe(domainToUnicode(`${ascii}.example`).split('.')[0])
    }
  })

  it('answers null for what is not Punycode', () => {
    expect(decodePunycode('ab$c')).toBeNull()
    expect(decodePunycode('é-abc')).toBeNull()
    expect(decodePunycode('99999999999')).toBeNull()
  })
})

describe('displayAddress', () => {
  it('shows an Arabic host and path as people write them', () => {
    expect(displayAddress('https://xn--mgbh0fb.invalid/')).toBe('https://مثال.invalid/')
    expect(displayHost('xn--mgbh0fb.invalid')).toBe('مثال.invalid')
    expect(
      displayAddress(
        'https://ar.wikipedia.org/wiki/%D8%A7%D9%84%D9%82%D8%A7%D9%87%D8%B1%D8%A9?q=%D9%85#%D8%AA',
      ),
    ).toBe('https://ar.wikipedia.org/wiki/القاهرة?q=م#ت')
    expect(displayAddress('http://xn--wgbh1c.xn--mgbaam7a8h:8080/a')).toBe('http://مصر.امارات:8080/a')
  })

  it('keeps escaped spaces, reserved characters, invisible ones and bytes that are not UTF-8', () => {
    expect(displayAddress('https://x.org/a%20b%2Fc%3F%23%26%3D%25%D9%85')).toBe(
      'https://x.org/a%20b%2Fc%3F%23%26%3D%25م',
    )
    // A right-to-left override and a no-break space stay escaped: they would hide what the address says.
    expect(displayAddress('https://x.org/%E2%80%AEfdp.exe%C2%A0')).toBe(
      'https://x.org/%E2%80%AEfdp.exe%C2%A0',
    )
    expect(displayAddress('https://x.org/%FF%D8/%D9')).toBe('https://x.org/%FF%D8/%D9')
    // An overlong "/" is not UTF-8 either.
    expect(displayAddress('https://x.org/%C0%AF')).toBe('https://x.org/%C0%AF')
  })

  it('keeps Punycode for a label mixing scripts or made of Latin look-alikes (homographs)', () => {
    const mixed = domainToASCII('аpple.com') // Cyrillic а, Latin pple
    expect(mixed).toMatch(/^xn--/)
    expect(displayAddress(`https://${mixed}/`)).toBe(`https://${mixed}/`)
    const lookalike = domainToASCII('аррӏе.com') // all Cyrillic, reads as "apple"
    expect(displayAddress(`https://${lookalike}/`)).toBe(`https://${lookalike}/`)
    const arabicLatin = domainToASCII('مثالexample.com')
    expect(displayAddress(`https://${arabicLatin}/`)).toBe(`https://${arabicLatin}/`)
    // One bad label keeps its Punycode; the others are still shown decoded.
    expect(displayHost(`${mixed.split('.')[0]}.xn--mgbh0fb`)).toBe(`${mixed.split('.')[0]}.مثال`)
  })

  it('keeps Punycode for an all-Greek or all-Armenian label of Latin look-alikes, and shows real words decoded', () => {
    // Each reads as a Latin name in a browser's font: "token", "optiov", "vai", "goog", "hoc".
    for (const spoof of ['τοκεν', 'ορτιον', 'ναι', 'ακκα-2', 'ցօօց', 'հօս']) {
      const host = domainToASCII(`${spoof}.com`)
      expect(host).toMatch(/^xn--/)
      expect(displayAddress(`https://${host}/a`)).toBe(`https://${host}/a`)
    }
    // Greek, Armenian and Cyrillic words with letters of their own are names people can read.
    for (const word of ['παράδειγμα', 'ελλάδα', 'հայաստան', 'пример', 'мир']) {
      const host = domainToASCII(`${word}.com`)
      expect(displayAddress(`https://${host}/a`)).toBe(`https://${word}.com/a`)
    }
  })

  it('keeps Punycode for a label holding a capital, which IDNA never makes, or Cherokee letters', () => {
    // Hosts are mapped to small letters, so capitals can only come from a label encoded by hand.
    for (const [label, decoded] of [
      ['xn--twajkfy', 'ΤΟΚΕΝ'],
      ['xn--c0ak6aa', 'АРРЕ'],
      ['xn--pwabj4d', 'ΒΕΤΑ'],
    ] as const) {
      expect(decodePunycode(label.slice(4))).toBe(decoded)
      expect(displayHost(`${label}.com`)).toBe(`${label}.com`)
    }
    // Cherokee, small letters included, is drawn like Latin capitals (ᎠᎢᎩ reads "DTY"); IDNA keeps it as capitals.
    const cherokee = domainToASCII('ꭰꭲꭹ.com')
    expect(domainToUnicode(cherokee)).toBe('ᎠᎢᎩ.com')
    expect(displayHost(cherokee)).toBe(cherokee)
    // A small-letter label of the same scripts that is a real word is still shown.
    expect(displayHost(domainToASCII('βήτα.com'))).toBe('βήτα.com')
  })

  it('leaves anything that is not an http(s) address as it is', () => {
    for (const name of ['report.txt', 'ملف.md', 'ftp://xn--mgbh0fb.invalid/%D9%85', ''])
      expect(displayAddress(name)).toBe(name)
  })
})
