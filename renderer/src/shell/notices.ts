import type { HamishApi } from '../../../common/contract/methods'
import type { Notice } from '../../../common/contract/notice'
import { strings } from '../ui/strings'
import { button, el } from '../ui/dom'
import { errorMessage } from '../ui/error-message'

/**
 * Banners for what the user must know but did not cause, such as a damaged
 * library file that was moved aside and restored from a backup. Each stays
 * until dismissed, and dismissing it tells main so it does not come back.
 */
export class NoticeBanners {
  readonly element = el('section', { class: 'notices', attrs: { 'aria-label': strings.noticesLabel } })

  constructor(private readonly api: Pick<HamishApi, 'listNotices' | 'dismissNotice'>) {}

  /** Fetches and shows the pending notices. */
  async load(): Promise<void> {
    const notices = await this.api.listNotices()
    this.element.replaceChildren(...notices.map((n) => this.banner(n)))
  }

  private banner(notice: Notice): HTMLElement {
    const item = el('div', {
      class: `notice notice-${notice.level}`,
      attrs: { role: notice.level === 'info' ? 'status' : 'alert' },
    })
    const message = el('p', { class: 'notice-message', text: strings.fromMain(notice.text, notice.message) })
    const dismiss = button(
      strings.dismiss,
      () => {
        item.remove()
        this.api.dismissNotice(notice.id).catch((err: unknown) => {
          message.textContent = errorMessage(err)
          this.element.append(item)
        })
      },
      { class: 'notice-dismiss', attrs: { 'aria-label': strings.dismissLabel } },
    )
    item.append(message, dismiss)
    return item
  }
}
