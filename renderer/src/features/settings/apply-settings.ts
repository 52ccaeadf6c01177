import type { ReadingSettings } from '../../../../common/article'
import { FONT_STACKS } from '../../ui/fonts'

/**
 * Applies reading settings to the page: CSS custom properties on the root
 * element (read by styles/reader.css) and the theme as `data-theme` (read by
 * styles/themes.css). Uses the CSSOM, which the CSP allows, never a `style`
 * attribute, which it forbids.
 */
export function applySettings(settings: ReadingSettings, root: HTMLElement = document.documentElement): void {
  lastApplied = { settings, root }
  root.style.setProperty('--reader-font-family', FONT_STACKS[settings.font])
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`)
  root.style.setProperty('--reader-line-height', String(settings.lineHeight))
  root.style.setProperty('--reader-column-width', `${settings.columnWidth}ch`)
  // "Like the system" resolves to light or dark now, and again whenever the OS preference changes.
  root.dataset.theme =
    settings.theme === 'system' ? (darkScheme()?.matches ? 'dark' : 'light') : settings.theme
  root.dataset.themeSetting = settings.theme
  root.dataset.readerFont = settings.font
}

let lastApplied: { settings: ReadingSettings; root: HTMLElement } | null = null
let schemeQuery: MediaQueryList | null = null

/** The OS light/dark preference, watched once so a "system" theme follows it live. */
function darkScheme(): MediaQueryList | null {
  if (schemeQuery || typeof matchMedia !== 'function') return schemeQuery
  schemeQuery = matchMedia('(prefers-color-scheme: dark)')
  schemeQuery.addEventListener('change', () => {
    if (lastApplied?.settings.theme === 'system') applySettings(lastApplied.settings, lastApplied.root)
  })
  return schemeQuery
}
