import { strings } from '../strings'
import { button, el } from './dom'

/** The bar's controls the app updates as the route changes. */
export interface Topbar {
  element: HTMLElement
  setRoute(name: 'library' | 'reader'): void
}

/**
 * The app's top bar, sticky above every page: the name, the way back to the
 * library, and Import, Reading settings and Help. Always in the interface's
 * language and direction, whatever the article below.
 */
export function createTopbar(actions: {
  onImport(): void
  onSettings(): void
  onHelp(): void
  onSkip(): void
}): Topbar {
  const libraryLink = el('a', { class: 'nav-link', attrs: { href: '#/' }, text: strings.navLibrary })
  const element = el('header', { class: 'topbar' }, [
    button(strings.skipToContent, actions.onSkip, { class: 'skip-link' }),
    el('a', { class: 'brand', attrs: { href: '#/' } }, [
      el('span', { class: 'brand-name', text: strings.appName }),
      el('span', { class: 'brand-arabic', attrs: { lang: 'ar', dir: 'rtl' }, text: strings.appTagline }),
    ]),
    el('nav', { class: 'topbar-nav', attrs: { 'aria-label': strings.mainNavigation } }, [libraryLink]),
    el('div', { class: 'topbar-actions' }, [
      button(strings.navImport, actions.onImport, {
        class: 'primary',
        attrs: { 'data-action': 'import', title: strings.importShortcut },
      }),
      button(strings.navSettings, actions.onSettings, {
        attrs: { 'data-action': 'settings', title: strings.settingsShortcut },
      }),
      button(strings.navHelp, actions.onHelp, { attrs: { 'data-action': 'help' } }),
    ]),
  ])
  return {
    element,
    setRoute(name) {
      if (name === 'library') libraryLink.setAttribute('aria-current', 'page')
      else libraryLink.removeAttribute('aria-current')
    },
  }
}
