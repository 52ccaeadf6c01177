/**
 * What changed in a library, as one typed feed: the search index, the
 * renderer (through the event channel in Electron, an event stream in the
 * preview) and, next, the team library follow it instead of guessing which
 * calls may have changed what. An event says what changed, not the new
 * state: a listener that needs the state reads it through the API.
 */
export type LibraryChange =
  /** An article was imported (or re-listed after a recovery). */
  | { kind: 'article-added'; articleId: string }
  /** Its summary changed: title, tags, trash, annotation count. */
  | { kind: 'article-changed'; articleId: string }
  /** Deleted for good. */
  | { kind: 'article-removed'; articleId: string }
  /** Annotations of an article were added, edited, deleted, restored or merged from a file. */
  | { kind: 'annotations-changed'; articleId: string; annotationIds: string[] }
  /** Reading settings, the interface language or the profile. */
  | { kind: 'settings-changed' }
  /** The list of notices for the user changed (one added or dismissed). */
  | { kind: 'notices-changed' }
  /** The team library: a sync pass ended, or the team was joined, left or an article shared (Settings > Team reads it again). */
  | { kind: 'team-changed' }

export type LibraryChangeKind = LibraryChange['kind']
