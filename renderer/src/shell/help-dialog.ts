import type { Shortcut } from '../ui/command-registry'
import { HELP_TOPICS, strings } from '../ui/strings'
import { openDialog } from '../ui/dialog'
import { button, el } from '../ui/dom'

/**
 * The Help dialog: what Hamish does, how to highlight, write a note, find
 * the notes, search and export (a new user's first questions, which the
 * shortcuts alone do not answer), and its keyboard shortcuts. The list is
 * the command registry's (ui/command-registry.ts), so a command's keys are
 * written once, where they are bound.
 */
export function openHelpDialog(shortcuts: readonly Shortcut[]): void {
  const dialog = openDialog({
    title: strings.helpTitle,
    class: 'help-dialog',
    body: [
      el('p', { text: strings.helpIntro }),
      el('h3', { text: strings.helpHowToHeading }),
      el(
        'ul',
        { class: 'help-how-to' },
        HELP_TOPICS.map((topic) =>
          el('li', { attrs: { 'data-topic': topic }, text: strings.helpHowTo[topic] }),
        ),
      ),
      el('h3', { text: strings.helpShortcutsHeading }),
      el(
        'dl',
        { class: 'shortcuts' },
        shortcuts.flatMap(({ id, keys, where, what }) => [
          // Key names read left to right in either interface language.
          el('dt', { attrs: { 'data-command': id } }, [
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
