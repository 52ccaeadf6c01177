/**
 * How deep a page's elements nest, measured on its text before any parser
 * builds a tree. linkedom's tree building slows down more than linearly with
 * depth (25 s for 3.8 MB of nested elements) and every later walk of a deep
 * tree risks the stack, so markup that nests deeper than MAX_MARKUP_DEPTH is
 * refused before it is parsed. Real articles nest a few dozen levels; the
 * limit leaves them ample room.
 *
 * The scan follows the tree builder linkedom uses (htmlparser2) closely
 * enough never to count less than it builds: in HTML, void elements
 * (`<br>`, `<img>`) add nothing, an element that the next one implicitly
 * closes (`<p>` before `<p>` or `<div>`, `<li>` before `<li>`…) is closed,
 * `/>` closes an element only inside `<svg>` or `<math>`, and the text of
 * `<script>`, `<style>`, `<textarea>`, `<title>` and `<xmp>` is not markup. In XML
 * (XHTML, EPUB) every `/>` closes and nothing closes implicitly. A closing
 * tag closes the innermost open element of its name and everything inside
 * it; one with no open element of its name is ignored, as the parser does.
 */

/** The deepest nesting of elements an imported page may have. */
export const MAX_MARKUP_DEPTH = 512

/** Thrown when markup nests deeper than the limit; the importer words it with the file's name. */
export class NestingTooDeep extends Error {
  constructor(
    readonly limit: number,
    readonly kind: 'markup' | 'markdown',
  ) {
    super(`nested more than ${limit} levels deep`)
  }
}

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp'])

const P = ['p']
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']
/** For each element, the open elements its start tag closes (htmlparser2's table). */
const OPEN_IMPLIES_CLOSE = new Map<string, readonly string[]>([
  ['tr', ['tr', 'th', 'td']],
  ['th', ['th']],
  ['td', ['thead', 'th', 'td']],
  ['body', ['head', 'link', 'script']],
  ['li', ['li']],
  ['select', FORM],
  ['input', FORM],
  ['output', FORM],
  ['button', FORM],
  ['datalist', FORM],
  ['textarea', FORM],
  ['option', ['option']],
  ['optgroup', ['optgroup', 'option']],
  ['dd', ['dd', 'dt']],
  ['dt', ['dd', 'dt']],
  ['rt', ['rt', 'rp']],
  ['rp', ['rt', 'rp']],
  ['tbody', ['thead', 'tbody']],
  ['tfoot', ['thead', 'tbody']],
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name): [string, readonly string[]] => [name, P]),
])

/** HTML's whitespace, as the tokenizer counts it (space, tab, LF, FF, CR). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
}

const GT = 0x3e
const SLASH = 0x2f

/** Where the text of a raw-text element ends (`</name` then a space or `>`), case-insensitively. */
const RAW_TEXT_END = new Map(
  [...RAW_TEXT].map((name) => [name, new RegExp(`</${name}[ \\t\\n\\f\\r>]`, 'gi')]),
)

/** Throws NestingTooDeep when `markup`'s elements nest deeper than `limit`, before anything parses it. */
export function refuseDeepMarkup(markup: string, xml: boolean, limit = MAX_MARKUP_DEPTH): void {
  if (markupDepth(markup, xml, limit) > limit) throw new NestingTooDeep(limit, 'markup')
}

/**
 * The deepest nesting of elements the parser will build from `markup`, in
 * one pass over the text; it stops as soon as the depth passes `stopAbove`
 * (so the work and the stack it keeps are bounded by it).
 */
