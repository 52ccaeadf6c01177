import { strToU8, zipSync } from 'fflate'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { docSchema } from '../../../common/document'
import { plainText, textBlocks } from '../../../common/plain-text'
import { EpubArchive } from '../../../main/import/epub-archive'
import { MAX_ZIP_ENTRIES, MAX_ZIP_UNPACKED_BYTES } from '../../../main/import/zip-directory'
import { importEpub, resolveHref } from '../../../main/import/import-epub'
import { importHtml } from '../../../main/import/import-html'
import { fixture, thrown } from './fixtures'

const CONTAINER = (path: string): string =>
  '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
  `<rootfiles><rootfile full-path="${path}" media-type="application/oebps-package+xml"/></rootfiles></container>`

const chapter = (title: string, body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl">` +
  `<head><title>${title}</title></head><body>${body}</body></html>`

const PACKAGE = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:title>كتاب تجريبي</dc:title><dc:language>ar</dc:language><dc:date>2019-07-01</dc:date>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>
    <item id="one" href="text/chapter%20one.xhtml" media-type="application/xhtml+xml"/>
    <item id="two" href="text/two.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="gone" href="text/missing.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine page-progression-direction="rtl">
    <itemref idref="nav"/><itemref idref="two"/><itemref idref="gone"/><itemref idref="one"/><itemref idref="css"/>
  </spine>
</package>`

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([k, f]) => [k, typeof f === 'string' ? strToU8(f) : f])),
  )
}

const BOOK: Record<string, string> = {
  mimetype: 'application/epub+zip',
  'META-INF/container.xml': CONTAINER('OEBPS/content.opf'),
  'OEBPS/content.opf': PACKAGE,
  'OEBPS/nav.xhtml': chapter('nav', '<nav><ol><li><a href="text/two.xhtml">فهرس</a></li></ol></nav>'),
  'OEBPS/text/chapter one.xhtml': chapter(
    'one',
    '<h1>كتاب تجريبي</h1><h2>الفصل الأول</h2><p>نص الفصل الأول.</p>',
  ),
  'OEBPS/text/two.xhtml': chapter('two', '<h2>الفصل الثاني</h2><p>نص الفصل الثاني<br/>بسطرين.</p>'),
  'OEBPS/style.css': 'p { color: red }',
}

describe('importEpub: the corpus book', () => {
  const article = importEpub(fixture('regime-anticancer-arabic.epub'), 'regime-anticancer-arabic.epub')

  it('reads title, language and direction from the package', () => {
    expect(article.title).toBe('Le Vrai Régime anti-cancer')
    expect(article.lang).toBe('ar')
    expect(article.dir).toBe('rtl')
    expect(article.date).toBeNull() // dc:date is only a year
    expect(v.is(docSchema, article.doc)).toBe(true)
  })

  it('gives the same text as its chapter imported on its own (cover pages hold only images)', () => {
    const chapterOnly = importHtml(fixture('regime-anticancer-arabic_C_content.xhtml'), 'c.xhtml', {
      xml: true,
    })
    expect(plainText(article.doc)).toBe(plainText(chapterOnly.doc))
    expect(textBlocks(article.doc).slice(0, 3)).toEqual([
      'الفصل الثاني',
      'ما هو السرطان؟',
      'من أين تأتي الحياة؟',
    ])
  })
})

describe('importEpub: spine, paths and metadata', () => {
  const article = importEpub(zip(BOOK), 'book.epub')

  it('joins the chapters in spine order, resolving paths against the package, skipping nav and missing files', () => {
    expect(textBlocks(article.doc)).toEqual([
      'الفصل الثاني',
      'نص الفصل الثاني\nبسطرين.',
      'كتاب تجريبي',
      'الفصل الأول',
      'نص الفصل الأول.',
    ])
  })

  it('takes title, language, date and direction from the package and keeps chapter headings', () => {
    expect(article.title).toBe('كتاب تجريبي')
    expect(article.lang).toBe('ar')
    expect(article.dir).toBe('rtl')
    expect(article.date).toBe('2019-07-01')
    expect(article.doc.content.filter((b) => b.type === 'heading')).toHaveLength(3)
  })

  it('resolves hrefs relative to the package file and refuses to leave the archive', () => {
    expect(resolveHref('OEBPS/content.opf', 'text/a%20b.xhtml#frag')).toBe('OEBPS/text/a b.xhtml')
    expect(resolveHref('content.opf', './x.xhtml')).toBe('x.xhtml')
    expect(resolveHref('OEBPS/content.opf', '../../etc/passwd')).toBeNull()
    expect(resolveHref('OEBPS/content.opf', 'https://example.org/x.xhtml')).toBeNull()
  })
})

describe('importEpub: a spine that repeats chapters', () => {
  const longChapter = chapter('long', ('<p>' + 'كلمة '.repeat(100) + '</p>').repeat(20))
  const book = (spine: string): Uint8Array =>
    zip({
      'META-INF/container.xml': CONTAINER('content.opf'),
      'content.opf':
        '<package xmlns="http://www.idpf.org/2007/opf"><metadata/><manifest>' +
        '<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>' +
        '<item id="same-file" href="./a.xhtml#top" media-type="application/xhtml+xml"/>' +
        '<item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>' +
        `</manifest><spine>${spine}</spine></package>`,
      'a.xhtml': longChapter,
      'b.xhtml': chapter('b', '<p>الخاتمة.</p>'),
    })

  it('reads a chapter named 70 times once: the text is one chapter long', () => {
    const once = importEpub(book('<itemref idref="a"/>'), 'once.epub')
    const repeated = importEpub(
      book('<itemref idref="a"/>'.repeat(70) + '<itemref idref="same-file"/>'),
      'repeated.epub',
    )
    expect(plainText(once.doc).length).toBeGreaterThan(10_000)
    expect(plainText(repeated.doc).length).toBe(plainText(once.doc).length)
    expect(repeated.doc).toEqual(once.doc)
  })

  it('keeps each chapter where the spine first names it', () => {
    const article = importEpub(
      book('<itemref idref="b"/><itemref idref="a"/><itemref idref="b"/><itemref idref="same-file"/>'),
      'order.epub',
    )
    const blocks = textBlocks(article.doc)
    expect(blocks[0]).toBe('الخاتمة.')
    expect(blocks.filter((b) => b === 'الخاتمة.')).toHaveLength(1)
    expect(blocks).toHaveLength(21)
  })
})

/**
 * A ZIP whose directory lists `count` entries that all point at the same
 * stored data, each declaring an unpacked size of 1 byte: overlapping
 * entries, the trick that makes a small file unpack many times over.
 */
function overlappingZip(data: Uint8Array, count: number): Uint8Array {
  const one = zipSync({ 'c0000.xhtml': data }, { level: 0 })
  const view = new DataView(one.buffer, one.byteOffset, one.byteLength)
  const end = one.length - 22
  const directorySize = view.getUint32(end + 12, true)
  const directoryOffset = view.getUint32(end + 16, true)
  const record = one.slice(directoryOffset, directoryOffset + directorySize)
  const out = new Uint8Array(directoryOffset + directorySize * count + 22)
  out.set(one.subarray(0, directoryOffset))
  for (let i = 0; i < count; i++) {
    const copy = record.slice()
    new DataView(copy.buffer).setUint32(24, 1, true)
    copy.set(strToU8(`c${String(i).padStart(4, '0')}.xhtml`), 46)
    out.set(copy, directoryOffset + i * directorySize)
  }
  const tail = new DataView(out.buffer, directoryOffset + directorySize * count)
  tail.setUint32(0, 0x06054b50, true)
  tail.setUint16(8, count, true)
  tail.setUint16(10, count, true)
  tail.setUint32(12, directorySize * count, true)
  tail.setUint32(16, directoryOffset, true)
  return out
}

describe('EpubArchive: what it unpacks', () => {
  const megabyte = new Uint8Array(1024 * 1024).fill(0x61)

  it('counts a stored entry by the bytes it spans, so overlapping entries cannot multiply a file', () => {
    const pair = EpubArchive.open(overlappingZip(megabyte, 2), 'pair.epub')
    const files = pair.read(['c0000.xhtml', 'c0001.xhtml'])
    // The two entries really do unpack one file's data twice.
    expect(Buffer.from(files.get('c0001.xhtml') ?? []).equals(megabyte)).toBe(true)
    expect(pair.size('c0001.xhtml')).toBe(megabyte.length)

    const err = thrown(() => EpubArchive.open(overlappingZip(megabyte, 250), 'overlap.epub'))
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/^overlap\.epub: .*200 MB/)
  })

  it('holds everything read from one archive to 200 MB, an entry read twice counting twice', () => {
    const chunk = 8 * 1024 * 1024
    const archive = EpubArchive.open(zip({ 'a.xhtml': new Uint8Array(chunk) }), 'reread.epub')
    for (let i = 0; i < MAX_ZIP_UNPACKED_BYTES / chunk; i++) {
      expect(archive.read(['a.xhtml']).get('a.xhtml')).toHaveLength(chunk)
    }
    const err = thrown(() => archive.read(['a.xhtml']))
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/^reread\.epub: .*200 MB/)
  })
})

describe('importEpub: broken books', () => {
  function expectInvalid(bytes: Uint8Array, pattern: RegExp): void {
    const err = thrown(() => importEpub(bytes, 'bad.epub'))
    expect(err.code).toBe('invalid-content')
    expect(err.message).toMatch(/^bad\.epub: this is not a valid EPUB book/)
    expect(err.message).toMatch(pattern)
  }

  it('refuses bytes that are not a ZIP archive', () => {
    expectInvalid(strToU8('just some text named .epub'), /not a readable ZIP archive/)
  })

  it('refuses a ZIP without META-INF/container.xml', () => {
    expectInvalid(
      zip({ mimetype: 'application/epub+zip', 'OEBPS/content.opf': PACKAGE }),
      /container\.xml is missing/,
    )
  })

  it('refuses a container that names a missing package, and a package without spine', () => {
    expectInvalid(zip({ 'META-INF/container.xml': CONTAINER('nope.opf') }), /nope\.opf is missing/)
    expectInvalid(zip({ 'META-INF/container.xml': '<container/>' }), /does not name/)
    expectInvalid(
      zip({ 'META-INF/container.xml': CONTAINER('p.opf'), 'p.opf': '<package><metadata/></package>' }),
      /no spine/,
    )
  })

  it('refuses damaged compressed data', () => {
    const bytes = zip({
      ...BOOK,
      'OEBPS/text/two.xhtml': chapter('two', '<p>' + 'نص '.repeat(2000) + '</p>'),
    })
    const name = strToU8('OEBPS/text/two.xhtml')
    // Find the local header of that entry and overwrite its compressed data.
    for (let i = 0; i < bytes.length - name.length; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4) {
        const nameLength = bytes[i + 26]! | (bytes[i + 27]! << 8)
        const extra = bytes[i + 28]! | (bytes[i + 29]! << 8)
        if (new TextDecoder().decode(bytes.subarray(i + 30, i + 30 + nameLength)) !== 'OEBPS/text/two.xhtml')
          continue
        bytes.fill(0xff, i + 30 + nameLength + extra, i + 30 + nameLength + extra + 40)
      }
    }
    expectInvalid(bytes, /damaged/)
  })

  it('refuses a zip bomb by the sizes its directory declares', () => {
    const bytes = zip(BOOK)
    // Patch one central-directory entry to claim 300 MB uncompressed.
    for (let i = bytes.length - 4; i >= 0; i--) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2) {
        new DataView(bytes.buffer, bytes.byteOffset).setUint32(i + 24, 300 * 1024 * 1024, true)
        break
      }
    }
    const err = thrown(() => importEpub(bytes, 'bomb.epub'))
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/^bomb\.epub: .*200 MB/)
  })

  it('refuses an archive with more than 5,000 entries', () => {
    const files: Record<string, string> = { ...BOOK }
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`junk/${i}.txt`] = ''
    expect(thrown(() => importEpub(zip(files), 'many.epub')).code).toBe('too-large')
  })

  it('refuses a book whose chapters hold no text', () => {
    const files = {
      ...BOOK,
      'OEBPS/text/chapter one.xhtml': chapter('1', '<img src="a.jpg"/>'),
      'OEBPS/text/two.xhtml': chapter('2', '<script>alert(1)</script>'),
    }
    expect(thrown(() => importEpub(zip(files), 'blank.epub')).code).toBe('empty-file')
  })
})
