import { EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { schema } from '../../../../../renderer/src/document/schema'
import {
  highlightKey,
  highlightsPlugin,
  type Highlight,
  type HighlightAction,
} from '../../../../../renderer/src/features/annotations/highlight-plugin'

/** An editor state over two paragraphs with the highlights plugin, in plain Node (no view). */
function stateWith(highlights: Highlight[]): EditorState {
  const doc = schema.node('doc', null, [
    schema.node('paragraph', null, [schema.text('The first paragraph of text.')]),
    schema.node('paragraph', null, [schema.text('And a second one.')]),
  ])
  return EditorState.create({ doc, plugins: [highlightsPlugin(highlights)] })
}

const act = (state: EditorState, action: HighlightAction): EditorState =>
  state.apply(state.tr.setMeta(highlightKey, action))

/** The drawn highlights: id, range and classes, in document order. */
function drawn(state: EditorState): string[] {
  return highlightKey
    .getState(state)!
    .decorations.find()
    .map((d) => {
      const spec = d.spec as { id: string }
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs
      return `${spec.id} ${d.from}-${d.to} ${attrs.class}${attrs['data-pending'] ? ' pending' : ''}`
    })
    .sort()
}

describe('the highlights plugin’s state', () => {
  it('draws each highlight once, skipping empty ones', () => {
    const state = stateWith([
      { id: 'a', from: 1, to: 4, color: 'yellow' },
      { id: 'b', from: 6, to: 6, color: 'green' },
      { id: 'c', from: 32, to: 35, color: 'blue', hasNote: true },
    ])
    expect(drawn(state)).toEqual(['a 1-4 hl hl-yellow', 'c 32-35 hl hl-blue hl-has-note'])
  })

  it('put replaces one highlight, add adds the rest, remove takes one away', () => {
    let state = stateWith([{ id: 'a', from: 1, to: 4, color: 'yellow' }])
    state = act(state, { type: 'put', highlight: { id: 'a', from: 1, to: 8, color: 'pink' } })
    state = act(state, {
      type: 'add',
      highlights: [
        { id: 'p', from: 10, to: 12, color: 'green', pending: true },
        { id: 'q', from: 33, to: 36, color: 'purple' },
      ],
    })
    state = act(state, { type: 'remove', id: 'q' })
    expect(drawn(state)).toEqual(['a 1-8 hl hl-pink', 'p 10-12 hl hl-green hl-pending pending'])
  })

  it('moves the active flag from one highlight to another, redrawing both', () => {
    let state = stateWith([
      { id: 'a', from: 1, to: 4, color: 'yellow' },
      { id: 'b', from: 6, to: 9, color: 'green' },
    ])
    state = act(state, { type: 'flag', id: 'a', flag: 'active' })
    state = act(state, { type: 'flag', id: 'b', flag: 'active' })
    expect(drawn(state)).toEqual(['a 1-4 hl hl-yellow', 'b 6-9 hl hl-green hl-active'])
    state = act(state, { type: 'flag', id: null, flag: 'active' })
    expect(drawn(state)).toEqual(['a 1-4 hl hl-yellow', 'b 6-9 hl hl-green'])
  })

  it('a full set replaces everything drawn', () => {
    let state = stateWith([{ id: 'a', from: 1, to: 4, color: 'yellow' }])
    state = act(state, { type: 'set', highlights: [{ id: 'z', from: 2, to: 3, color: 'blue' }] })
    expect(drawn(state)).toEqual(['z 2-3 hl hl-blue'])
  })
})