export function markupDepth(markup: string, xml: boolean, stopAbove = Infinity): number {
  const stack: string[] = []
  /** Open elements per name, so a closing tag with no open element of its name costs nothing. */
  const open = new Map<string, number>()
  /** htmlparser2's foreign context: true inside svg/math, false inside their HTML islands. */
  const foreign: boolean[] = [xml]
  let deepest = 0
  const push = (name: string): void => {
    stack.push(name)
    open.set(name, (open.get(name) ?? 0) + 1)
    if (stack.length > deepest) deepest = stack.length
  }
  const pop = (): void => {
    const name = stack.pop() as string
    open.set(name, (open.get(name) ?? 1) - 1)
  }
  const n = markup.length
  let i = 0
  while (i < n && deepest <= stopAbove) {
    const lt = markup.indexOf('<', i)
    if (lt < 0) break
    const c = markup.charCodeAt(lt + 1)
    if (markup.startsWith('<!--', lt)) {
      const end = markup.indexOf('-->', lt + 2) // `<!-->` is a whole comment
      i = end < 0 ? n : end + 3
    } else if (markup.startsWith('<![CDATA[', lt)) {
      const end = markup.indexOf(']]>', lt + 9)
      i = end < 0 ? n : end + 3
    } else if (c === 0x21 || c === 0x3f) {
      // <!DOCTYPE …>, <?xml …?>
      const end = markup.indexOf('>', lt + 2)
      i = end < 0 ? n : end + 1
    } else if (c === SLASH) {
      let j = lt + 2
      while (j < n && isSpace(markup.charCodeAt(j))) j++
      const first = markup.charCodeAt(j)
      if (first === GT) {
        i = j + 1
        continue
      }
      let nameEnd = j
      while (nameEnd < n && markup.charCodeAt(nameEnd) !== GT && !isSpace(markup.charCodeAt(nameEnd)))
        nameEnd++
      const end = markup.indexOf('>', nameEnd)
      i = end < 0 ? n : end + 1
      if (!(xml ? !isSpace(first) && first !== SLASH : isAsciiLetter(first))) continue // a bogus comment
      const raw = markup.slice(j, nameEnd)
      const name = xml ? raw : raw.toLowerCase()
      if (!xml && (FOREIGN.has(name) || INTEGRATION.has(name)) && foreign.length > 1) foreign.pop()
      if ((xml || !VOID.has(name)) && (open.get(name) ?? 0) > 0) {
        while (stack[stack.length - 1] !== name) pop()
        pop()
      } else if (!xml && (name === 'br' || name === 'p')) {
        deepest = Math.max(deepest, stack.length + 1) // `</br>` and a stray `</p>` make an empty element
      }
    } else if (xml ? !Number.isNaN(c) && !isSpace(c) && c !== GT : isAsciiLetter(c)) {
      let nameEnd = lt + 1
      while (nameEnd < n) {
        const d = markup.charCodeAt(nameEnd)
        if (d === SLASH || d === GT || isSpace(d)) break
        nameEnd++
      }
      const raw = markup.slice(lt + 1, nameEnd)
      const name = xml ? raw : raw.toLowerCase()
      const { end, selfClosing } = endOfOpenTag(markup, nameEnd)
      i = end
      if (!xml) {
        const closes = OPEN_IMPLIES_CLOSE.get(name)
        if (closes) while (stack.length > 0 && closes.includes(stack[stack.length - 1] as string)) pop()
        if (VOID.has(name)) {
          deepest = Math.max(deepest, stack.length + 1) // a leaf
          continue
        }
      }
      push(name)
      if (!xml) {
        if (FOREIGN.has(name)) foreign.push(true)
        else if (INTEGRATION.has(name)) foreign.push(false)
      }
      if (selfClosing && (xml || foreign[foreign.length - 1])) {
        pop()
        continue
      }
      const rawEnd = !xml && !selfClosing ? RAW_TEXT_END.get(name) : undefined
      if (rawEnd) {
        rawEnd.lastIndex = i
        const found = rawEnd.exec(markup)
        i = found ? found.index : n
      }
    } else {
      i = lt + 1 // a lone `<` is text
    }
  }
  return deepest
}

const FOREIGN = new Set(['svg', 'math'])
const INTEGRATION = new Set([
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
  'title',
])

/**
 * Where an open tag whose attributes start at `from` ends (just past its
 * `>`), and whether it ends in `/>`, by the tokenizer's rules: a quote opens
 * a value only right after `=`, an unquoted value runs to a space or `>`
 * (a `/` in it is part of it).
 */
function endOfOpenTag(markup: string, from: number): { end: number; selfClosing: boolean } {
  const n = markup.length
  let i = from
  let slash = false
  while (i < n) {
    const c = markup.charCodeAt(i)
    if (c === GT) return { end: i + 1, selfClosing: slash }
    if (isSpace(c)) {
      i++
      continue
    }
    if (c === SLASH) {
      slash = true
      i++
      continue
    }
    slash = false
    // An attribute: its name runs to `=`, a space, `/` or `>`.
    while (i < n) {
      const d = markup.charCodeAt(i)
      if (d === 0x3d || d === SLASH || d === GT || isSpace(d)) break
      i++
    }
    let j = i
    while (j < n && isSpace(markup.charCodeAt(j))) j++
    if (markup.charCodeAt(j) !== 0x3d) continue // no value
    j++
    while (j < n && isSpace(markup.charCodeAt(j))) j++
    const q = markup.charCodeAt(j)
    if (q === 0x22 || q === 0x27) {
      const close = markup.indexOf(q === 0x22 ? '"' : "'", j + 1)
      i = close < 0 ? n : close + 1
    } else {
      while (j < n && markup.charCodeAt(j) !== GT && !isSpace(markup.charCodeAt(j))) j++
      i = j
    }
  }
  return { end: n, selfClosing: false }
}
