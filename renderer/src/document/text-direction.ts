import type { Node as PMNode } from 'prosemirror-model'

const LETTER = /\p{L}/u
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u

/** Direction of the first letter in `text` (the bidi "first strong" rule), or null when it has none. */
export function firstStrongOfText(text: string): 'rtl' | 'ltr' | null {
  const m = LETTER.exec(text)
  if (!m) return null
  return RTL_SCRIPT.test(m[0]) ? 'rtl' : 'ltr'
}

/**
 * The direction `dir="auto"` would give a container block if HTML looked
 * inside its children. It does not: `auto` skips descendants that carry their
 * own `dir`, and since every paragraph carries `dir="auto"`, a blockquote or
 * list marked `auto` finds no letter and falls back to ltr, putting an Arabic
 * list's bullets on the left. So containers get the answer computed here
 * (stopping at the first letter), or no `dir` at all and inherit the article's.
 */
export function firstStrongOfNode(node: PMNode): 'rtl' | 'ltr' | null {
  if (node.isText) return firstStrongOfText(node.text ?? '')
  for (let i = 0; i < node.childCount; i++) {
    const found = firstStrongOfNode(node.child(i))
    if (found) return found
  }
  return null
}
