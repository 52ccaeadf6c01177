import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { clearFindMatches, paintFindMatches } from './find-highlights'

/** The matches of the find bar, as document positions, and which one is current (-1: none). */
export interface FindState {
  matches: { from: number; to: number }[]
  current: number
}

const NONE: FindState = { matches: [], current: -1 }

export const findKey = new PluginKey<FindState>('hamish-find')

/**
 * The find bar's matches, kept apart from highlights so the two never mix.
 * The plugin holds their positions (mapped through any change of the
 * document) and draws them as CSS Custom Highlights (find-highlights.ts),
 * not decorations: drawing them adds nothing to the article's DOM. After
 * every redraw of the view they are drawn again from the positions, since
 * ProseMirror may have replaced the text nodes the last Ranges were in.
 * Changed only by `setFindState`.
 */
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => NONE,
      apply(tr: Transaction, state: FindState): FindState {
        const next = tr.getMeta(findKey) as FindState | undefined
        if (next) return next
        if (!tr.docChanged || state.matches.length === 0) return state
        return {
          matches: state.matches.map((m) => ({
            from: tr.mapping.map(m.from, 1),
            to: tr.mapping.map(m.to, -1),
          })),
          current: state.current,
        }
      },
    },
    view: () => {
      let drawn: FindState = NONE
      return {
        update(view) {
          const state = findKey.getState(view.state) ?? NONE
          // Nothing drawn and nothing to draw: a view update costs nothing while the bar is closed.
          if (state.matches.length === 0 && drawn.matches.length === 0) return
          drawn = state
          paintFindMatches(view, state)
        },
        destroy: () => clearFindMatches(),
      }
    },
  })
}

/** Replaces the find matches. */
export function setFindState(tr: Transaction, state: FindState): Transaction {
  return tr.setMeta(findKey, state)
}
