import type { InlineNode, Mark, TextNode } from '../../common/document'

/** Canonical mark order, so two equal sets of marks compare equal and adjacent text merges. */
const MARK_RANK: Record<Mark['type'], number> = { em: 0, strong: 1, link: 2 }

/**
 * `marks` with `mark` added. A mark of the same type is replaced (the inner
 * link of nested links wins, `<em>` inside `<em>` adds nothing), as
 * ProseMirror's marks exclude their own type.
 */
export function withMark(marks: readonly Mark[], mark: Mark): Mark[] {
  const out = marks.filter((m) => m.type !== mark.type)
  out.push(mark)
  out.sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type])
  return out
}

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[]): boolean {
  const left = a ?? []
  if (left.length !== b.length) return false
  return left.every((m, i) => {
    const other = b[i] as Mark
    if (m.type !== other.type) return false
    return m.type !== 'link' || (other.type === 'link' && m.attrs.href === other.attrs.href)
  })
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g

/**
 * Text as it may enter a document: no C0 controls (entities such as `&#1;`
 * can smuggle them past the decoder), no lone surrogates, nothing else changed.
 */
export function sanitizeText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD')
}

/** Collapses runs of ASCII whitespace to one space, as a browser does; NBSP and other spaces stay. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ')
}

/**
 * Collects the inline content of one text block (paragraph or heading):
 * merges neighbouring text with equal marks, collapses spaces at the joins
 * the way a browser does (no space after a space, a break or the block
 * start; none before a break or the block end), and drops breaks at the
 * edges. Every importer builds its blocks through it, so no empty text node
 * or stray space reaches the document.
 */
export class InlineBuffer {
  private nodes: InlineNode[] = []

  /** True when no visible text waits in the buffer (only spaces or line breaks, or nothing). */
  get isEmpty(): boolean {
    return !this.nodes.some((n) => n.type === 'text' && n.text.trim() !== '')
  }

  /**
   * Adds text with `marks`. Runs of ASCII whitespace are collapsed unless
   * `preserve` is set (code, preformatted text), in which case newlines
   * become hard breaks and every other character is kept.
   */
  addText(raw: string, marks: readonly Mark[] = [], preserve = false): void {
    const clean = sanitizeText(raw)
    if (preserve) {
      const lines = clean.split('\n')
      lines.forEach((line, i) => {
        if (i > 0) this.addBreak()
        if (line) this.append(line, marks)
      })
      return
    }
    let value = collapseWhitespace(clean)
    if (value.startsWith(' ') && this.endsWithSpaceOrEdge()) value = value.slice(1)
    if (value) this.append(value, marks)
  }

  /** Adds a line break (`<br>`, a hard break in Markdown, a newline inside a text paragraph). */
  addBreak(): void {
    this.trimTrailingSpace()
    this.nodes.push({ type: 'hard_break' })
  }

  /** Hands out the collected content, trimmed at both edges, and empties the buffer. */
  take(): InlineNode[] {
    this.trimTrailingSpace()
    const nodes = this.nodes
    this.nodes = []
    while (nodes.length > 0 && nodes[nodes.length - 1]?.type === 'hard_break') nodes.pop()
    while (nodes.length > 0 && nodes[0]?.type === 'hard_break') nodes.shift()
    return nodes
  }

  private append(value: string, marks: readonly Mark[]): void {
    const last = this.nodes[this.nodes.length - 1]
    if (last?.type === 'text' && sameMarks(last.marks, marks)) {
      last.text += value
      return
    }
    const node: TextNode = { type: 'text', text: value }
    if (marks.length > 0)
      node.marks = marks.map((m) =>
        m.type === 'link' ? { type: 'link', attrs: { ...m.attrs } } : { type: m.type },
      )
    this.nodes.push(node)
  }

  private endsWithSpaceOrEdge(): boolean {
    const last = this.nodes[this.nodes.length - 1]
    return !last || last.type === 'hard_break' || last.text.endsWith(' ')
  }

  private trimTrailingSpace(): void {
    const last = this.nodes[this.nodes.length - 1]
    if (last?.type !== 'text' || !last.text.endsWith(' ')) return
    last.text = last.text.slice(0, -1)
    if (!last.text) this.nodes.pop()
  }
}
