import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** A font file to embed in an exported HTML page (and so in its PDF). */
export interface EmbeddedFont {
  family: string
  weight: number
  woff2Base64: string
}

const FILES: { family: string; pkg: string; weight: number; file: string }[] = [
  { family: 'Amiri', pkg: '@fontsource/amiri', weight: 400, file: 'amiri-arabic-400-normal.woff2' },
  { family: 'Amiri', pkg: '@fontsource/amiri', weight: 700, file: 'amiri-arabic-700-normal.woff2' },
  { family: 'Amiri', pkg: '@fontsource/amiri', weight: 400, file: 'amiri-latin-400-normal.woff2' },
  { family: 'Amiri', pkg: '@fontsource/amiri', weight: 700, file: 'amiri-latin-700-normal.woff2' },
]

let cached: EmbeddedFont[] | null = null

/**
 * The bundled Amiri faces (Arabic and Latin subsets, regular and bold) as
 * base64, read once from the @fontsource package: exports carry their font
 * with them and never fetch one.
 */
export function exportFonts(): EmbeddedFont[] {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  cached = FILES.map(({ family, pkg, weight, file }) => {
    const dir = dirname(require.resolve(`${pkg}/package.json`))
    return { family, weight, woff2Base64: readFileSync(join(dir, 'files', file)).toString('base64') }
  })
  return cached
}
