import { strings } from '../strings'
import { openDialog } from './dialog'
import { button, el } from './dom'

/** The Help dialog: what Hamish does and its keyboard shortcuts. */
export function openHelpDialog(): void {
  const dialog = openDialog({
    title: strings.helpTitle,
    class: 'help-dialog',
    body: [
      el('p', { text: strings.helpIntro }),
      el('h3', { text: strings.helpShortcutsHeading }),
      el(
        'dl',
        { class: 'shortcuts' },
        strings.helpShortcuts.flatMap(([keys, what]) => [
          el('dt', {}, [el('kbd', { text: keys })]),
          el('dd', { text: what }),
        ]),
      ),
    ],
    actions: [button(strings.close, () => dialog.close(), { class: 'primary' })],
  })
}
