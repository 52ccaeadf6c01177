/** Anchoring annotations in an article's plain text (DESIGN §4): describe a selection, find it again. */
export { anchor, anchorAll, type AnchorOptions } from './anchor'
export { prepareText, type AnchorText } from './anchor-text'
export { describeSelection } from './describe-selection'
export { accepts, CONTEXT_TOLERANCE, DISPLACED_WINDOW } from './context'
