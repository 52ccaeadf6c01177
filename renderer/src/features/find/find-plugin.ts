import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'

/** The matches of the find bar, as document positions, and which one is current (-1: none). */
export interface FindState {
  matches: { from: number; to: number }[]
  current: number
}

export const findKey = new PluginKey<DecorationSet>('hamish-find')

/**
 * The find bar's matches as their own decorations (class `find-match`, the
 * current one also `find-current`), kept apart from highlights so the two
 * never mix. Changed only by `setFindState`.
 */
export function findPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: findKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr: Transaction, set: DecorationSet, _old: EditorState, state: EditorState): DecorationSet {
        const next = tr.getMeta(findKey) as FindState | undefined
        if (!next) return set.map(tr.mapping, tr.doc)
        return DecorationSet.create(
          state.doc,
          next.matches.map((m, i) =>
            Decoration.inline(m.from, m.to, {
              class: i === next.current ? 'find-match find-current' : 'find-match',
            }),
          ),
        )
      },
    },
    props: { decorations: (state) => findKey.getState(state) },
  })
}

/** Replaces the find decorations. */
export function setFindState(tr: Transaction, state: FindState): Transaction {
  return tr.setMeta(findKey, state)
}
