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
