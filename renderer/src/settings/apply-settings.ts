import type { ReadingSettings } from '../../../common/article'
import { FONT_STACKS } from './fonts'

/**
 * Applies reading settings to the page: CSS custom properties on the root
 * element (read by styles/reader.css) and the theme as `data-theme` (read by
 * styles/themes.css). Uses the CSSOM, which the CSP allows, never a `style`
 * attribute, which it forbids.
 */
export function applySettings(settings: ReadingSettings, root: HTMLElement = document.documentElement): void {
  root.style.setProperty('--reader-font-family', FONT_STACKS[settings.font])
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`)
  root.style.setProperty('--reader-line-height', String(settings.lineHeight))
  root.style.setProperty('--reader-column-width', `${settings.columnWidth}ch`)
  root.dataset.theme = settings.theme
  root.dataset.readerFont = settings.font
}
