import fc from 'fast-check'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { importFile } from '../../../main/import/import-file'
import { markupDepth, MAX_MARKUP_DEPTH } from '../../../main/import/markup-depth'
import { thrown } from './fixtures'

/** The depth of the tree linkedom really builds (elements, the root element at 1), walked without recursion. */
function builtDepth(source: string, xml: boolean): number {
  const doc = new DOMParser().parseFromString(source, xml ? 'text/xml' : 'text/html') as unknown as Document
  let deepest = 0
  const stack: [Element, number][] = Array.from(doc.children, (el) => [el, 1] as [Element, number])
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!
    deepest = Math.max(deepest, depth)
    for (const child of Array.from(el.children)) stack.push([child, depth + 1])
  }
  return deepest
}

/** Pieces of markup that exercise every rule of the scan: implied closes, void and raw-text elements, foreign content, quotes, comments. */
const PIECES = [
  '<div>',
  '</div>',
  '<DIV>',
  '</DIV >',
  '<div/>',
  '</div/>',
  '</ div>',
  '< div>',
  '<p>',
  '</p>',
  '<li>',
  '<ul>',
  '</ul>',
  '<span a="x>y">',
  "<b title='<i>'>",
  '<b t=a"b>',
  '</b>',
  '<i x=a/>',
  '<br>',
  '<br/>',
  '</br>',
  '<img src=x>',
  '<svg>',
  '</svg>',
  '<svg/>',
  '<path d="M0"/>',
  '<g>',
  '</g>',
  '<title>',
  '</title>',
  '<title/>',
  '<foreignObject>',
  '</foreignObject>',
  '<math>',
  '<mi>',
  '</mi>',
  '</math>',
  '<script>',
  '</script>',
  '</script/>',
  '<style>',
  '</style >',
  '<textarea>',
  '</textarea>',
  '<xmp>',
  '</xmp>',
  '<!-- <div> -->',
  '<!-->',
  '<![CDATA[<div>]]>',
  '<?x <div>?>',
  '<!x <div>>',
  'text',
  '<',
  '<tr>',
  '<td>',
  '<th>',
  '<table>',
  '</table>',
  '<tbody>',
  '<h1>',
  '<option>',
  '<select>',
  '<dd>',
  '<dt>',
  '<a href=x/ >',
  '<x:y>',
  '</x:y>',
]

describe('markupDepth: measured on the text, equal to the tree linkedom builds', () => {
  it.each([false, true])('random markup (xml: %s)', (xml) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), (pieces) => {
        const body = pieces.join('')
        const source = xml
          ? `<root>${body}</root>`
          : `<!DOCTYPE html><html><head></head><body>${body}</body></html>`
        expect(markupDepth(source, xml)).toBe(builtDepth(source, xml))
      }),
      { numRuns: 500 },
    )
  })
})

describe('imports nested deeper than 512 levels are refused before parsing', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hamish-depth-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const files = new Map<string, Uint8Array>()

  /** Writes the file to disk and keeps the bytes read back, to import as the app and CLI do. */
  async function prepare(name: string, content: string | Uint8Array): Promise<void> {
    await writeFile(join(dir, name), content)
    files.set(name, new Uint8Array(await readFile(join(dir, name))))
  }
  const importing = (name: string) => () => importFile(name, files.get(name)!)

  it("a 3.8 MB page of nested elements (the review's case), in HTML and XHTML", async () => {
    const n = 760_000
    await prepare('deep.html', `<p>intro</p>${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`)
    expect(files.get('deep.html')!.byteLength).toBeGreaterThan(3_800_000)
    const refusal = thrown(importing('deep.html'))
    expect(refusal.code).toBe('invalid-content')
    expect(refusal.message).toBe(
      'deep.html: its elements are nested more than 512 levels deep, deeper than any article needs, so it was not imported.',
    )
    await prepare(
      'deep.xhtml',
      `<html xmlns="http://www.w3.org/1999/xhtml"><body>${'<div>'.repeat(n)}x${'</div>'.repeat(n)}</body></html>`,
    )
    expect(thrown(importing('deep.xhtml')).message).toMatch(/^deep\.xhtml: .*512 levels/)
  })

  it('tricks that a naive count would miss: <div/> in HTML, </div/>, unclosed quotes after a name', async () => {
    for (const [name, body] of [
      ['selfclosing.html', '<div/>'.repeat(600)],
      ['slash-close.html', '<div>x</div/>'.repeat(600)],
      ['quote.html', `<div a'>${'<div>'.repeat(600)}`],
      ['svg-island.html', `<svg><foreignObject>${'<div/>'.repeat(600)}`],
    ]) {
      await prepare(name!, `<p>intro</p>${body}`)
      expect(thrown(importing(name!)).message, name).toMatch(/512 levels/)
    }
  })

  it('a page nested just within the limit imports, every word kept', async () => {
    const n = MAX_MARKUP_DEPTH - 10
    await prepare(
      'within.html',
      `<p>intro</p>${'<blockquote>'.repeat(n)}deepest words${'</blockquote>'.repeat(n)}`,
    )
    const article = importing('within.html')()
    expect(plainText(article.doc)).toContain('deepest words')
    // Many flat paragraphs and list items without end tags, and SVG full of self-closed paths, are not deep.
    await prepare(
      'flat.html',
      `<p>a${'<p>b '.repeat(5000)}<ul>${'<li>c '.repeat(5000)}</ul><svg>${'<path d="M0 0"/>'.repeat(5000)}</svg>`,
    )
    expect(plainText(importing('flat.html')().doc)).toContain('b\n\nb\n\nb')
  })

  it('an EPUB with one chapter nested too deep is refused whole, its package too', async () => {
    const container =
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
      '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    const opf = (metadata: string) =>
      `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}<dc:title>t</dc:title></metadata>` +
      '<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/></manifest>' +
      '<spine><itemref idref="a"/><itemref idref="b"/></spine></package>'
    const page = (body: string) => `<html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html>`
    const book = (metadata: string, second: string) =>
      zipSync({
        mimetype: strToU8('application/epub+zip'),
        'META-INF/container.xml': strToU8(container),
        'content.opf': strToU8(opf(metadata)),
        'a.xhtml': strToU8(page('<p>first chapter</p>')),
        'b.xhtml': strToU8(page(second)),
      })
    await prepare('chapter.epub', book('', `${'<div>'.repeat(100_000)}x`))
    expect(thrown(importing('chapter.epub')).message).toMatch(/^chapter\.epub: .*512 levels/)
    await prepare('package.epub', book(`${'<x>'.repeat(100_000)}`, '<p>second</p>'))
    expect(thrown(importing('package.epub')).message).toMatch(/^package\.epub: .*512 levels/)
  })
})
