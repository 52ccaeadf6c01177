import { Schema, type DOMOutputSpec } from 'prosemirror-model'
import { schema } from './schema'

/**
 * The reader's schema for a long article shown in sections: the article's
 * own nodes plus `section_placeholder`, an empty, unselectable block of an
 * estimated height that stands in the view for the blocks not laid out.
 * A schema of its own, so the article schema (`schema.ts`) still accepts
 * stored articles and nothing else.
 */
export const sectionSchema = new Schema({
  nodes: schema.spec.nodes.addToEnd('section_placeholder', {
    group: 'block',
    atom: true,
    selectable: false,
    attrs: { height: { default: 0, validate: 'number' } },
    toDOM: (node): DOMOutputSpec => [
      'div',
      {
        class: 'section-placeholder',
        'aria-hidden': 'true',
        contenteditable: 'false',
        style: `height: ${Math.max(0, Math.round(node.attrs.height as number))}px`,
      },
    ],
  }),
  marks: schema.spec.marks,
})
