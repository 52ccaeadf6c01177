import { describe, expect, it } from 'vitest'
import { reorderLine } from '../../../common/bidi-visual-order'

/** An Arabic word as a page draws it, left to right: its letters reversed. */
const drawn = (word: string): string => [...word].reverse().join('')

// Each visual string is what Chromium drew for the logical one (pdf.js's glyph order, tests/unit/import).
describe('reorderLine: a line in visual order back to logical order', () => {
  it('numbers after Arabic letters are Arabic numbers, whose «-» does not join them', () => {
    expect(reorderLine(`(1931-1847) ${drawn('توماس')}`, true)).toBe('توماس (1847-1931)')
    expect(reorderLine(`15-03-2024 :${drawn('التاريخ')}`, true)).toBe('التاريخ: 2024-03-15')
    expect(reorderLine(`4567 123 50 966+ ${drawn('الهاتف')}`, true)).toBe('الهاتف +966 50 123 4567')
    expect(reorderLine(`%12.5 ${drawn('النسبة')}`, true)).toBe('النسبة 12.5%')
  })

  it('numbers in a Latin token or run stay in it', () => {
    expect(reorderLine(`${drawn('الهاتف')} ،LM AS-206 ${drawn('رحلة')}`, true)).toBe('رحلة LM AS-206، الهاتف')
    expect(reorderLine(`v2.3.1 ${drawn('الإصدار')}`, true)).toBe('الإصدار v2.3.1')
    expect(reorderLine(`${drawn('الجديد')} Windows 10 ${drawn('نظام')}`, true)).toBe('نظام Windows 10 الجديد')
    expect(reorderLine(`.Node.js ${drawn('من')}`, true)).toBe('من Node.js.')
  })

  it('a note number first in a right-to-left line, before an English reference', () => {
    expect(reorderLine('.Halil İnalcık, London 1973, p. 55 12', true)).toBe(
      '12 Halil İnalcık, London 1973, p. 55.',
    )
    expect(reorderLine(`${drawn('عندما')} ”€â 1986 ${drawn('في')}`, true)).toBe('في 1986 â€” عندما')
  })

  it('a number set after an invisible right-to-left mark keeps its own level (a bracket pair between)', () => {
    expect(reorderLine(`${drawn('مخترع')} ،(1847-1931) (Thomas Alva Edison`, true)).toBe(
      'Thomas Alva Edison) (1847-1931)، مخترع',
    )
  })

  it('an Arabic word in an English line, with its marks', () => {
    expect(reorderLine(`the word ${drawn('السلام')} in it`, false)).toBe('the word السلام in it')
    expect(reorderLine(`${drawn('بَ')}`, false)).toBe('بَ')
  })

  it('characters known to stand in right-to-left text split a Latin run (TeX boxes)', () => {
    expect(reorderLine('U+0669 – U+0660', true)).toBe('U+0669 – U+0660')
    expect(reorderLine('U+0669 – U+0660', true, new Set([6, 7, 8]))).toBe('U+0660 – U+0669')
  })
})
