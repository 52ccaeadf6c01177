import { englishText } from '../../../common/i18n/local-text'
import { describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { decodeText } from '../../../main/import/decode-text'
import { binaryKind } from '../../../main/import/sniff-binary'
import { fixture, fixtureText, thrown, utf8 } from './fixtures'

const original = fixtureText('arcd-03-kuwait.txt')

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
    expect(decodeText(bytes, 'c.html', { legacyEncoding: 'no-such-encoding' })).toBe('maٌanل')
  })

  it('drops stray control characters and keeps tabs and newlines', () => {
    expect(decodeText(utf8('a\u0007b\tc\r\nd'), 'x.txt')).toBe('ab\tc\nd')
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
  // bytes break that encoding. (Without a BOM nothing is undecodable: any
  // bytes that are not UTF-8 are read as Windows-1256, which maps every byte.)
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
