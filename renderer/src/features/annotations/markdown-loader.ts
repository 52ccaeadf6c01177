import type { MarkdownOptions } from './markdown'

type Render = (source: string, options?: MarkdownOptions) => DocumentFragment

let render: Render | null = null
let loading: Promise<Render> | null = null

/**
 * Loads the note renderer (markdown.ts, with markdown-it and its entity and
 * Unicode tables: about 150 KB of heap) as its own chunk, once. Reading an
 * article without notes never needs it, so it is not part of the start-up
 * bundle; the reader asks for it before drawing an article that has notes,
 * and the highlight popover when it opens, before a note can be written.
 */
export function loadMarkdown(): Promise<Render> {
  loading ??= import('./markdown').then(
    (m) => (render = m.renderMarkdown),
    (err: unknown) => {
      loading = null
      throw err
    },
  )
  return loading
}

/**
 * Fills `block` with the note's Markdown rendered: at once when the renderer
 * is loaded, else as plain text until it is (a few milliseconds from the
 * app's own files).
 */
export function renderNoteInto(block: HTMLElement, note: string, options: MarkdownOptions): void {
  if (render) {
    block.append(render(note, options))
    return
  }
  block.textContent = note
  loadMarkdown().then(
    (r) => block.replaceChildren(r(note, options)),
    () => undefined,
  )
}
