/** A colour as the CSSOM reports it: 0–255 channels and an alpha in 0–1. */
export interface Rgba {
  r: number
  g: number
  b: number
  a: number
}

/**
 * Reads a computed colour (`rgb(…)`, `rgba(…)`, or `color(srgb …)` which
 * Chromium reports for color-mix results), so the tests can check what the
 * browser actually paints rather than what the stylesheet meant to say.
 */
export function parseCssColor(text: string): Rgba {
  const value = text.trim()
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value)
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]) / (rgb[5] ? 100 : 1)
    return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: alpha }
  }
  const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.e-]+))?\s*\)$/.exec(value)
  if (srgb) {
    return {
      r: Number(srgb[1]) * 255,
      g: Number(srgb[2]) * 255,
      b: Number(srgb[3]) * 255,
      a: srgb[4] === undefined ? 1 : Number(srgb[4]),
    }
  }
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 }
  throw new Error(`not a colour this helper reads: ${text}`)
}

/** `top` painted over `bottom` (source-over), as the screen shows a translucent highlight over the page. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a)
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 }
  const mix = (t: number, b: number): number => (t * top.a + b * bottom.a * (1 - top.a)) / a
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a }
}

/** WCAG 2 relative luminance of an opaque colour. */
export function relativeLuminance(c: Rgba): number {
  const channel = (v: number): number => {
    const s = v / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/** WCAG 2 contrast ratio (1–21) between two opaque colours; AA body text needs 4.5. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}
