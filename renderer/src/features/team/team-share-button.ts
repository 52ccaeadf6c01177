import type { ArticleSummary } from '../../../../common/article'
import type { HamishBridge } from '../../../../common/contract/bridge'
import { confirmDialog } from '../../ui/confirm-dialog'
import { button } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import { strings } from '../../ui/strings'
import type { ToastOptions } from '../../ui/toasts'

/**
 * The reader's Share with team / Stop sharing button: hidden while the
 * library is in no team. Sharing asks first and says it cannot be taken
 * back (the text and the user's annotations go to every member); stopping
 * asks nothing, since it only stops what goes from now on.
 */
export function teamShareButton(
  api: HamishBridge,
  summary: ArticleSummary,
  toast: (options: ToastOptions) => void,
): HTMLButtonElement {
  let teamName = ''
  let shared = false
  const control = button(strings.teamShareButton, () => void toggle(), {
    class: 'export-button team-share-button',
    attrs: { hidden: true, 'data-action': 'team-share' },
  })
  const show = (): void => {
    control.textContent = shared ? strings.teamUnshareButton : strings.teamShareButton
  }
  const load = async (): Promise<void> => {
    const { status } = await api.teamStatus()
    control.hidden = !status.joined
    teamName = status.team?.name ?? ''
    shared = status.shared.some((s) => s.articleId === summary.id)
    show()
  }
  const toggle = async (): Promise<void> => {
    try {
      if (shared) {
        await api.unshareArticle(summary.id)
        toast({ message: strings.teamUnshared(summary.title) })
      } else {
        const ok = await confirmDialog({
          title: strings.teamShareTitle,
          message: strings.teamShareMessage(summary.title, teamName),
          confirm: strings.teamShareConfirm,
        })
        if (!ok) return
        await api.shareArticle(summary.id)
        toast({ message: strings.teamShared(summary.title) })
      }
      await load()
      control.focus()
    } catch (err) {
      toast({ message: strings.teamShareFailed + errorMessage(err), kind: 'error' })
    }
  }
  void load().catch(() => undefined)
  return control
}
