/**
 * How much of a source's text an import kept, in order: the share of the
 * source's 4-word phrases found word for word in the imported text, and the
 * source paragraphs of which fewer than a third of the phrases are found. Both
 * sides are folded alike first (marks, tatweel and punctuation dropped;
 * Persian ی/ک and Arabic ي/ى/ك, and the hamza forms of alif, made one), so
 * what is compared is the words and their order, not a font's spelling of a
 * letter. A phrase in visual order, a word split in two, two words run
 * together or a paragraph lost all count against it.
 */
export interface Coverage {
  phrases: number
  found: number
  share: number
  missingParagraphs: string[]
}

export function foldForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF\u0640\u200B-\u200F\u2066-\u2069\u00AD]/g, '')
    .replace(/[یىيۦ]/g, 'ي')
    .replace(/[کك]/g, 'ك')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase()
}

function phrasesOf(paragraph: string): string[] {
  const words = foldForComparison(paragraph).split(' ').filter(Boolean)
  const phrases: string[] = []
  for (let i = 0; i + 4 <= words.length; i++) phrases.push(words.slice(i, i + 4).join(' '))
  return phrases
}

export function phraseCoverage(sourceParagraphs: string[], imported: string): Coverage {
  const text = ` ${foldForComparison(imported)} `
  let phrases = 0
  let found = 0
  const missingParagraphs: string[] = []
  for (const paragraph of sourceParagraphs) {
    const own = phrasesOf(paragraph)
    const hits = own.filter((p) => text.includes(` ${p} `)).length
    phrases += own.length
    found += hits
    if (own.length > 0 && hits * 3 < own.length) missingParagraphs.push(paragraph)
  }
  return { phrases, found, share: phrases === 0 ? 0 : found / phrases, missingParagraphs }
}

/**
 * The paragraphs of a Pandoc Markdown source as text: blank-line blocks,
 * without headings (see the caller for why), table rules, link targets,
 * attribute braces, code ticks, footnote references and list or
 * definition markers.
 */
export function markdownParagraphs(markdown: string): string[] {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split(/\n\s*\n/)
    .filter((block) => !/^\[[^\]]+\]:/.test(block.trim()))
    .map((block) =>
      block
        .split('\n')
        .filter((line) => !/^\s*#/.test(line) && !/^[\s-]+$/.test(line))
        .map((line) => line.replace(/^\s*(?:[*:]\s+|:\s*)/, ''))
        .join(' ')
        .replace(/\[\^[^\]]*\]/g, '')
        .replace(/\]\([^)]*\)/g, ']')
        .replace(/\{[^}]*\}/g, '')
        .replace(/[[\]`_]/g, ''),
    )
    .filter((p) => p.trim() !== '')
}

/**
 * The share of a source's words (folded as above) found in the imported
 * text in the same order: each word is looked for a little way past the
 * last one found, so a word split («النأ دلس»), misspelt by a misplaced
 * letter or moved elsewhere counts as missing.
 */
export function wordsInOrder(sourceParagraphs: string[], imported: string): number {
  const words = foldForComparison(sourceParagraphs.join(' ')).split(' ').filter(Boolean)
  const got = foldForComparison(imported).split(' ').filter(Boolean)
  let at = 0
  let found = 0
  for (const word of words) {
    const next = got.indexOf(word, at)
    if (next >= 0 && next - at <= 30) {
      found++
      at = next + 1
    }
  }
  return words.length === 0 ? 0 : found / words.length
}
