import { strings } from '../ui/strings'
import { openDialog } from '../ui/dialog'
import { button, el } from '../ui/dom'

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
        strings.helpShortcuts.flatMap(({ keys, where, what }) => [
          // Key names read left to right in either interface language.
          el('dt', {}, [
            el('kbd', { attrs: { dir: 'ltr' }, text: keys }),
            where ? el('span', { class: 'muted shortcut-where', text: ` (${where})` }) : null,
          ]),
          el('dd', { text: what }),
        ]),
      ),
    ],
    actions: [button(strings.close, () => dialog.close(), { class: 'primary' })],
  })
}
