import { describe, expect, it } from 'vitest'
import { linesOf, type PdfRun } from '../../../main/import/pdf-layout'

/** A run on the line at y 253.38, 13 pt, as pdf-page-runs.ts makes it from pdf.js's items. */
const run = (text: string, x: number, width: number): PdfRun => ({ text, x, width, y: 253.38, size: 13 })

describe('lines of runs pdf.js gives for a lam-alef after a word space', () => {
  // Measured on a Chromium-printed page (the review's ar-article.pdf, p. 4): pdf.js put a second space
  // between the alef and the lam of «ولا», and widened the run by that gap up to «الكويت», whose word
  // space it so covered: «الكويتول ا أي حامية».
  it('reads «الكويت ولا أي حامية»', () => {
    const runs = [run('ةيماح', 440.01, 34.22), run('يأ ا لو', 477.1, 29.68), run('تيوكلا', 506.78, 33.0)]
    expect(linesOf(runs).map((l) => l.text)).toEqual(['الكويت ولا أي حامية'])
  })

  // The same run followed by the rest of its word («فلا»): no space comes between them.
  it('keeps a word whole when the next run drawn starts inside the widened run', () => {
    const runs = [run('يأ ا ل', 477.1, 23.6), run('ف', 497.0, 5.0)]
    expect(linesOf(runs).map((l) => l.text)).toEqual(['فلا أي'])
  })
})
