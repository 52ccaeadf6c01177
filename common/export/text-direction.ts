import type { SegmentedBlock } from './segments'
import { textBlockPieces } from './segments'

/** Letters of the right-to-left scripts. */
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u
const LETTER = /\p{L}/u

/** The direction of a text's first letter, or null when it has none (digits, punctuation). */
export function firstStrongDirection(text: string): 'rtl' | 'ltr' | null {
  const m = LETTER.exec(text)
  if (!m) return null
  return RTL_LETTER.test(m[0]) ? 'rtl' : 'ltr'
}

/**
 * The direction of a quote or list from the first letter of its text. Text
 * blocks carry dir="auto" themselves, but a container with dir="auto" whose
 * children all set their own direction resolves to LTR in Chromium (see
 * docs/ARCHITECTURE.md), so containers get an explicit one: bullets and
 * quote bars then sit on the side the text starts from.
 */
export function blockDirection(blocks: readonly SegmentedBlock[]): 'rtl' | 'ltr' | null {
  for (const pieces of textBlockPieces(blocks)) {
    for (const piece of pieces) {
      if (piece.kind !== 'text') continue
      const dir = firstStrongDirection(piece.text)
      if (dir) return dir
    }
  }
  return null
}
