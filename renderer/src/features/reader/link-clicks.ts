import { Plugin } from 'prosemirror-state'

const EXTERNAL = /^(https?:|mailto:)/i

/**
 * Links in an article never navigate the window. A click (or Enter on a
 * focused link) is stopped here; http(s) and mailto links are handed to
 * `open`, which in Electron asks main to open the system browser and in the
 * browser preview does nothing.
 */
export function linkClicks(open: (href: string) => void): Plugin {
  const handle = (event: MouseEvent, openIt: boolean): boolean => {
    const target = event.target instanceof Element ? event.target.closest('a[href]') : null
    if (!target) return false
    event.preventDefault()
    const href = target.getAttribute('href') ?? ''
    if (openIt && EXTERNAL.test(href.trim())) open(href.trim())
    return true
  }
  return new Plugin({
    props: {
      handleDOMEvents: {
        click: (_view, event) => handle(event, event.button === 0),
        auxclick: (_view, event) => handle(event, false),
      },
    },
  })
}
