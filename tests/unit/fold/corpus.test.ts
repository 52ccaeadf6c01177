import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { foldQuery, foldText, originalRange } from '../../../common/arabic-fold'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')
const vocalised = fixture('large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
const plain = fixture('large-books/adab-al-dunya-wa-al-din.NO-TASHKEEL.derived.txt')

describe('folding the corpus', () => {
  it('folds every line of the vocalised Tashkeela book to its line in the NO-TASHKEEL copy', () => {
    const a = vocalised.split('\n')
    const b = plain.split('\n')
    expect(a.length).toBe(b.length)
    expect(a.length).toBeGreaterThan(4290)
    const differ = a.filter((line, i) => foldQuery(line) !== foldQuery(b[i]!)).length
    expect(differ).toBe(0)
  })

  // How fast is the benchmarks' business (npm run bench): timed assertions flake on shared machines.
  it('folds the whole 1.47 MB book to the same text as its unvocalised copy', () => {
    const f = foldText(vocalised)
    expect(f.text).toBe(foldText(plain).text)
    expect(f.text.length).toBeLessThan(vocalised.length * 0.7)
  })

  it("finds the Amiri docs' Farsi-yeh words from Arabic spelling and highlights the originals", () => {
    const doc = fixture('amiri-Documentation-Arabic.md')
    expect(doc).toContain('\u06cc')
    const f = foldText(doc)
    expect(f.text).not.toContain('\u06cc')
    const query = foldQuery('الأميري') // typed with Arabic yaa
    const hits: string[] = []
    for (let i = f.text.indexOf(query); i !== -1; i = f.text.indexOf(query, i + 1)) {
      hits.push(doc.slice(...originalRange(f, i, i + query.length)))
    }
    expect(hits.length).toBeGreaterThanOrEqual(12)
    expect(hits).toContain('الأمیری')
    // Extended Arabic-Indic digits of the docs fold to ASCII.
    expect(foldQuery('۱۲۳')).toBe('123')
  })
})
