import { englishText } from '../../../common/i18n/local-text'
import { describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { decodeText } from '../../../main/import/decode-text'
import { binaryKind, bomlessUtf16 } from '../../../main/import/sniff-binary'
import { fixture, fixtureText, thrown, utf8 } from './fixtures'

const original = fixtureText('arcd-03-kuwait.txt')
/** The title line, blank line and first paragraph: what the `arcd-03-kuwait-lead.*` fixtures hold. */
const lead = original.split('\n').slice(0, 3).join('\n') + '\n'

/** Bytes of `text` in one code page (every character must be in it), from TextDecoder's own table. */
function codePage(encoding: string, text: string): Uint8Array {
  const decoder = new TextDecoder(encoding)
  const table = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(Uint8Array.of(b)), b]))
  return Uint8Array.from(Array.from(text), (ch) => table.get(ch)!)
}

/**
 * Bytes of `text` in Windows-1252, by hand: Node's TextDecoder('windows-1252')
 * reads 0x80–0x9F as C1 controls (ISO-8859-1), so it cannot build them.
 */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = {
    '€': 0x80,
    '…': 0x85,
    '“': 0x93,
    '”': 0x94,
    '‘': 0x91,
    '’': 0x92,
    '—': 0x97,
    '™': 0x99,
    Š: 0x8a,
    Œ: 0x8c,
    Ž: 0x8e,
    š: 0x9a,
    œ: 0x9c,
    ž: 0x9e,
    Ÿ: 0x9f,
  }
  return Uint8Array.from(Array.from(text), (ch) => high[ch] ?? ch.charCodeAt(0))
}

/** UTF-16 bytes of `text` without a byte-order mark. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2)
  const view = new DataView(out.buffer)
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian)
  return out
}

/** Deterministic pseudo-random bytes (no Math.random: failures must reproduce). */
function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

describe('decodeText: encodings', () => {
  it('reads UTF-8 without BOM unchanged', () => {
    expect(decodeText(fixture('arcd-03-kuwait.txt'), 'k.txt')).toBe(original)
  })

  it.each([
    ['utf-8-bom', 'UTF-8 with BOM'],
    ['utf-16le-bom', 'UTF-16 LE with BOM'],
    ['utf-16be-bom', 'UTF-16 BE with BOM'],
    ['crlf', 'CRLF line endings'],
    ['windows-1256', 'Windows-1256'],
  ])('reads %s (%s) as the same text as the UTF-8 original', (variant) => {
    const text = decodeText(fixture(`encodings/arcd-03-kuwait.${variant}.txt`), 'k.txt')
    expect(text).toBe(original)
    expect(text.startsWith('\uFEFF')).toBe(false)
    expect(text).not.toContain('\r')
  })

  it('uses Windows-1256 only because the bytes are not UTF-8', () => {
    const bytes = fixture('encodings/arcd-03-kuwait.windows-1256.txt')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
  })

  it('uses an encoding the file declares instead of Windows-1256', () => {
    const bytes = Uint8Array.from([0x6d, 0x61, 0xf1, 0x61, 0x6e, 0xe1]) // "mañaná" in windows-1252
    expect(decodeText(bytes, 'c.html', { legacyEncoding: 'windows-1252' })).toBe('mañaná')
    // Without a usable declaration neither Arabic code page reads it ("maٌanل"), and the Windows-1252 guess does.
    expect(decodeText(bytes, 'c.html', { legacyEncoding: 'no-such-encoding' })).toBe('mañaná')
    const russian = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]) // "Привет" in windows-1251
    expect(decodeText(russian, 'r.html', { legacyEncoding: 'windows-1251' })).toBe('Привет')
  })

  it('still reads Latin text whose punctuation and accents Windows-1256 shares with Windows-1252', () => {
    const text = '“Café” — a naïve façade… 12 €'
    expect(decodeText(windows1252(text), 'q.txt')).toBe(text)
  })

  it('drops stray control characters and keeps tabs and newlines', () => {
    expect(decodeText(utf8('a\u0007b\tc\r\nd'), 'x.txt')).toBe('ab\tc\nd')
  })
})

