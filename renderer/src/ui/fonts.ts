// The Arabic fonts ship inside the app: Vite bundles these stylesheets and
// their woff2 files, so reading never fetches anything from the network.
import '@fontsource/amiri/400.css'
import '@fontsource/amiri/700.css'
import '@fontsource/noto-naskh-arabic/400.css'
import '@fontsource/noto-naskh-arabic/700.css'
import type { ReaderFont } from '../../../common/article'

/**
 * CSS font stacks per reading-font setting. Each bundled font falls back to
 * the other (both cover Arabic and Latin), then to the platform's serif.
 */
export const FONT_STACKS: Record<ReaderFont, string> = {
  amiri: "'Amiri', 'Noto Naskh Arabic', serif",
  'noto-naskh-arabic': "'Noto Naskh Arabic', 'Amiri', serif",
  system: "system-ui, 'Segoe UI', 'Noto Sans Arabic', 'Geeza Pro', sans-serif",
}

/**
 * Loads the reading font's regular face (Arabic and Latin subsets) before a
 * long article is laid out. The bundled faces use `font-display: swap`, so
 * without this a book is laid out once in the fallback font and again when
 * Amiri arrives — twice the layout work of the first paint. Never rejects:
 * a font that fails to load leaves the fallback, as it would anyway.
 */
export async function loadReadingFont(): Promise<void> {
  const family = getComputedStyle(document.documentElement).getPropertyValue('--reader-font-family').trim()
  if (!family) return
  await Promise.all([
    document.fonts.load(`16px ${family}`, 'بسم الله'),
    document.fonts.load(`16px ${family}`, 'Aa'),
  ]).catch(() => undefined)
}
