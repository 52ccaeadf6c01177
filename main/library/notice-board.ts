import type { Notice } from '../../common/contract/notice'
import { englishText, type LocalText } from '../../common/i18n/local-text'
import type { ChangeFeed } from './change-feed'

let noticeCounter = 0

/**
 * What the user must be told that no action of theirs answered: a damaged
 * file mended, an article left out of search, a change saved while
 * something derived from it fell behind. Each addition or dismissal is
 * published on the change feed, so the page shows a notice as it happens
 * instead of asking after every call that might have caused one.
 */
export class NoticeBoard {
  readonly #notices: Notice[] = []
  readonly #now: () => Date
  #feed: ChangeFeed | undefined

  constructor(now: () => Date) {
    this.#now = now
  }

  /** Where additions and dismissals are published; notices from before it (at open) wait in the list. */
  connect(feed: ChangeFeed): void {
    this.#feed = feed
  }

  /** Adds a notice in the user's words (`text`, with its English `message`). */
  add(level: Notice['level'], text: LocalText): Notice {
    const notice: Notice = {
      id: `notice-${++noticeCounter}`,
      level,
      message: englishText(text),
      text,
      at: this.#now().toISOString(),
    }
    this.#notices.push(notice)
    this.#feed?.publish({ kind: 'notices-changed' })
    return notice
  }

  /** Adds it unless the same words are already waiting to be read (a full disk fails every change alike). */
  addOnce(level: Notice['level'], text: LocalText): void {
    const message = englishText(text)
    if (!this.#notices.some((n) => n.message === message)) this.add(level, text)
  }

  list(): Notice[] {
    return this.#notices.map((n) => ({ ...n }))
  }

  dismiss(id: string): void {
    const i = this.#notices.findIndex((n) => n.id === id)
    if (i < 0) return
    this.#notices.splice(i, 1)
    this.#feed?.publish({ kind: 'notices-changed' })
  }
}
