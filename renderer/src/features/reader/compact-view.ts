import type { EditorView } from 'prosemirror-view'

/** The part of prosemirror-view's internal view tree (`view.docView`) that this trims. */
interface Desc {
  children: Desc[]
  contentDOM: globalThis.Node | null
}

/** Shared by every leaf, frozen so that a change to one could never reach the others unnoticed. */
const NO_CHILDREN: Desc[] = Object.freeze([]) as unknown as Desc[]

/**
 * Gives back the spare room ProseMirror leaves in its view tree after
 * drawing an article. Each block's view description collects its children
 * with `splice` into an empty array, which V8 grows to room for 17, so a
 * paragraph of one text node holds 64 unused bytes: about 270 KB for the
 * 4,300 paragraphs of the benchmark's book (bench reader-open), a sixth of
 * the heap the article costs. An exact copy of each array is kept instead
 * (ProseMirror still edits them in place when decorations change), and the
 * leaves, a text node per paragraph, share one empty array (another 16 bytes each). Relies on
 * `docView`, which prosemirror-view does not type; without it this does nothing.
 */
export function compactViewTree(view: EditorView): void {
  const root = (view as unknown as { docView?: Desc }).docView
  if (!root || !Array.isArray(root.children)) return
  const stack: Desc[] = [root]
  for (let desc = stack.pop(); desc; desc = stack.pop()) {
    for (const child of desc.children) {
      if (child.children.length) {
        child.children = child.children.slice()
        stack.push(child)
      } else if (!child.contentDOM) {
        // A leaf (a text node, a line break) never has children: ProseMirror edits only those with content.
        child.children = NO_CHILDREN
      }
    }
  }
}
