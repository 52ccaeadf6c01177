import type { LinkToOpen } from './hamish-link'

/**
 * Where main keeps the `hamish://` links the system hands the app until the
 * page can take them. Before the page has asked (`take`, when it has
 * started and subscribed to events), a link waits here — the newest one
 * wins, as the user's last click is what they want opened; afterwards each
 * link is passed straight on as an event. Pure, so the order of a start,
 * a macOS open-url before the window, and later second instances is tested
 * in plain Node.
 */
export class LinkInbox {
  #waiting: LinkToOpen | null = null
  #pageListens = false

  /** A link arrived: what to send the page now, or null when it waits for `take`. */
  receive(link: LinkToOpen): LinkToOpen | null {
    if (this.#pageListens) return link
    this.#waiting = link
    return null
  }

  /** The page has started and listens: the waiting link, once; null when none. */
  take(): LinkToOpen | null {
    this.#pageListens = true
    const link = this.#waiting
    this.#waiting = null
    return link
  }
}
