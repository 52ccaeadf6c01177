import type { Node as PMNode } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import type { HighlightColor } from '../../../../common/annotation'

/** One highlight as the view draws it: document positions, colour, and how it is marked. */
export interface Highlight {
  /** The annotation id, or a temporary id while the write is pending. */
  id: string
  from: number
  to: number
  color: HighlightColor
  /** Not yet acknowledged by main: drawn faintly, without `data-annotation-id`. */
  pending?: boolean
  hasNote?: boolean
}

/** Extra marks a highlight can carry for a moment: the one the keyboard is on, the one just jumped to. */
export type HighlightFlag = 'active' | 'flash'

/** What a transaction can ask of the plugin (as its meta). */
export type HighlightAction =
  | { type: 'set'; highlights: Highlight[] }
  | { type: 'put'; highlight: Highlight }
  /** Adds highlights not drawn yet (the rest of a large set, after the first paint). */
  | { type: 'add'; highlights: Highlight[] }
  | { type: 'remove'; id: string }
  | { type: 'flag'; id: string | null; flag: HighlightFlag }

interface HighlightState {
  decorations: DecorationSet
  byId: Map<string, Highlight>
  flags: Record<HighlightFlag, string | null>
}

/** Key of the one highlights plugin: read its state and send it actions through this. */
export const highlightKey = new PluginKey<HighlightState>('hamish-highlights')

/**
 * One decoration per highlight: its own `<mark>` (nodeName), so that two
 * highlights over the same letters nest as two elements, each with its own
 * `data-annotation-id`, instead of ProseMirror merging their attributes into
 * one element; and so that assistive technology announces it as highlighted
 * text. The element carries only classes; styles/annotations.css gives it a
 * background and nothing that changes the text's layout, so a highlight that
 * starts inside an Arabic word leaves its letters joined.
 */
function decorate(h: Highlight, flags: HighlightState['flags']): Decoration {
  const classes = ['hl', `hl-${h.color}`]
  if (h.pending) classes.push('hl-pending')
  if (h.hasNote) classes.push('hl-has-note')
  if (flags.active === h.id) classes.push('hl-active')
  if (flags.flash === h.id) classes.push('hl-flash')
  const attrs: Record<string, string> = { nodeName: 'mark', class: classes.join(' ') }
  if (h.pending) attrs['data-pending'] = 'true'
  else attrs['data-annotation-id'] = h.id
  return Decoration.inline(h.from, h.to, attrs, { id: h.id })
}

function withoutId(set: DecorationSet, id: string): DecorationSet {
  const old = set.find(undefined, undefined, (spec: { id?: string }) => spec.id === id)
  return old.length > 0 ? set.remove(old) : set
}

function redraw(state: HighlightState, doc: PMNode, id: string | null): DecorationSet {
  if (id === null) return state.decorations
  const h = state.byId.get(id)
  const set = withoutId(state.decorations, id)
  return h ? set.add(doc, [decorate(h, state.flags)]) : set
}

function build(doc: PMNode, highlights: Highlight[], flags: HighlightState['flags']): HighlightState {
  const byId = new Map(highlights.filter((h) => h.to > h.from).map((h) => [h.id, h]))
  const decorations = DecorationSet.create(
    doc,
    [...byId.values()].map((h) => decorate(h, flags)),
  )
  return { decorations, byId, flags }
}

function apply(tr: Transaction, state: HighlightState): HighlightState {
  const action = tr.getMeta(highlightKey) as HighlightAction | undefined
  const decorations = tr.docChanged ? state.decorations.map(tr.mapping, tr.doc) : state.decorations
  if (!action) return decorations === state.decorations ? state : { ...state, decorations }
  const next: HighlightState = { ...state, decorations, byId: new Map(state.byId), flags: { ...state.flags } }
  switch (action.type) {
    case 'set':
      return build(tr.doc, action.highlights, next.flags)
    case 'put':
      if (action.highlight.to > action.highlight.from) next.byId.set(action.highlight.id, action.highlight)
      else next.byId.delete(action.highlight.id)
      next.decorations = redraw(next, tr.doc, action.highlight.id)
      return next
    case 'add': {
      let set = next.decorations
      const added: Decoration[] = []
      for (const h of action.highlights) {
        if (h.to <= h.from) continue
        if (next.byId.has(h.id)) set = withoutId(set, h.id)
        next.byId.set(h.id, h)
        added.push(decorate(h, next.flags))
      }
      next.decorations = set.add(tr.doc, added)
      return next
    }
    case 'remove':
      next.byId.delete(action.id)
      next.decorations = withoutId(next.decorations, action.id)
      return next
    case 'flag': {
      const before = next.flags[action.flag]
      next.flags[action.flag] = action.id
      next.decorations = redraw(next, tr.doc, before)
      if (action.id !== before) next.decorations = redraw(next, tr.doc, action.id)
      return next
    }
  }
}

/**
 * The highlights of the open article: one plugin whose state is a
 * DecorationSet built from the anchored annotations (the pattern of the
 * ProseMirror upload example), changed only by meta transactions — a full
 * set on open, then put/remove as annotations are created, edited, deleted,
 * and flags for the highlight the keyboard is on or that was just jumped to.
 */
export function highlightsPlugin(initial: Highlight[]): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_config, state: EditorState) => build(state.doc, initial, { active: null, flash: null }),
      apply,
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
    },
  })
}

/** Sends one action to the plugin of `view`. */
export function dispatchHighlights(view: EditorView, action: HighlightAction): void {
  view.dispatch(view.state.tr.setMeta(highlightKey, action).setMeta('addToHistory', false))
}
