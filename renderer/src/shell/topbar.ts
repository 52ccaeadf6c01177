import { strings, UI_LANG } from '../ui/strings'
import type { Route } from '../ui/routes'
import { button, el } from '../ui/dom'

/** The bar's controls the app updates as the route changes. */
export interface Topbar {
  element: HTMLElement
  setRoute(name: Route['name']): void
}

/**
 * The app's top bar, sticky above every page: the name, the way back to the
 * library and to library search, and Import, Save from address, Settings and Help. Always in the interface's
 * language and direction, whatever the article below.
 */
export function createTopbar(actions: {
  onImport(): void
  onSaveAddress(): void
  onSettings(): void
  onHelp(): void
  onSkip(): void
}): Topbar {
  const libraryLink = el('a', { class: 'nav-link', attrs: { href: '#/' }, text: strings.navLibrary })
  const searchLink = el('a', {
    class: 'nav-link',
    attrs: { href: '#/search', title: strings.searchShortcut, 'data-action': 'search' },
    text: strings.navSearch,
  })
  const element = el('header', { class: 'topbar' }, [
    button(strings.skipToContent, actions.onSkip, { class: 'skip-link' }),
    el('a', { class: 'brand', attrs: { href: '#/' } }, [
      el('span', { class: 'brand-name', text: strings.appName }),
      // The name in the other script: Arabic beside the English name, Latin beside the Arabic one.
      el('span', {
        class: 'brand-arabic',
        attrs: { lang: UI_LANG === 'ar' ? 'en' : 'ar', dir: 'auto' },
        text: strings.appTagline,
      }),
    ]),
    el('nav', { class: 'topbar-nav', attrs: { 'aria-label': strings.mainNavigation } }, [
      libraryLink,
      searchLink,
    ]),
    el('div', { class: 'topbar-actions' }, [
      button(strings.navImport, actions.onImport, {
        class: 'primary',
        attrs: { 'data-action': 'import', title: strings.importShortcut },
      }),
      button(strings.saveFromAddress, actions.onSaveAddress, { attrs: { 'data-action': 'save-address' } }),
      button(strings.navSettings, actions.onSettings, {
        attrs: { 'data-action': 'settings', title: strings.settingsShortcut },
      }),
      button(strings.navHelp, actions.onHelp, { attrs: { 'data-action': 'help' } }),
    ]),
  ])
  return {
    element,
    setRoute(name) {
      for (const [link, page] of [
        [libraryLink, 'library'],
        [searchLink, 'search'],
      ] as const) {
        if (name === page) link.setAttribute('aria-current', 'page')
        else link.removeAttribute('aria-current')
      }
    },
  }
}
