import type { HighlightColor } from '../annotation'

/**
 * The words exports add around the article, in one place. English, like the
 * rest of the interface (renderer/src/ui/strings.ts); the article keeps its own
 * language and these are marked lang="en" in HTML.
 */
export const LABELS = {
  notes: 'Notes',
  unplaced: 'Unplaced notes',
  unplacedHint: 'These annotations were not found in the current text of the article.',
  colour: 'Colour',
  tags: 'Tags',
  author: 'Author',
  source: 'Source',
  date: 'Date',
  exported: 'Exported',
  backToText: 'Back to the text',
  colorNames: {
    yellow: 'Yellow',
    green: 'Green',
    blue: 'Blue',
    pink: 'Pink',
    purple: 'Purple',
  } satisfies Record<HighlightColor, string>,
} as const
