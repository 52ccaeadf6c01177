import { el } from './dom'

/** An article's tags as small chips (library rows, reader header); each tag keeps its own direction. */
export function tagChips(tags: string[]): HTMLElement {
  return el(
    'ul',
    { class: 'tags' },
    tags.map((t) => el('li', { class: 'tag', attrs: { dir: 'auto' }, text: t })),
  )
}
