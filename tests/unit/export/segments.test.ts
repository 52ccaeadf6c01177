import { describe, expect, it } from 'vitest'
import type { AnchoredAnnotation } from '../../../common/annotation'
import { paragraph, text, type DocNode } from '../../../common/document'
import { segmentDocument, type Piece } from '../../../common/export'
import { textBlockPieces } from '../../../common/export/segments'
import { codePointLength, plainText, textBlocks } from '../../../common/plain-text'
import { annotate, article, orphan, random, type Spec } from './helpers'
import { randomDoc } from './samples'

const pieceText = (p: Piece): string => (p.kind === 'text' ? p.text : '\n')

/** Checks pieces against offsets computed independently from plain-text.ts. */
function check(doc: DocNode, annotations: AnchoredAnnotation[]): void {
  const { blocks, placed, unplaced } = segmentDocument(doc, annotations)
  const expected = textBlocks(doc)
  const got = [...textBlockPieces(blocks)]
  expect(got.map((pieces) => pieces.map(pieceText).join(''))).toEqual(expected)
  const endings = new Map<string, number>()
  const lastCovered = new Map<string, number>()
  let offset = 0
  let index = 0
  got.forEach((pieces, b) => {
    if (b > 0) offset += 2
    for (const p of pieces) {
      const length = codePointLength(pieceText(p))
      const over = annotations.filter(
        (a) => !a.deleted && a.anchor && a.anchor.start < offset + length && a.anchor.end > offset,
      )
      // A piece never straddles a boundary: whoever covers part of it covers all of it.
      for (const a of over) expect(a.anchor!.start <= offset && a.anchor!.end >= offset + length).toBe(true)
      expect((p.cover ?? []).map((a) => a.id).sort()).toEqual(over.map((a) => a.id).sort())
      for (const a of over) lastCovered.set(a.id, index)
      for (const a of p.endings ?? []) {
        expect(endings.has(a.id)).toBe(false)
        endings.set(a.id, index)
      }
      offset += length
      index++
    }
  })
  expect(endings).toEqual(lastCovered)
  expect(new Set(placed.map((a) => a.id))).toEqual(new Set(lastCovered.keys()))
  const live = annotations.filter((a) => !a.deleted)
  expect(placed.length + unplaced.length).toBe(live.length)
}

describe('segmentDocument', () => {
  it('cuts blocks at every boundary, code points counted as plain-text.ts does', () => {
    const next = random(99)
    for (let round = 0; round < 200; round++) {
      const doc = randomDoc(next)
      const length = codePointLength(plainText(doc))
      const specs: Spec[] = []
      for (let k = Math.floor(next() * 8); k > 0; k--) {
        const start = Math.floor(next() * (length - 1))
        specs.push({ start, end: Math.min(length, start + 1 + Math.floor(next() * 30)) })
      }
      check(doc, annotate(doc, specs))
    }
  })

  it('works on the structured fixture with overlapping highlights', () => {
    const art = article('udhr-arb.html')
    const length = codePointLength(plainText(art.doc))
    const specs: Spec[] = []
    for (let s = 0; s + 130 < length; s += 97)
      specs.push({ start: s, end: s + 40 }, { start: s + 20, end: s + 130 })
    check(art.doc, annotate(art.doc, specs))
  })

  it('lists as unplaced: orphans, anchors only on a block separator, anchors past the end; never deleted ones', () => {
    const doc: DocNode = { type: 'doc', content: [paragraph([text('أول 😀')]), paragraph([text('ثان')])] }
    const [inGap, ok, past] = annotate(doc, [
      { start: 0, end: 1 },
      { start: 4, end: 5 },
      { start: 0, end: 1 },
    ])
    const gap = { ...inGap!, anchor: { start: 6, end: 7, method: 'position' as const } }
    const beyond = { ...past!, anchor: { start: 40, end: 45, method: 'position' as const } }
    const lost = orphan('x', '')
    const gone = { ...ok!, id: 'deleted', deleted: true }
    const { placed, unplaced, blocks } = segmentDocument(doc, [lost, beyond, gone, ok!, gap])
    expect(placed.map((a) => a.id)).toEqual([ok!.id])
    expect(unplaced.map((a) => a.id)).toEqual([gap.id, beyond.id, lost.id])
    // The emoji is one code point: [4, 5) is exactly it.
    const pieces = [...textBlockPieces(blocks)][0]!
    expect(pieces.map((p) => [pieceText(p), p.cover?.length ?? 0])).toEqual([
      ['أول ', 0],
      ['😀', 1],
    ])
  })
})
