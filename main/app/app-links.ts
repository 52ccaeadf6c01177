import { app, type BrowserWindow } from 'electron'
import { resolve } from 'node:path'
import { HAMISH_SCHEME, linkFromArgv, linkToOpen, type LinkToOpen } from '../../common/hamish-link'
import { LinkInbox } from '../../common/link-inbox'
import { sendEvent } from './import-dialog'

/**
 * `hamish://` links in Electron, kept thin (the parsing is common/hamish-link.ts,
 * the waiting common/link-inbox.ts): the app registers itself as the scheme's
 * handler, takes a link from its own command line, from a second start's
 * (Windows, Linux) and from macOS's open-url, and hands each to the page
 * as the `openLink` event, or, before the page listens, through
 * `takeLinkToOpen`. The window never loads the link itself: the page sets
 * its own route, so the navigation lock (security.ts) is untouched.
 */
export class AppLinks {
  readonly #inbox = new LinkInbox()

  /**
   * Registers the scheme and listens for links; call before `app.whenReady`
   * (macOS sends open-url as the app launches). `window` gives the window
   * once there is one.
   */
  constructor(private readonly window: () => BrowserWindow | null) {
    registerProtocolClient()
    const started = linkFromArgv(process.argv)
    if (started) this.#inbox.receive(started)
    app.on('open-url', (event, url) => {
      event.preventDefault()
      this.deliver(linkToOpen(url))
    })
  }

  /** A second start's command line (its argv reaches this, the first instance): the link it carried, if any. */
  fromSecondInstance(argv: readonly string[]): void {
    const link = linkFromArgv(argv)
    if (link) this.deliver(link)
  }

  /** The page asks, once started, for the link the app was started with (the contract's takeLinkToOpen). */
  take(): LinkToOpen | null {
    return this.#inbox.take()
  }

  private deliver(link: LinkToOpen): void {
    const now = this.#inbox.receive(link)
    const win = this.window()
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
    if (now) sendEvent(win, 'openLink', now)
  }
}

/**
 * Makes Hamish the system's handler of `hamish://` links. Packaged, the app
 * itself; in development (`electron .`), Electron's binary with the app's
 * path as its argument, as Electron's deep-link guide says, so a link opens
 * this checkout and not some other copy. `HAMISH_NO_PROTOCOL_CLIENT=1`
 * (tests/electron) leaves the system's handlers alone.
 */
function registerProtocolClient(): void {
  // Tests that start the app leave the machine's link handlers as they were.
  if (process.env.HAMISH_NO_PROTOCOL_CLIENT === '1') return
  if (process.defaultApp) {
    const main = process.argv[1]
    if (main) app.setAsDefaultProtocolClient(HAMISH_SCHEME, process.execPath, [resolve(main)])
  } else app.setAsDefaultProtocolClient(HAMISH_SCHEME)
}
