import { HIGHLIGHT_COLORS } from '../annotation'

/** A font to embed: the caller reads the woff2 file (e.g. from @fontsource) and passes it as base64. */
export interface EmbeddedFont {
  family: string
  weight: number
  woff2Base64: string
}

/** Paper sizes the print stylesheet knows (Letter for North America, A4 elsewhere). */
export type Paper = 'A4' | 'Letter'

/** The reader's light-theme highlight colours (renderer/src/styles/annotations.css): fill, and line for overlaps. */
const HIGHLIGHT_FILL: Record<(typeof HIGHLIGHT_COLORS)[number], [fill: string, line: string]> = {
  yellow: ['rgb(255 208 0 / 42%)', '#c79a00'],
  green: ['rgb(64 196 110 / 32%)', '#23914a'],
  blue: ['rgb(64 150 255 / 30%)', '#2a6fd0'],
  pink: ['rgb(255 90 160 / 30%)', '#cc2f73'],
  purple: ['rgb(150 96 235 / 30%)', '#7a45c9'],
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** A CSS string literal: anything but letters, digits, space, `-` and `_` as a CSS escape (so no `</style>`). */
export function cssString(value: string): string {
  return `"${value.replace(/[^\p{L}\p{N} _-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`
}

/**
 * @font-face rules with the fonts as data: URLs — the only way a font
 * reaches a file that loads nothing from anywhere. Throws on bytes that are
 * not base64, which could otherwise end the url() and inject CSS.
 */
export function fontFaces(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map((font) => {
      if (!BASE64.test(font.woff2Base64)) throw new TypeError(`the ${font.family} font is not base64`)
      const weight =
        Number.isInteger(font.weight) && font.weight >= 1 && font.weight <= 1000 ? font.weight : 400
      return (
        `@font-face{font-family:${cssString(font.family)};font-style:normal;font-weight:${weight};` +
        `font-display:block;src:url(data:font/woff2;base64,${font.woff2Base64}) format("woff2")}`
      )
    })
    .join('\n')
}

/**
 * The export's whole stylesheet: reading layout in the embedded font,
 * highlights in the reader's colours, footnotes, and print rules (paper
 * size and margins, white page, highlight colours printed exactly). Print
 * takes the colour off the article's own links and the footnote marks, but
 * not off the links in notes: on paper a reader must still see what a note
 * points to (and the PDF keeps them clickable).
 */
export function stylesheet(fonts: readonly EmbeddedFont[], paper: Paper): string {
  const families = [...new Set(fonts.map((f) => f.family))].map(cssString)
  const fontStack = [...families, 'serif'].join(',')
  const colours = HIGHLIGHT_COLORS.map((c) => {
    const [fill, line] = HIGHLIGHT_FILL[c]
    return `--hl-${c}:${fill};--hl-${c}-line:${line};`
  }).join('')
  const classes = HIGHLIGHT_COLORS.map(
    (c) => `.hl-${c}{--hl-bg:var(--hl-${c});--hl-line:var(--hl-${c}-line)}`,
  ).join('\n')
  return `${fontFaces(fonts)}
:root{color-scheme:light;${colours}}
html{font-family:${fontStack};font-size:20px;line-height:1.9;color:#1b1b1b;background:#fff;-webkit-text-size-adjust:100%}
body{max-width:40em;margin:0 auto;padding:2.5em 1.5em 4em}
.doc-header{border-bottom:1px solid #d0d0d0;margin-bottom:1.8em}
.doc-header h1{font-size:1.7em;line-height:1.5;margin:0 0 .3em}
.doc-meta,.note-meta,.note-app-link,.unplaced-hint{font-family:system-ui,sans-serif;font-size:.7em;line-height:1.6;color:#555}
.doc-meta{margin:0 0 1.2em}
.doc-citation{font-size:.85em;line-height:1.6;margin:0 0 .4em;color:#333}
h2,h3,h4{line-height:1.5;margin:1.4em 0 .5em}
article h2{font-size:1.45em}
article h3{font-size:1.25em}
article h4{font-size:1.1em}
p{margin:0 0 .9em}
blockquote{margin:1em 0;padding-inline-start:1em;border-inline-start:3px solid #c8c8c8;color:#333}
ul,ol{padding-inline-start:1.6em}
li>p{margin:0 0 .4em}
a{color:#1a5fb4}
code{font-size:.85em}
pre{white-space:pre-wrap;text-align:left;font-size:.85em}
${classes}
mark.hl{color:inherit;background-color:var(--hl-bg);-webkit-print-color-adjust:exact;print-color-adjust:exact}
sup.fn-ref{font-family:system-ui,sans-serif;font-size:.6em;line-height:0}
sup.fn-ref a{text-decoration:none;padding:0 .15em}
.notes,.unplaced{margin-top:3em;padding-top:.5em;border-top:1px solid #d0d0d0;font-size:.9em}
.notes h2,.unplaced h2{font-size:1.2em}
.notes-list>li{margin-bottom:1em}
.note-quote{margin:.3em 0 .5em;padding-inline-start:.8em;border-inline-start:3px solid var(--hl-line,#c8c8c8);color:#333}
.note-heading{font-weight:bold}
.note-meta{margin:.2em 0 .6em}
.note-app-link{margin:.2em 0}
.unplaced-entry{margin-bottom:1.5em}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;vertical-align:-.05em;background:var(--hl-bg);box-shadow:inset 0 0 0 1px var(--hl-line);-webkit-print-color-adjust:exact;print-color-adjust:exact}
.back{text-decoration:none}
@page{size:${paper === 'Letter' ? 'letter' : 'A4'};margin:18mm 16mm 20mm}
@media print{
html{font-size:12pt;background:none}
body{max-width:none;margin:0;padding:0}
a{color:inherit;text-decoration:none}
.note-body a,.note-app-link a{color:#1a5fb4;text-decoration:underline}
h1,h2,h3,h4{break-after:avoid}
li,blockquote,.unplaced-entry{break-inside:avoid}
}`
}
