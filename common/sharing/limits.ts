/**
 * Limits on what an annotation file may hold. Each is far above what a real
 * file needs and low enough that a hostile file cannot make an import slow or
 * the library huge; crossing one is answered with a message that names it.
 */

/** Annotations in one file (issue 5): a file with more is refused whole. */
export const MAX_SHARED_ANNOTATIONS = 50_000

/** Characters in an author's display name. */
export const MAX_CREATOR_NAME = 200

/** Characters in an author id (an IRI such as urn:uuid:… or acct:name@hypothes.is). */
export const MAX_CREATOR_ID = 512

/** A date may be ahead of this machine’s clock by this much (clock skew between two computers); beyond it the item is refused, and within it the import reports it. A day let a file win every merge against your later edits (issue 10 item 3). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000

/** Nesting depth of a bundled document (a real article nests a few quotes or lists, never hundreds). */
export const MAX_DOC_DEPTH = 200

/**
 * Nesting depth of an annotation file as a whole (objects and arrays),
 * checked on the text before it is parsed: room for a bundled document of
 * MAX_DOC_DEPTH levels inside the collection, and far below the depth at
 * which walking the value (a reason quoting it, a schema check) would
 * exhaust the stack.
 */
export const MAX_FILE_DEPTH = 256

/** Characters kept of a title from a file. */
export const MAX_SHARED_TITLE = 200

/** Versions one annotation may keep beside the current one, and version ids in one lineage. */
export const MAX_OTHER_VERSIONS = 100

/** Ids of replaced versions one annotation may list (one per edit: far more than a note is ever edited). */
export const MAX_REPLACED_VERSIONS = 10_000