describe('decodeText: legacy Arabic code pages', () => {
  it('reads ISO-8859-6 as ISO-8859-6, not as Windows-1256 mojibake', () => {
    const bytes = fixture('encodings/arcd-03-kuwait-lead.iso-8859-6.txt')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    expect(new TextDecoder('windows-1256').decode(bytes)).toContain('انمèêت') // what it imported as
    expect(decodeText(bytes, 'k.txt')).toBe(lead)
  })

  it('reads a single ISO-8859-6 word', () => {
    expect(decodeText(Uint8Array.from([0xc7, 0xe4, 0xe3, 0xe8, 0xea, 0xca]), 'w.txt')).toBe('الكويت')
  })

  it('reads Windows-1256 as Windows-1256 even when the excerpt would also decode as ISO-8859-6', () => {
    const bytes = codePage('windows-1256', lead)
    expect(decodeText(bytes, 'k.txt')).toBe(lead)
    expect(decodeText(codePage('windows-1256', 'الكويت'), 'w.txt')).toBe('الكويت')
  })

  it('overrides a declared encoding only when the text does not read in it', () => {
    const iso = fixture('encodings/arcd-03-kuwait-lead.iso-8859-6.txt')
    expect(decodeText(iso, 'k.html', { legacyEncoding: 'windows-1256' })).toBe(lead)
    expect(decodeText(iso, 'k.html', { legacyEncoding: 'ISO-8859-6' })).toBe(lead)
    const cp1256 = fixture('encodings/arcd-03-kuwait.windows-1256.txt')
    expect(decodeText(cp1256, 'k.html', { legacyEncoding: 'iso-8859-6' })).toBe(original)
    // An Arabic page labelled Latin-1 would read «ÇáßæíÊ».
    expect(decodeText(cp1256, 'k.html', { legacyEncoding: 'iso-8859-1' })).toBe(original)
  })

  it('reads Spanish, which reads as Arabic in neither code page, as Windows-1252', () => {
    const text = 'El niño comió piña y jamón en España; ¿qué más? Sí, señor: ¡ñandú!'
    expect(decodeText(codePage('windows-1252', text), 'es.txt')).toBe(text)
  })

  it('refuses bytes that read as text in no legacy code page, saying why', () => {
    // Three bytes from 0xC0–0xFF, then an ASCII letter: accented runs in Windows-1252, Arabic touching
    // Latin letters in Windows-1256, unassigned bytes in ISO-8859-6.
    const bytes = Uint8Array.from(noise(400, 13), (b, i) =>
      i % 4 === 3 ? 0x61 + (b % 26) : 0xc0 | (b & 0x3f),
    )
    const err = thrown(() => decodeText(bytes, 'x.txt'))
    expect(err).toBeInstanceOf(HamishError)
    expect(err.code).toBe('undecodable')
    expect(err.message).toMatch(
      /^x\.txt: the file is not UTF-8, .*Windows-1256 or ISO-8859-6.*save it as UTF-8/,
    )
  })

  it('still reads short Arabic, and Arabic punctuation after Latin words, as Arabic rather than Windows-1252', () => {
    // «في» reads «Ýí» in Windows-1252, «الكويت» «ÇáßæíÊ», «، و» «¡ æ».
    for (const text of ['في', 'الكويت', 'في الكويت', 'و U+063F، و U+077A، و U+077B.', 'أو A، أو B؛ أو C؟']) {
      expect(decodeText(codePage('windows-1256', text), 'w.txt')).toBe(text)
    }
  })
})

