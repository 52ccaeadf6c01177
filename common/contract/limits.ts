/**
 * Every limit of the API contract, in one place: the argument schemas
 * (schemas.ts, field-schemas.ts) refuse what crosses one, and every field of
 * the page (maxlength, a slider's min and max), every check in main (the
 * native import dialog, the CLI, the preview server's body size) and every
 * importer reads the same constant, so the page never lets the user type
 * what the API would refuse. Plain values only: the renderer and preload
 * import this file without bundling a schema.
 */

/** Largest file the library accepts (an article, or an annotation file). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** Files in one planned import batch (`planImports`, `cancelImports`): a folder's worth, and a bound on the list file. */
export const MAX_IMPORT_BATCH = 10_000

/** Characters in a web address typed or pasted to save a page from (Save from address…). */
export const MAX_WEB_ADDRESS_LENGTH = 2048

/** Characters in the name of a file handed over for import (the name only, never a path). */
export const MAX_FILE_NAME_LENGTH = 1024

/** Characters in an article's title: the rename field's maxlength; an import's longer title is cut at a word boundary. */
export const MAX_TITLE_LENGTH = 200

/** Characters in one text field of an article's metadata (an author's name, the container, the publisher…). */
export const MAX_META_TEXT_LENGTH = 500

/** Authors in an article's metadata: more than any real byline, so a hostile file cannot list thousands. */
export const MAX_META_AUTHORS = 100

/** Characters in one tag, after trimming. */
/** Articles in one citation export (the library's filtered list): as many as one import batch. */
export const MAX_CITATION_ARTICLES = 10_000

export const MAX_TAG_LENGTH = 64

/** Tags on one article or one annotation. */
export const MAX_TAGS = 100

/** Characters in the user's display name (Settings > Your name), after trimming. */
export const MAX_DISPLAY_NAME_LENGTH = 100

/** Characters in a team folder's path typed in the preview (Settings > Team; Electron uses a folder dialog). */
export const MAX_FOLDER_PATH_LENGTH = 4096

/** Characters in an annotation's note (Markdown). */
export const MAX_NOTE_LENGTH = 100_000

/** Characters in the quoted passage of a new highlight. */
export const MAX_QUOTE_LENGTH = 100_000

/** Characters in a library search. */
export const MAX_SEARCH_QUERY_LENGTH = 500

/** Most matches a search may ask for per article. */
export const MAX_MATCHES_PER_ARTICLE = 1000

/** Matches per article when a search names no number (the search page's "Show more", the CLI's). */
export const DEFAULT_MATCHES_PER_ARTICLE = 50

/** Articles of at least this many code points are opened in sections: a head, then blocks by range (`openArticle`). */
export const SECTIONS_FROM = 300_000

/** Top-level blocks one `getArticleBlocks` call returns at most (the reader asks for a window in such pieces). */
export const MAX_BLOCKS_PER_CALL = 2000

/** Matches one find-in-article answer holds at most: a page around the one asked for, out of the total. */
export const FIND_PAGE_SIZE = 1000

/**
 * Articles the search page asks matches for at a time (`articleLimit`), and
 * matches for each in its first answer: a word in every article then costs
 * a page of snippets, not one per match in the library (bench/search.ts).
 */
export const SEARCH_PAGE_ARTICLES = 20
export const SEARCH_PAGE_MATCHES = 3

/** Characters in an article id (also a file name on every platform). */
export const MAX_ARTICLE_ID_LENGTH = 64

/** Characters in an annotation id. */
export const MAX_ANNOTATION_ID_LENGTH = 128

/** Characters in a notice id. */
export const MAX_NOTICE_ID_LENGTH = 100

/** Characters in a version stamp (`basedOn`: the `modified` time an edit was made on). */
export const MAX_VERSION_LENGTH = 64

/** The reading settings' ranges: the settings sliders' min and max, and what updateSettings accepts. */
export const SETTINGS_LIMITS = {
  fontSize: { min: 12, max: 40 },
  lineHeight: { min: 1.2, max: 2.6 },
  columnWidth: { min: 35, max: 120 },
} as const
