import { tooLargeMessage } from '../../common/api'
/**
 * Every word of the interface, in one module, so that a translation (Arabic
 * first) is one new table rather than a hunt through the views. Articles keep
 * their own language and direction; these are the app's chrome only.
 */

/** Language and direction of the interface itself (not of the articles it shows). */
export const UI_LANG = 'en'
export const UI_DIR: 'ltr' | 'rtl' = 'ltr'

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/**
 * Wraps text from an article or a file (a title, a tag, a file name) in
 * Unicode first-strong isolates, so an Arabic title inside an English
 * sentence keeps its own direction and does not drag the quotes and words
 * around it out of order.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`

/** The English table. A translation is another object of the same shape. */
export const strings = {
  appName: 'Hamish',
  appTagline: 'هامش',
  windowTitle: (title: string | null): string => (title ? `${title} — Hamish` : 'Hamish'),
  startupFailed: 'Hamish could not start',

  // Top bar
  navLibrary: 'Library',
  navImport: 'Import…',
  navSettings: 'Reading settings',
  navHelp: 'Help',
  importShortcut: 'Import files (Ctrl+O)',
  settingsShortcut: 'Reading settings (Ctrl+,)',
  mainNavigation: 'Main',
  skipToContent: 'Skip to content',

  // Library
  libraryHeading: 'Library',
  filterLabel: 'Filter by title',
  filterPlaceholder: 'Filter by title…',
  columnTitle: 'Title',
  columnDate: 'Date',
  columnSource: 'Source',
  columnAnnotations: 'Annotations',
  columnAdded: 'Added',
  columnTags: 'Tags',
  columnActions: 'Actions',
  sortBy: (column: string): string => `Sort by ${column.toLowerCase()}`,
  articleCount: (shown: number, total: number): string =>
    shown === total
      ? plural(total, 'article', 'articles')
      : `${shown} of ${plural(total, 'article', 'articles')}`,
  libraryEmpty: 'Your library is empty.',
  libraryEmptyHint:
    'Import articles with the Import button, with Ctrl+O, or by dropping files onto this window. Hamish reads .txt, .md, .html and .epub files.',
  noMatch: (query: string): string => `No article title contains “${isolate(query)}”.`,
  noDate: '—',
  noTags: '',
  rename: 'Rename',
  renameLabel: (title: string): string => `Rename “${isolate(title)}”`,
  editTags: 'Tags',
  editTagsLabel: (title: string): string => `Edit the tags of “${isolate(title)}”`,
  trash: 'Delete',
  trashLabel: (title: string): string => `Move “${isolate(title)}” to the Trash`,
  openLabel: (title: string): string => `Open “${isolate(title)}”`,
  movedToTrash: (title: string): string => `“${isolate(title)}” was moved to the Trash.`,
  undo: 'Undo',
  restored: (title: string): string => `“${isolate(title)}” was restored.`,
  trashHeading: (n: number): string => `Trash (${n})`,
  trashEmpty: 'The Trash is empty.',
  trashedOn: 'Deleted',
  restore: 'Restore',
  restoreLabel: (title: string): string => `Restore “${isolate(title)}”`,

  // Dialogs
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  renameTitle: 'Rename article',
  renameField: 'Title',
  renameEmpty: 'The title cannot be empty.',
  tagsTitle: 'Tags',
  tagsFor: (title: string): string => `Tags of “${isolate(title)}”`,
  tagsNone: 'No tags yet.',
  tagAddLabel: 'New tag',
  tagAddPlaceholder: 'Type a tag and press Enter',
  tagAdd: 'Add',
  tagRemoveLabel: (tag: string): string => `Remove the tag “${isolate(tag)}”`,

  // Import
  importPickerLabel: 'Choose files to import',
  untitledFile: 'untitled',
  importProgress: (done: number, total: number, name: string): string =>
    `Importing ${done} of ${total}: ${isolate(name)}…`,
  importDone: (added: number, duplicate: number, rejected: number): string =>
    [
      plural(added, 'article added', 'articles added'),
      duplicate > 0 ? `${duplicate} already in the library` : '',
      rejected > 0 ? plural(rejected, 'file rejected', 'files rejected') : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
  importStatus: { added: 'Added', duplicate: 'Already in library', rejected: 'Rejected' },
  /** Same wording as main's importer (main/import/import-file.ts), for files refused before sending. */
  importTooLarge: (name: string, bytes: number): string => tooLargeMessage(isolate(name), bytes),
  importOpen: 'Open',
  importResultsLabel: 'Import results',
  dropHere: 'Drop files to import them',
  dropHint: 'Text, Markdown, HTML and EPUB files; .hamish.json annotation files',

  // Reader
  readerLoading: 'Opening the article…',
  readerTextLabel: (title: string): string => `Text of “${isolate(title)}”`,
  readerBack: 'Back to the library',
  readerNav: 'Reader',
  readerNotFound: 'This article could not be opened.',

  // Highlights and notes
  colorNames: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' },
  highlightToolbar: 'Highlight the selection',
  highlightIn: (color: string, key: number): string => `Highlight in ${color.toLowerCase()} (${key})`,
  highlightNote: 'Note',
  highlightNoteLabel: 'Highlight and write a note (N)',
  highlightSaving: 'Saving the highlight…',
  highlightSaved: 'Highlight saved.',
  highlightSaveFailed: 'The highlight could not be saved: ',
  highlightOf: (n: number, total: number, quote: string): string =>
    `Highlight ${n} of ${total}: ${isolate(quote)}`,
  popoverTitle: 'Highlight',
  popoverColor: 'Colour',
  recolorTo: (color: string): string => `Colour: ${color.toLowerCase()}`,
  noteEmpty: 'No note.',
  noteAdd: 'Add a note',
  noteEdit: 'Edit note',
  noteFieldLabel: 'Note (Markdown)',
  notePlaceholder: 'Write a note. Markdown: **bold**, *italic*, [link](https://…), - lists',
  noteSave: 'Save note',
  noteSaveHint: 'Ctrl+Enter saves',
  noteSaveFailed: 'The note could not be saved; your text is still here: ',
  tagsHeading: 'Tags',
  annotationTagAdd: 'Add a tag',
  annotationTagPlaceholder: 'New tag, then Enter',
  annotationDelete: 'Delete highlight',
  annotationDeleted: 'Highlight deleted.',
  annotationUpdateFailed: 'The highlight could not be changed: ',
  annotationDeleteFailed: 'The highlight could not be deleted: ',
  undoFailed: 'Undo failed: ',
  redoFailed: 'Redo failed: ',
  undone: (what: string): string => `Undone: ${what}.`,
  redone: (what: string): string => `Redone: ${what}.`,
  historyCreate: 'highlight',
  historyDelete: 'delete highlight',
  historyRecolor: 'change colour',
  historyNote: 'edit note',
  historyTags: 'edit tags',
  unknownAuthor: 'Unknown author',

  // Notes panel
  notesPanel: 'Notes',
  notesPanelToggle: 'Notes',
  notesPanelShortcut: 'Show or hide the notes (Ctrl+Shift+M)',
  notesCount: (shown: number, total: number): string =>
    shown === total
      ? plural(total, 'highlight', 'highlights')
      : `${shown} of ${plural(total, 'highlight', 'highlights')}`,
  notesEmpty: 'No highlights yet. Select text, then pick a colour or press H.',
  notesNoMatch: 'No highlight matches the filter.',
  notesFilterText: 'Search highlights and notes',
  notesFilterTextPlaceholder: 'Search…',
  notesFilterColor: 'Colour',
  notesFilterColorLabel: (color: string): string => `Show ${color.toLowerCase()} highlights`,
  notesFilterTag: 'Tag',
  notesFilterAuthor: 'Author',
  notesFilterAny: 'All',
  notesFilterClear: 'Clear filters',
  notesOrphans: 'Not found in this text',
  notesOrphansHint:
    'The text these highlights were made on has changed, and their passage could not be found. They are kept here.',
  notesShowMore: (n: number): string => `Show ${n} more`,
  notesGoTo: (quote: string): string => `Go to the highlight “${isolate(quote)}”`,
  notesEdit: 'Edit',
  notesEditLabel: (quote: string): string => `Edit the highlight “${isolate(quote)}”`,
  notesDeleteLabel: (quote: string): string => `Delete the highlight “${isolate(quote)}”`,
  notesClose: 'Hide the notes',

  // Profile
  profileName: 'Your name',
  profileNameHint: 'Shown as the author of your highlights and notes.',
  profileNameEmpty: 'Your name cannot be empty.',
  profileSaved: 'Saved.',
  profileSaveFailed: 'Your name could not be saved: ',

  // Settings
  settingsTitle: 'Reading settings',
  settingsFont: 'Font',
  fontNames: { amiri: 'Amiri', 'noto-naskh-arabic': 'Noto Naskh Arabic', system: 'System font' },
  fontSample: 'بسم الله الرحمن الرحيم',
  settingsSize: 'Text size',
  settingsLineHeight: 'Line height',
  settingsWidth: 'Column width',
  settingsTheme: 'Theme',
  themeNames: { system: 'Like the system', light: 'Light', dark: 'Dark', sepia: 'Sepia' },
  settingsReset: 'Restore defaults',
  settingsSaveFailed: 'Your reading settings could not be saved: ',
  settingsLoadFailed: 'Your reading settings could not be loaded: ',
  px: (n: number): string => `${n} px`,
  chars: (n: number): string => `${n} characters`,

  // Notices
  noticesLabel: 'Notices',
  dismiss: 'Dismiss',
  dismissLabel: 'Dismiss this notice',

  // Help
  helpTitle: 'Help',
  helpIntro:
    'Hamish keeps your articles on this computer. Import files, open an article to read it, and select text to copy it.',
  helpShortcutsHeading: 'Keyboard',
  helpShortcuts: [
    ['?', 'This list of shortcuts'],
    ['Ctrl+O / ⌘O', 'Import files'],
    ['Ctrl+, / ⌘,', 'Reading settings'],
    ['Ctrl+= / ⌘=', 'Larger reading text'],
    ['Ctrl+- / ⌘-', 'Smaller reading text'],
    ['Ctrl+0 / ⌘0', 'Default reading text size'],
    ['Ctrl+E / ⌘E', 'Export the open article'],
    [
      'Ctrl+F / ⌘F',
      'Find in the article (Enter: next, Shift+Enter: previous, Escape: close and select the match)',
    ],
    ['Ctrl+Shift+F / ⇧⌘F', 'Focus mode: only the text (Escape leaves it)'],
    ['Tab / Shift+Tab', 'Move between controls'],
    ['Enter', 'Open the focused article or button'],
    ['Escape', 'Close a dialog'],
    ['Shift+Arrow keys', 'Select text in the article (Ctrl+Shift: by word)'],
    ['Ctrl+A / ⌘A', 'Select the whole article'],
    ['Ctrl+C / ⌘C', 'Copy the selection'],
    ['H / Shift+H', 'Highlight the selection in the last colour used'],
    ['1 – 5', 'Highlight the selection in yellow, green, blue, pink or purple'],
    ['N', 'Highlight the selection and write a note'],
    ['Tab / Shift+Tab (in the article)', 'Go to the next or previous highlight'],
    ['Enter (on a highlight)', 'Edit the highlight: colour, note, tags'],
    ['Delete (on a highlight)', 'Delete the highlight'],
    ['Ctrl+Shift+M', 'Show or hide the notes'],
    ['Ctrl+Z / ⌘Z', 'Undo (highlights, notes, moving an article to the Trash)'],
    ['Ctrl+Shift+Z, Ctrl+Y / ⇧⌘Z', 'Redo'],
  ] as const,

  // Errors
  unexpectedError: 'Something went wrong; nothing was changed.',
  actionFailed: (what: string, why: string): string => `${what} failed: ${why}`,
  renameAction: 'Renaming',
  tagsAction: 'Saving the tags',
  trashAction: 'Moving to the Trash',
  restoreAction: 'Restoring',
  loadLibraryFailed: 'The library could not be loaded: ',
  findLabel: 'Find in article',
  findPlaceholder: 'Find in article…',
  findPrevious: 'Previous match (Shift+Enter)',
  findNext: 'Next match (Enter)',
  findFolded: 'Ignore diacritics and letter variants',
  findWholeWord: 'Whole word',
  findClose: 'Close (Escape)',
  findNone: 'No matches',
  findCount: (n: number, total: number): string => `${n} of ${total}`,
  focusModeOn: 'Focus mode: press Escape to bring the panels back.',
  focusModeOff: 'Focus mode off.',
  exportButton: 'Export…',
  exportTitle: (title: string): string => `Export ${isolate(title)}`,
  exportFormatLegend: 'Format',
  exportFormats: {
    md: {
      name: 'Markdown',
      hint: 'The article with ==highlights== and notes as footnotes (Obsidian, Pandoc)',
    },
    'md-gfm': { name: 'Markdown for GitHub', hint: 'The same, with <mark> highlights' },
    'notes-md': { name: 'Notes summary', hint: 'Each highlight as a quote with its note, colour and tags' },
    html: { name: 'Web page', hint: 'One self-contained file, font included, highlights in colour' },
    pdf: { name: 'PDF', hint: 'Printed with highlights in colour and notes as endnotes' },
  },
  exportGroupByColor: 'Group notes by colour',
  exportPaper: 'Paper size',
  exportAction: 'Export',
  exportRunning: (format: string): string => `Exporting ${format}…`,
  exportDownloaded: (name: string): string => `Exported ${isolate(name)}.`,
  exportSaved: (location: string): string => `Saved ${isolate(location)}.`,
  exportShowFile: 'Show file',
  exportOpenArticleFirst: 'Open an article to export it.',
  exportFailed: 'The export failed; nothing was written. ',

  // Sharing annotation files (issue 5)
  authorBadgeTitle: (name: string): string => `Annotated by ${isolate(name)}`,
  notesFilterAuthors: 'Authors',
  notesShowAuthor: (name: string): string => `Show annotations by ${isolate(name)}`,
  shareButton: 'Share notes…',
  shareTitle: (title: string): string => `Share the notes on ${isolate(title)}`,
  shareExportHeading: 'Export annotations',
  shareExportHint: 'Saves your highlights and notes on this article as a .hamish.json file for colleagues.',
  shareBundle: 'Include the article (bundle), for colleagues who do not have it',
  shareExportAction: 'Export annotations',
  shareExporting: 'Exporting annotations…',
  shareImportHeading: 'Import annotations',
  shareImportHint: 'Merges a colleague’s .hamish.json file (or a Hypothesis JSON export) into your library.',
  shareImportAction: 'Import annotations…',
  shareImportPickerLabel: 'Choose annotation files to import',
  shareExportFailed: 'The export failed; nothing was written. ',
  annotationImportTitle: (name: string): string => `Importing ${isolate(name)}`,
  annotationImportRunning: (name: string): string => `Merging the annotations of ${isolate(name)}…`,
  annotationImportFailed: 'Nothing was imported; your library is unchanged. ',
  annotationImportRead: (name: string): string => `${isolate(name)} could not be read: `,
  chooseArticleTitle: 'Which article are these notes for?',
  chooseArticleIntro: (title: string): string =>
    `The file’s article, ${isolate(title)}, is not in your library with the same text. Pick the article to attach its notes to.`,
  chooseArticleCandidates: 'Best matches',
  chooseArticleMatch: (percent: number): string => `${percent}% match`,
  chooseArticleOther: 'Another article:',
  chooseArticleOtherLabel: 'Another article from the library',
  chooseArticleNone:
    'There are no articles in your library to attach these notes to. Import the article first, or ask for a bundle.',
  chooseArticleImport: 'Import',
  reportTitle: (title: string): string => `Notes imported into ${isolate(title)}`,
  reportArticleCreated: 'The article came with the file (a bundle) and was added to your library.',
  reportCounts: {
    added: (n: number): string => `${n} added`,
    updated: (n: number): string => `${n} updated`,
    unchanged: (n: number): string => `${n} unchanged`,
    conflicts: (n: number): string => plural(n, 'conflict', 'conflicts'),
    orphaned: (n: number): string => `${n} orphaned`,
    rejected: (n: number): string => `${n} rejected`,
  },
  reportSummary: 'Summary',
  reportConflicts: 'Conflicts (resolved the same way on every machine)',
  reportConflictKept: (kept: 'local' | 'incoming'): string =>
    kept === 'local' ? 'kept your version' : 'kept the file’s version',
  reportOrphaned:
    'Orphaned: not found in your copy of the text; kept, and listed under “Not found in this text”.',
  reportRejected: 'Rejected',
  reportNoId: '(no id)',
  reportOpenArticle: 'Open article',
} as const