describe('decodeText: Windows-1252 (Latin-1) without a declared charset', () => {
  it.each([
    [
      'latin-es',
      '“¿Dónde está el niño?”, preguntó la señora Muñoz. “En el jardín, junto a la piña”, contestó Begoña — el café costaba 3 € y la caña 2,50 €… ¡Qué mañana!\n',
    ],
    [
      'latin-de',
      '„Die Größe der Bäume überrascht mich“, sagte Jürgen. ‚Schön‘, antwortete Grete – das Frühstück kostet 7 € und für Kinder weniger… Übrigens: Straße gesperrt.\n',
    ],
  ])('reads %s with its smart quotes, dashes and € as the right text', (name, text) => {
    const bytes = fixture(`encodings/${name}.windows-1252.txt`)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    expect(decodeText(bytes, `${name}.txt`)).toBe(text)
  })

  it('maps bytes 0x80–0x9F as the WHATWG windows-1252 index does, not as C1 controls', () => {
    // Every assigned byte of 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned), each after a space.
    const high = [
      0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94,
      0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
    ]
    const bytes = Uint8Array.from(high.flatMap((b) => [0x20, b]))
    const expected = ' € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ'
    expect(decodeText(bytes, 'c.html', { legacyEncoding: 'windows-1252' })).toBe(expected)
    // Browsers read a page labelled ISO-8859-1 as Windows-1252, and so does Hamish.
    expect(decodeText(bytes, 'c.html', { legacyEncoding: 'iso-8859-1' })).toBe(expected)
    expect(decodeText(Uint8Array.of(0x61, 0x81, 0x62), 'c.html', { legacyEncoding: 'windows-1252' })).toBe(
      'a\u0081b',
    )
  })

  it('reads smart quotes and Š Ž š ž Ÿ in Latin words without a declared charset', () => {
    const text = '‘Škoda’ and “Žižkov” — Ÿvonne’s œuvre… 5 € ™'
    expect(decodeText(windows1252(text), 'q.txt')).toBe(text)
  })
})

describe('decodeText: UTF-16 without a byte-order mark', () => {
  it.each([
    ['utf-16le', 'little-endian'],
    ['utf-16be', 'big-endian'],
  ])('reads Arabic %s (%s) without BOM', (encoding) => {
    const bytes = fixture(`encodings/arcd-03-kuwait-lead.${encoding}.txt`)
    expect(bomlessUtf16(bytes)).toBe(encoding)
    expect(decodeText(bytes, 'k.txt')).toBe(lead)
  })

  it.each([true, false])('reads Latin text in UTF-16 without BOM (little-endian: %s)', (littleEndian) => {
    const text = 'Kuwait City is the capital of Kuwait.\r\nIts population is about 3 million.\r\n'
    expect(decodeText(utf16(text, littleEndian), 'en.txt')).toBe(text.replace(/\r\n/g, '\n'))
  })

  it('reads mixed Arabic and Latin UTF-16 (high bytes 0x00, 0x06 and 0x20)', () => {
    const text = 'الكويت (Kuwait) — «دولة» في الخليج… 1961'
    expect(decodeText(utf16(text, true), 'mix.txt')).toBe(text)
  })

  it('never takes text without NULs for UTF-16', () => {
    expect(bomlessUtf16(fixture('arcd-03-kuwait.txt'))).toBeNull()
    expect(bomlessUtf16(fixture('encodings/arcd-03-kuwait.windows-1256.txt'))).toBeNull()
    expect(bomlessUtf16(utf8('a=b=c=d=e=f=g=h='))).toBeNull()
  })

  // The last column: whether the bytes pass the NUL-pattern test, so that only the decoded-text check refuses them.
  it.each([
    ['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(2000)]), null],
    ['a ZIP', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, ...noise(998, 3)]), null],
    ['random bytes with a NUL', Uint8Array.from(noise(4000, 7), (b, i) => (i === 100 ? 0 : b)), null],
    [
      'random bytes every other one NUL',
      Uint8Array.from(noise(4000, 5), (b, i) => (i % 2 ? 0 : b)),
      'utf-16le',
    ],
    [
      'quiet 16-bit audio (high bytes 0x00 and 0xff)',
      Uint8Array.from(noise(4000, 9), (b, i) => (i % 2 ? (b & 1 ? 0xff : 0) : b)),
      'utf-16le',
    ],
    [
      'random bytes paired with 0x06 or NUL',
      Uint8Array.from(noise(4000, 11), (b, i) => (i % 2 ? (b & 1 ? 6 : 0) : b)),
      'utf-16le',
    ],
    [
      'UTF-16 Arabic cut to an odd length',
      fixture('encodings/arcd-03-kuwait-lead.utf-16le.txt').subarray(0, 1001),
      null,
    ],
  ])('still refuses %s as binary', (_, bytes, looksUtf16) => {
    expect(bomlessUtf16(bytes)).toBe(looksUtf16)
    expect(thrown(() => decodeText(bytes, 'b.txt')).code).toBe('binary-file')
  })
})

