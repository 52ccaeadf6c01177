import { describe, expect, it } from 'vitest'
import { composite, contrastRatio, parseCssColor, relativeLuminance } from '../../support/wcag-contrast'

describe('WCAG contrast maths used by the highlight contrast test', () => {
  it('reads the colour forms Chromium computes', () => {
    expect(parseCssColor('rgb(31, 35, 40)')).toEqual({ r: 31, g: 35, b: 40, a: 1 })
    expect(parseCssColor('rgba(255, 208, 0, 0.42)')).toEqual({ r: 255, g: 208, b: 0, a: 0.42 })
    expect(parseCssColor('rgb(255 208 0 / 42%)')).toEqual({ r: 255, g: 208, b: 0, a: 0.42 })
    expect(parseCssColor('color(srgb 1 0.5 0 / 0.25)')).toEqual({ r: 255, g: 127.5, b: 0, a: 0.25 })
    expect(parseCssColor('rgba(0, 0, 0, 0)').a).toBe(0)
    expect(() => parseCssColor('hsl(0 0% 0%)')).toThrow()
  })

  it('gives the published ratios for black, white and a mid grey', () => {
    const black = parseCssColor('rgb(0, 0, 0)')
    const white = parseCssColor('rgb(255, 255, 255)')
    expect(relativeLuminance(white)).toBeCloseTo(1, 6)
    expect(relativeLuminance(black)).toBe(0)
    expect(contrastRatio(black, white)).toBeCloseTo(21, 6)
    expect(contrastRatio(white, black)).toBeCloseTo(21, 6)
    // #767676 on white is the well-known smallest grey that passes AA (4.54:1).
    expect(contrastRatio(parseCssColor('rgb(118, 118, 118)'), white)).toBeCloseTo(4.54, 2)
    expect(contrastRatio(parseCssColor('rgb(119, 119, 119)'), white)).toBeLessThan(4.5)
  })

  it('composites a translucent colour over an opaque one', () => {
    const page = parseCssColor('rgb(255, 255, 255)')
    const halfBlack = parseCssColor('rgba(0, 0, 0, 0.5)')
    const out = composite(halfBlack, page)
    expect(out.a).toBe(1)
    expect(out.r).toBeCloseTo(127.5, 6)
    expect(composite(parseCssColor('rgba(0, 0, 0, 0)'), page)).toEqual(page)
    expect(composite(parseCssColor('rgb(10, 20, 30)'), page)).toEqual({ r: 10, g: 20, b: 30, a: 1 })
  })
})
