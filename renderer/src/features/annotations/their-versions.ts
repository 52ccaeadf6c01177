import type { AnchoredAnnotation } from '../../../../common/annotation'
import { versionId } from '../../../../common/sharing/lineage'
import type { ConflictChoice } from '../../../../common/sharing/resolve-conflict'
import { button, el } from '../../ui/dom'
import { authorName } from '../../ui/author-badge'
import { strings } from '../../ui/strings'
import { noteBlock, tagList } from './annotation-parts'

/** What the block needs from its host. */
export interface TheirVersionActions {
  resolve(id: string, versionId: string, choice: ConflictChoice): void
  openLink(href: string): void
}

/**
 * The versions kept beside an annotation (a colleague's concurrent edit, or a
 * file's change to your own note), each shown in full as "their version" with
 * Use theirs / Keep mine / Keep both, so a colleague's words are never hidden
 * behind yours. Null when there are none. Notes render from Markdown through
 * the same allow-list as every note (textContent, never HTML).
 */
export function theirVersions(a: AnchoredAnnotation, actions: TheirVersionActions): HTMLElement | null {
  const others = a.others ?? []
  if (others.length === 0) return null
  return el(
    'div',
    { class: 'their-versions' },
    others.map((v) => {
      const id = versionId(v)
      const choice = (label: string, which: ConflictChoice, primary = false): HTMLButtonElement =>
        button(label, () => actions.resolve(a.id, id, which), {
          class: primary ? 'note-action primary' : 'note-action',
          attrs: { 'data-choice': which },
        })
      return el('section', { class: 'their-version', attrs: { 'data-version-id': id } }, [
        el('p', {
          class: 'their-version-heading',
          // An edit keeps the note's author: name it only when this version is someone else's note.
          text:
            v.creator.id === a.creator.id
              ? strings.theirVersion
              : strings.theirVersionHeading(authorName(v.creator)),
        }),
        v.deleted
          ? el('p', { class: 'their-version-deleted muted', text: strings.theirVersionDeleted })
          : v.body.note
            ? noteBlock(v.body.note, { openLink: actions.openLink })
            : el('p', { class: 'muted', text: strings.reportVersionEmpty }),
        v.body.tags.length > 0 ? tagList(v.body.tags) : null,
        el('div', { class: 'their-version-actions' }, [
          choice(strings.theirVersionUse, 'theirs'),
          choice(strings.theirVersionKeepMine, 'mine'),
          choice(strings.theirVersionKeepBoth, 'both', true),
        ]),
      ])
    }),
  )
}