describe('decodeText: bad input', () => {
  it('refuses a PNG (magic number and random bytes) as binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(2000)])
    const err = thrown(() => decodeText(png, 'photo.txt'))
    expect(err).toBeInstanceOf(HamishError)
    expect(err.code).toBe('binary-file')
    expect(err.message).toMatch(/^photo\.txt: this is a PNG image/)
  })

  it('refuses random bytes containing NULs as binary', () => {
    const bytes = noise(4096, 7)
    bytes[100] = 0
    const err = thrown(() => decodeText(bytes, 'random.txt'))
    expect(err.code).toBe('binary-file')
    expect(err.message.startsWith('random.txt: ')).toBe(true)
  })

  it('refuses control-byte soup without NULs as binary', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x61))
    expect(thrown(() => decodeText(bytes, 'ctl.txt')).code).toBe('binary-file')
  })

  it.each([
    ['a PDF document', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['a ZIP archive', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ['a program (ELF executable)', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01])],
    ['a JPEG image', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])],
  ])('recognises %s by its signature', (kind, bytes) => {
    expect(englishText(binaryKind(bytes)!).startsWith(kind)).toBe(true)
  })

  it('does not take Arabic text for binary', () => {
    expect(binaryKind(fixture('encodings/arcd-03-kuwait.windows-1256.txt'))).toBeNull()
    expect(binaryKind(fixture('arcd-03-kuwait.txt'))).toBeNull()
  })

  it('refuses an empty file and a whitespace-only file', () => {
    const empty = thrown(() => decodeText(new Uint8Array(0), 'empty.txt'))
    expect(empty.code).toBe('empty-file')
    expect(empty.message).toMatch(/^empty\.txt: /)
    const blank = thrown(() => decodeText(utf8(' \n\t\u00A0\u200F\r\n  '), 'blank.txt'))
    expect(blank.code).toBe('empty-file')
    expect(blank.message).toMatch(/^blank\.txt: .*blank space/)
  })

  // "Undecodable": the file names its encoding with a byte-order mark and its
  // bytes break that encoding (or, without a BOM, read as text in no legacy
  // code page: see above).
  it('refuses UTF-16 with BOM whose bytes hold a lone surrogate', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x27, 0x06, 0x00, 0xd8, 0x41, 0x00])
    const err = thrown(() => decodeText(bytes, 'broken.txt'))
    expect(err.code).toBe('undecodable')
    expect(err.message).toMatch(/^broken\.txt: .*UTF-16 little-endian.*save it as UTF-8/)
  })

  it('refuses UTF-16 BE with BOM and an odd number of bytes', () => {
    expect(thrown(() => decodeText(Uint8Array.from([0xfe, 0xff, 0x06, 0x27, 0x06]), 'odd.txt')).code).toBe(
      'undecodable',
    )
  })

  it('refuses a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0x28, 0xe1])
    expect(thrown(() => decodeText(bytes, 'bom.txt')).code).toBe('undecodable')
  })

  it('refuses UTF-32, which it cannot read, with advice', () => {
    const err = thrown(() => decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x27, 0x06, 0, 0]), 'u32.txt'))
    expect(err.code).toBe('undecodable')
    expect(err.message).toMatch(/^u32\.txt: this is UTF-32/)
  })
})
