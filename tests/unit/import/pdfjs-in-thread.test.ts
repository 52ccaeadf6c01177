import { describe, expect, it } from 'vitest'
import { loadPdfjs } from '../../../main/import/pdfjs-in-thread'

// Taken before pdf.js is loaded in this file's process: the engine's own method.
const nativePush = Array.prototype.push

describe('pdf.js loaded in the calling thread', () => {
  it('leaves the engine’s own Array.prototype.push in place (the legacy build’s core-js swaps in a slower one)', async () => {
    const { pdfjs } = await loadPdfjs()
    expect(typeof pdfjs.getDocument).toBe('function')
    expect(Array.prototype.push).toBe(nativePush)
  })
})
