// Styles first, so the page never paints unstyled; the fonts come with the settings module.
import 'prosemirror-view/style/prosemirror.css'
import './styles/themes.css'
import './styles/base.css'
import './styles/chrome.css'
import './styles/library.css'
import './styles/dialogs.css'
import './styles/article-info.css'
import './styles/reader.css'
import './styles/annotations.css'
import './styles/search.css'
// The interface's own Arabic face, bundled like the reading fonts (used when the interface is in Arabic).
// Its Arabic subset only: the math and symbols subsets were fetched for stray characters of a book and
// held up the reader's first paint (bench reader-open) by about a second.
import '@fontsource/noto-sans-arabic/arabic-400.css'
import '@fontsource/noto-sans-arabic/arabic-600.css'
import { App } from './shell/app'
import { el } from './ui/dom'
import { connectBridge } from './shell/bridge'
import { formattingLocale, resolveUiLanguage } from '../../common/i18n/ui-language'
import { localeWithDigits } from '../../common/i18n/digits'
import { setUiLanguage, strings } from './ui/strings'
import { loadMessageTables } from './ui/message-tables'

/** Shows why the app could not start, as text, in place of the app. */
function showStartupError(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err)
  document.body.replaceChildren(
    el('div', { class: 'startup-error', attrs: { role: 'alert' } }, [
      el('h1', { text: strings.startupFailed }),
      el('p', { text: message }),
    ]),
  )
}

/** Entry point: connect to main (preload in Electron, the loopback bridge in the preview) and start the app. */
async function start(): Promise<void> {
  const electron = Boolean(window.hamish)
  const api = connectBridge()
  // The interface language is settled before any view is built; if the settings cannot be read, the OS decides.
  const saved = await api.getSettings().catch(() => null)
  const language = resolveUiLanguage(saved?.language, navigator.languages)
  // One locale for every number and date of the page, with the digits Settings chose (common/i18n/digits.ts).
  const locale = localeWithDigits(formattingLocale(language, navigator.languages), saved?.digits)
  setUiLanguage(language, await loadMessageTables(language), locale)
  const root = el('div', { class: 'app' })
  document.body.replaceChildren(root)
  await new App(api, { electron }).start(root)
}

start().catch(showStartupError)
