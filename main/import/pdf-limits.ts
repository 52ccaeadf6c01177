/**
 * The bounds a PDF is read within, in one place (like the EPUB archive's):
 * a file past them is refused with a reason rather than read until memory
 * or patience runs out. Bytes are already held to MAX_IMPORT_BYTES.
 */
export const PDF_LIMITS = {
  /** Pages: a 2,000-page PDF is already a long book; page-count bombs declare millions. */
  maxPages: 2000,
  /** Text runs on one page: a page of small print has a few thousand. */
  maxRunsPerPage: 100_000,
  /**
   * Bytes one stream may unpack to (a page's content, a font): a dense page's
   * content is a few MB, a large font 20 MB; a "PDF bomb" packs gigabytes of
   * nothing into a few (3 GB in 3 MB took 6.5 GB of memory and a minute).
   */
  maxStreamBytes: 128 * 1024 * 1024,
} as const

/**
 * The smallest gap between two glyphs, in em of their font size, that is a
 * word space (pdfjs-in-thread.ts). pdf.js uses 0.102 em; Arabic set by TeX
 * in Amiri leaves 0.12 em inside words after a non-joining letter, and
 * justified word spaces there are 0.20 em and more.
 */
export const PDF_WORD_GAP_EM = 0.16
