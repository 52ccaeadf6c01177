/**
 * The English interface, as i18next resources. Keys are the names the
 * renderer's `strings` facade and main's menu use; `{{name}}` is filled in by
 * i18next, `{{n, number}}` through Intl.NumberFormat for the current
 * language, and keys ending in `_one`/`_other` are plural forms chosen by
 * Intl.PluralRules. The Arabic table (ar.ts) has the same keys, except that
 * each plural has Arabic's six forms (`_zero` … `_other`); the translation
 * test holds the two tables to that.
 */
export const en = {
  appName: 'Hamish',
  appTagline: 'هامش',
  windowTitle: '{{title}} — Hamish',
  startupFailed: 'Hamish could not start',

  // Top bar
  navLibrary: 'Library',
  navImport: 'Import…',
  navSettings: 'Settings',
  navHelp: 'Help',
  navSearch: 'Search',
  importShortcut: 'Import files (Ctrl+O)',
  settingsShortcut: 'Settings (Ctrl+,)',
  mainNavigation: 'Main',
  skipToContent: 'Skip to content',

  // Library
  libraryHeading: 'Library',
  filterLabel: 'Filter by title, author or publication',
  filterPlaceholder: 'Filter by title, author or publication…',
  columnTitle: 'Title',
  columnDate: 'Date',
  columnSource: 'Source',
  columnAnnotations: 'Annotations',
  columnAdded: 'Added',
  columnTags: 'Tags',
  columnActions: 'Actions',
  sortBy: 'Sort by {{column}}',
  articles_one: '{{count, number}} article',
  articles_other: '{{count, number}} articles',
  articlesShown: '{{shown, number}} of {{articles}}',
  libraryEmpty: 'Your library is empty.',
  libraryEmptyHint:
    'Import articles with the Import button, with Ctrl+O, or by dropping files onto this window. Hamish reads .txt, .md, .html, .epub, .docx and .pdf files.',
  noMatch: 'No article title contains “{{query}}”.',
  noDate: '—',
  rename: 'Rename',
  renameLabel: 'Rename “{{title}}”',
  editTags: 'Tags',
  editTagsLabel: 'Edit the tags of “{{title}}”',
  trash: 'Delete',
  trashLabel: 'Delete “{{title}}” (move it to the Trash)',
  openLabel: 'Open “{{title}}”',
  movedToTrash: '“{{title}}” was moved to the Trash.',
  undo: 'Undo',
  restored: '“{{title}}” was restored.',
  trashHeading: 'Trash ({{count, number}})',
  trashEmpty: 'The Trash is empty.',
  trashedOn: 'Deleted',
  restore: 'Restore',
  restoreLabel: 'Restore “{{title}}”',
  deleteForever: 'Delete Forever',
  deleteForeverLabel: 'Delete forever: “{{title}}”',
  deleteForeverTitle: 'Delete forever?',
  deleteForeverMessage:
    '“{{title}}”, with its highlights and notes, will be deleted from this computer. This cannot be undone.',
  deletedForever: '“{{title}}” was deleted for good.',
  emptyTrash: 'Empty Trash',
  emptyTrashTitle: 'Empty the Trash?',
  emptyTrashMessage_one:
    'The article in the Trash, with its highlights and notes, will be deleted from this computer. This cannot be undone.',
  emptyTrashMessage_other:
    'The {{count, number}} articles in the Trash, with their highlights and notes, will be deleted from this computer. This cannot be undone.',
  trashEmptied_one: '{{count, number}} article was deleted for good.',
  trashEmptied_other: '{{count, number}} articles were deleted for good.',

  // Library search
  searchLabel: 'Search the library',
  searchPlaceholder: 'Search text, titles, notes and tags…',
  searchShortcut: 'Search the library (Ctrl+K)',
  searchClear: 'Clear the search',
  searchRunning: 'Searching…',
  searchNone: 'Nothing in the library matches “{{query}}”.',
  searchMatches_one: '{{count, number}} match',
  searchMatches_other: '{{count, number}} matches',
  searchMatchesOf_one: '{{shown, number}} of {{count, number}} match',
  searchMatchesOf_other: '{{shown, number}} of {{count, number}} matches',
  searchSummary: '{{matches}} in {{articles}}',
  searchResultsLabel: 'Search results',
  searchFields: { text: 'Text', title: 'Title', quote: 'Highlight', note: 'Note', tag: 'Tag' },
  searchMatchIn: 'in “{{title}}”',
  searchMore_one: 'Show {{count, number}} more match',
  searchMore_other: 'Show {{count, number}} more matches',
  searchMoreArticles_one: 'Show {{count, number}} more article',
  searchMoreArticles_other: 'Show {{count, number}} more articles',
  searchFailed: 'The search failed: ',

  // Dialogs
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  renameTitle: 'Rename article',
  renameField: 'Title',
  renameEmpty: 'The title cannot be empty.',
  tagsTitle: 'Tags',
  tagsFor: 'Tags of “{{title}}”',
  tagsNone: 'No tags yet.',
  tagAddLabel: 'New tag',
  tagAddPlaceholder: 'Type a tag and press Enter',
  tagAdd: 'Add',
  tagRemoveLabel: 'Remove the tag “{{tag}}”',

  // Import
  importPickerLabel: 'Choose files to import into the library',
  untitledFile: 'untitled',
  importProgress: 'Importing {{done, number}} of {{total, number}}: {{name}}…',
  importAdded_one: '{{count, number}} article added',
  importAdded_other: '{{count, number}} articles added',
  importDuplicate: '{{count, number}} already in the library',
  importRejected_one: '{{count, number}} file rejected',
  importRejected_other: '{{count, number}} files rejected',
  importRejectedPages_one: '{{count, number}} page rejected',
  importRejectedPages_other: '{{count, number}} pages rejected',
  importCancelled_one: '{{count, number}} file cancelled',
  importCancelled_other: '{{count, number}} files cancelled',
  importCancelledPages_one: '{{count, number}} page cancelled',
  importCancelledPages_other: '{{count, number}} pages cancelled',
  importCancel: 'Stop importing',
  importCancelling: 'Cancelling…',
  unfinishedImports_one:
    '{{count, number}} file was not imported because Hamish closed during the import: {{names}}.',
  unfinishedImports_other:
    '{{count, number}} files were not imported because Hamish closed during the import: {{names}}.',
  unfinishedImportsLabel: 'Unfinished imports',
  unfinishedRetry: 'Choose these files again',
  unfinishedSaveAgain: 'Save these pages again',
  unfinishedRetryBoth: 'Save the pages again and choose the files',
  unfinishedDismiss: 'Dismiss',
  listSeparator: ', ',
  sentenceEnd: '.',
  importStatus: {
    added: 'Added',
    duplicate: 'Already in library',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
  },
  importOpen: 'Open',
  importResultsLabel: 'Import results',
  dropHere: 'Drop files to import them',
  dropHint: 'Text, Markdown, HTML, EPUB, Word (.docx) and PDF files; .hamish.json annotation files',
  saveFromAddress: 'Save from address…',
  addressDialogTitle: 'Save a page from its address',
  addressField: 'Web address',
  addressHint:
    'An http:// or https:// address. Hamish fetches the page once and keeps its text in the library.',
  addressSave: 'Save page',
  addressEmpty: 'Type or paste the page’s address.',
  addressInvalid: 'This is not a web address Hamish can save from: it must start with http:// or https://.',
  addressMalformed:
    'This address is not well formed: check it for spaces, a missing host name or a port number above 65535.',
  addressTooLong:
    'This address is longer than {{limit, number}} characters, more than Hamish saves from. Use the page’s shorter address (without tracking parameters, for instance).',
  addressCredentials:
    'This address holds a user name or password (the part before @). Hamish keeps the address with the page, so it does not save from such addresses.',
  privateAddressTitle: 'Save from this computer or your local network?',
  privateAddressQuestion:
    '{{address}} leads to {{ip}}, which is on this computer or your local network rather than the public web. Save the page only if you trust what is served there.',
  privateAddressConfirm: 'Save anyway',
  importRedirects: 'Redirected: {{chain}}',

  // Reader
  readerLoading: 'Opening the article…',
  readerTextLabel: 'Text of “{{title}}”',
  readerBack: 'Back to the library',
  readerNav: 'Reader',
  readerSavedFrom: 'Saved from the web on {{date}}',
  readerNotFound: 'This article could not be opened.',
  readerContents: 'Contents',
  readerContentsLabel: 'Contents and pages',
  readerContentsNone: 'This text has no headings.',
  readerPercent: '{{percent, number}}% of the text',
  readerPage: 'page {{page, number}} of {{last, number}}',
  readerGoToPage: 'Go to page',
  readerGo: 'Go',
  readerNoSuchPage: 'No such page here: type a page from {{first, number}} to {{last, number}}.',

  // Highlights and notes
  colorNames: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' },
  highlightToolbar: 'Highlight the selection',
  highlightIn: {
    yellow: 'Highlight in yellow',
    green: 'Highlight in green',
    blue: 'Highlight in blue',
    pink: 'Highlight in pink',
    purple: 'Highlight in purple',
  },
  highlightKey: '{{action}} ({{key}})',
  highlightNote: 'Note',
  highlightNoteLabel: 'Highlight and write a note (N)',
  highlightSaving: 'Saving the highlight…',
  highlightSaved: 'Highlight saved.',
  highlightSaveFailed: 'The highlight could not be saved: ',
  highlightOf: 'Highlight {{n, number}} of {{total, number}}: {{quote}}',
  popoverTitle: 'Highlight',
  popoverColor: 'Colour',
  recolorTo: 'Colour: {{color}}',
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
  undone: 'Undone: {{what}}.',
  redone: 'Redone: {{what}}.',
  historyCreate: 'highlight',
  historyDelete: 'delete highlight',
  historyRecolor: 'change colour',
  historyNote: 'edit note',
  historyTags: 'edit tags',
  unknownAuthor: 'Unknown author',

  // Notes panel
  notesPanel: 'Notes',
  theirVersion: 'Their version',
  theirVersionHeading: 'Their version ({{author}})',
  theirVersionDeleted: 'They deleted this note.',
  theirVersionUse: 'Use theirs',
  theirVersionKeepMine: 'Keep mine',
  theirVersionKeepBoth: 'Keep both',
  theirVersionFailed: 'Nothing was changed. ',
  notesPanelToggle: 'Notes',
  notesPanelShortcut: 'Show or hide the notes (Ctrl+Shift+M)',
  highlights_one: '{{count, number}} highlight',
  highlights_other: '{{count, number}} highlights',
  highlightsShown: '{{shown, number}} of {{highlights}}',
  notesEmpty: 'No highlights yet. Select text, then pick a colour or press H.',
  notesNoMatch: 'No highlight matches the filter.',
  notesFilterText: 'Search highlights and notes',
  notesFilterTextPlaceholder: 'Search…',
  notesFilterColor: 'Colour',
  notesFilterColorLabel: {
    yellow: 'Show yellow highlights',
    green: 'Show green highlights',
    blue: 'Show blue highlights',
    pink: 'Show pink highlights',
    purple: 'Show purple highlights',
  },
  notesFilterTag: 'Tag',
  notesFilterAuthor: 'Author',
  notesFilterAny: 'All',
  notesFilterClear: 'Clear filters',
  notesOrphans: 'Not found in this text',
  notesOrphansHint:
    'The text these highlights were made on has changed, and their passage could not be found. They are kept here.',
  notesShowMore: 'Show {{count, number}} more',
  notesGoTo: 'Go to the highlight “{{quote}}”',
  notesEdit: 'Edit',
  notesEditLabel: 'Edit the highlight “{{quote}}”',
  notesDeleteLabel: 'Delete the highlight “{{quote}}”',
  notesClose: 'Hide the notes',

  // Profile
  profileName: 'Your name',
  profileNameHint: 'Shown as the author of your highlights and notes.',
  profileNameEmpty: 'Your name cannot be empty.',
  profileSaved: 'Saved.',
  profileSaveFailed: 'Your name could not be saved: ',

  // Settings
  settingsTitle: 'Settings',
  settingsLanguage: 'Language of the interface',
  settingsLanguageHint: 'Articles keep their own language and direction.',
  languageNames: { system: 'Like the system', en: 'English', ar: 'العربية' },
  settingsFont: 'Font',
  fontNames: { amiri: 'Amiri', 'noto-naskh-arabic': 'Noto Naskh Arabic', system: 'System font' },
  fontSample: 'بسم الله الرحمن الرحيم',
  settingsSize: 'Text size',
  settingsLineHeight: 'Line height',
  settingsWidth: 'Column width',
  settingsTheme: 'Theme',
  themeNames: { system: 'Like the system', light: 'Light', dark: 'Dark', sepia: 'Sepia' },
  settingsReset: 'Restore defaults',
  settingsSaveFailed: 'Your settings could not be saved: ',
  settingsLoadFailed: 'Your settings could not be loaded: ',

  // Settings > Team (the team library)
  teamHeading: 'Team',
  teamIntro:
    'Share articles and your annotations on them with colleagues through one folder you all sync (Syncthing, a shared or network drive, a cloud folder). Nothing leaves this library until you share an article.',
  teamJoinHeading: 'Create or join a team folder',
  teamNameLabel: 'Your name',
  teamNameHint: 'Colleagues see this name on your annotations; it is also your name in Settings.',
  teamFolderLabel: 'Team folder',
  teamFolderHint:
    'The path of an empty folder creates a new team; the folder a colleague shared with you joins theirs.',
  teamJoinDialog: 'Choose the folder and join…',
  teamJoin: 'Create or join',
  teamJoining: 'Joining…',
  teamJoinFailed: 'Could not join the team: ',
  teamName: 'Team “{{name}}”',
  teamSyncedAt: 'Synced at {{time}}.',
  teamNeverSynced: 'Not synced yet.',
  teamSyncing: 'Syncing…',
  teamWaiting_one: 'Waiting for {{count, number}} file.',
  teamWaiting_other: 'Waiting for {{count, number}} files.',
  teamProblems_one: 'Problems: {{count, number}} file refused.',
  teamProblems_other: 'Problems: {{count, number}} files refused.',
  teamPaused:
    'Paused: the team folder is not there (an unmounted drive?). Nothing is lost; syncing resumes when it is back.',
  teamLastReport: 'Last sync',
  teamReportCounts: {
    added: 'Annotations added: {{count, number}}',
    updated: 'Annotations updated: {{count, number}}',
    deleted: 'Annotations deleted: {{count, number}}',
    conflicts: 'Conflicts merged (both versions kept): {{count, number}}',
    articles: 'Articles received: {{count, number}}',
    notReady: 'Files not ready yet (read again next time): {{count, number}}',
    refused: 'Files refused (nothing of them merged): {{count, number}}',
  },
  teamMembersHeading: 'Members',
  teamMemberYou: '{{name}} (you)',
  teamLastSeen: 'last seen {{time}}',
  teamSharedHeading: 'Shared articles',
  teamSharedNone: 'No article of this library is shared yet. Open an article and choose “Share with team”.',
  teamSyncNow: 'Sync now',
  teamSyncFailed: 'The sync failed: ',
  teamLeave: 'Leave the team',
  teamLeaveTitle: 'Leave the team?',
  teamLeaveMessage:
    'This library keeps every article and annotation, and the team folder keeps what was shared; nothing syncs any more.',
  teamLeaveFailed: 'Could not leave the team: ',
  teamShareButton: 'Share with team',
  teamUnshareButton: 'Stop sharing',
  teamShareTitle: 'Share with the team?',
  teamShareMessage:
    '“{{title}}”, its text and your annotations on it, will go to every member of the team “{{team}}”, and your new annotations on it after them. Sharing cannot be taken back: what members have received stays with them, even if you stop sharing. Your other articles and notes stay private.',
  teamShareConfirm: 'Share',
  teamShared: '“{{title}}” is shared with the team.',
  teamUnshared: '“{{title}}” is no longer shared; what was shared stays with the team.',
  teamShareFailed: 'Could not change sharing: ',
  teamFolderDialogTitle: 'Choose the team folder',
  teamFolderDialogButton: 'Use this folder',
  px: '{{n, number}} px',
  chars_one: '{{count, number}} character',
  chars_other: '{{count, number}} characters',

  // Notices
  noticesLabel: 'Notices',
  dismiss: 'Dismiss',
  dismissLabel: 'Dismiss this notice',

  // Help
  helpTitle: 'Help',
  helpIntro:
    'Hamish keeps your articles on this computer. Import files, open an article to read it, and select text to copy it.',
  helpShortcutsHeading: 'Keyboard',
  helpShortcuts: {
    help: 'This list of shortcuts',
    import: 'Import files',
    saveAddress: 'Save a page from its web address',
    settings: 'Settings',
    search: 'Search the library',
    larger: 'Larger reading text',
    smaller: 'Smaller reading text',
    resetSize: 'Default reading text size',
    export: 'Export the open article',
    find: 'Find in the article (Enter: next, Shift+Enter: previous, Escape: close and select the match)',
    focus: 'Focus mode: only the text (Escape leaves it)',
    tab: 'Move between controls',
    enter: 'Open the focused article or button',
    escape: 'Close a dialog',
    selectKeys: 'Select text in the article (Ctrl+Shift: by word)',
    selectAll: 'Select the whole article',
    copy: 'Copy the selection',
    highlight: 'Highlight the selection in the last colour used',
    colors: 'Highlight the selection in yellow, green, blue, pink or purple',
    note: 'Highlight the selection and write a note',
    nextHighlight: 'Go to the next or previous highlight',
    editHighlight: 'Edit the highlight: colour, note, tags',
    deleteHighlight: 'Delete the highlight',
    notes: 'Show or hide the notes',
    contents: 'Show or hide the table of contents (chapters, go to page)',
    undo: 'Undo (highlights, notes, moving an article to the Trash)',
    redo: 'Redo',
  },
  helpKeysInArticle: 'in the article',
  helpKeysOnHighlight: 'on a highlight',
  helpKeysShiftArrows: 'Shift+Arrow keys',

  // Errors
  unexpectedError: 'Something went wrong; nothing was changed.',
  actionFailed: '{{what}} failed: {{why}}',
  renameAction: 'Renaming',
  tagsAction: 'Saving the tags',
  trashAction: 'Moving to the Trash',
  restoreAction: 'Restoring',
  deleteAction: 'Deleting',
  loadLibraryFailed: 'The library could not be loaded: ',

  // Find in article
  findLabel: 'Find in article',
  findPlaceholder: 'Find in article…',
  findPrevious: 'Previous match (Shift+Enter)',
  findNext: 'Next match (Enter)',
  findFolded: 'Ignore diacritics and letter variants',
  findWholeWord: 'Whole word',
  findClose: 'Close (Escape)',
  findNone: 'No matches',
  findCount: '{{n, number}} of {{total, number}}',
  focusModeOn: 'Focus mode: press Escape to bring the panels back.',
  focusModeOff: 'Focus mode off.',

  // Export
  exportButton: 'Export…',
  exportTitle: 'Export {{title}}',
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
  paperNames: { A4: 'A4', Letter: 'US Letter' },
  exportAction: 'Export',
  exportRunning: 'Exporting {{format}}…',
  exportDownloaded: 'Exported {{name}}.',
  exportSaved: 'Saved {{location}}.',
  exportShowFile: 'Show file',
  exportOpenArticleFirst: 'Open an article to export it.',
  exportFailed: 'The export failed; nothing was written. ',

  // Sharing annotation files
  authorBadgeTitle: 'Annotated by {{name}}',
  notesFilterAuthors: 'Authors',
  notesShowAuthor: 'Show annotations by {{name}}',
  shareButton: 'Share notes…',
  shareTitle: 'Share the notes on {{title}}',
  shareExportHeading: 'Export annotations',
  shareExportHint: 'Saves your highlights and notes on this article as a .hamish.json file for colleagues.',
  annotationFileType: 'Hamish annotations',
  shareBundle: 'Include the article (bundle), for colleagues who do not have it',
  shareExportAction: 'Export annotations',
  shareExporting: 'Exporting annotations…',
  shareImportHeading: 'Import annotations',
  shareImportHint: 'Merges a colleague’s .hamish.json file (or a Hypothesis JSON export) into your library.',
  shareImportAction: 'Import annotations…',
  shareImportPickerLabel: 'Choose annotation files to import and merge',
  shareExportFailed: 'The export failed; nothing was written. ',
  annotationImportTitle: 'Importing {{name}}',
  annotationImportRunning: 'Merging the annotations of {{name}}…',
  annotationImportFailed: 'Nothing was imported; your library is unchanged. ',
  annotationImportRead: '{{name}} could not be read: ',
  chooseArticleTitle: 'Which article are these notes for?',
  chooseArticleIntro:
    'The file’s article, {{title}}, is not in your library with the same text. Pick the article to attach its notes to.',
  chooseArticleCandidates: 'Best matches',
  chooseArticleMatch: '{{percent, number}}% match',
  chooseArticleOther: 'Another article:',
  chooseArticleOtherLabel: 'Another article from the library',
  chooseArticleNone:
    'There are no articles in your library to attach these notes to. Import the article first, or ask for a bundle.',
  chooseArticleImport: 'Import',
  chooseArticleWeak: 'weak match',
  chooseArticleNoStrong: 'None of your articles clearly holds these passages, so none is chosen for you.',
  chooseArticleMissing: 'This article is not in my library',
  chooseArticleAskBundle:
    'Nothing was imported. Ask the sender for a bundle: in Share notes…, they export the notes with the article, and importing that file adds the article with its notes.',
  orphansTitle: 'None of these passages is in this article',
  orphansIntro:
    'None of the file’s passages is found in {{title}}: every note would be an unplaced note. Import them anyway?',
  orphansBack: 'Choose another article',
  orphansImport: 'Import as unplaced notes',
  reportTitle: 'Notes imported into {{title}}',
  reportArticleCreated: 'The article came with the file (a bundle) and was added to your library.',
  reportCounts: {
    added: '{{count, number}} added',
    updated: '{{count, number}} updated',
    unchanged: '{{count, number}} unchanged',
    older: '{{count, number}} older in the file (yours kept)',
    ahead: 'Dated ahead of this computer’s clock: {{count, number}}',
    deleted: '{{count, number}} deleted here, as in the file',
    conflicts_one: '{{count, number}} conflict',
    conflicts_other: '{{count, number}} conflicts',
    orphaned: '{{count, number}} orphaned',
    rejected: '{{count, number}} rejected',
  },
  reportSummary: 'Summary',
  reportConflicts: 'Conflicts (both versions kept; choose on the note: Use theirs, Keep mine or Keep both)',
  reportYours: 'Yours',
  reportTheirs: 'Theirs',
  reportVersionDeleted: '(deleted)',
  reportVersionEmpty: '(no note)',
  reportChangedBy: 'their version is by {{name}}',
  reportChangedInFile: 'their version comes from {{name}}',
  reportColour: 'colour: {{colour}}',
  reportTags: 'tags: {{tags}}',
  reportNoTags: 'no tags',
  reportConflictKept: { local: 'kept your version', incoming: 'kept the file’s version' },
  reportOrphaned:
    'Orphaned: not found in your copy of the text; kept, and listed under “Not found in this text”.',
  reportRejected: 'Rejected',
  reportNoId: '(no id)',
  reportOpenArticle: 'Open article',

  // Sentences main words for the user (errors, import outcomes, notices), as LocalText keys
  messages: {
    inFile: '{{name}}: {{message}}',
    unexpected: 'Something went wrong inside Hamish; the library was not changed.',
    added: '{{name}}: added as “{{title}}”.',
    duplicate: '{{name}}: already in the library as “{{title}}”; nothing was added.',
    importCancelled: '{{name}}: the import was cancelled; nothing was added.',
    notWebAddress:
      '{{address}}: not an address Hamish can save from; it saves pages from http:// and https:// addresses.',
    addressWithCredentials:
      'An address on {{address}} with a user name or password (the part before @) was not saved: Hamish keeps the address with the page. Nothing was added.',
    privateAddress:
      '{{address}}: this address leads to {{ip}}, on this computer or a private network rather than the public web. Save it only if you trust it (confirm, or on the command line add --allow-private).',
    fetchStatus: '{{address}}: the server answered {{status}} {{reason}}; nothing was added.',
    fetchType:
      '{{address}}: the address holds {{type}}, not a web page; Hamish saves HTML and plain-text pages. Download the file and import it instead.',
    fetchNoType:
      '{{address}}: the server did not say what the page is (it sent no Content-Type), and it is neither HTML nor text; nothing was added. Download the file and import it instead.',
    fetchTooLarge:
      '{{address}}: the page is larger than {{limit, number}} MB, the most Hamish imports; nothing was added.',
    fetchTooManyRedirects:
      '{{address}}: the address redirects too many times (the limit is {{limit, number}}); nothing was added.',
    fetchTimedOut:
      '{{address}}: the server did not answer in time (the limit is {{seconds, number}} s); nothing was added. Try again later.',
    fetchRefused: '{{address}}: {{host}} refused the connection; nothing was added. Check the address.',
    fetchNoHost:
      '{{address}}: could not find {{host}}; check the address and that you are online. Nothing was added.',
    fetchUnreachable:
      '{{address}}: this computer cannot reach {{host}}; check that you are online. Nothing was added.',
    fetchDropped:
      '{{address}}: the connection to {{host}} was cut before the page arrived; nothing was added. Try again.',
    fetchFailed: '{{address}}: the page could not be fetched ({{detail}}); nothing was added.',
    redirectedTo: 'redirected to {{address}}',
    duplicateInTrash:
      '{{name}}: already in the library as “{{title}}” (in the trash: restore it from there); nothing was added.',
    unsupportedType:
      '{{name}}: Hamish cannot import .{{extension}} files; it reads .txt, .md, .html, .epub, .docx and .pdf.',
    unsupportedNoExtension:
      '{{name}}: Hamish cannot import files without an extension; it reads .txt, .md, .html, .epub, .docx and .pdf.',
    tooLarge:
      '{{name}}: the file is {{megabytes, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB; Hamish imports files up to {{limit, number}} MB. Split it into smaller files and import those.',
    importOutOfMemory:
      '{{name}}: too large or too complex for Hamish to import: converting it used up the memory an import may use, so nothing was added. Split it into smaller files and import those.',
    emptyFile: '{{name}}: the file is empty (0 bytes). Choose the file that holds the article.',
    blankFile: '{{name}}: the file holds only blank space, no text. Choose the file that holds the article.',
    pageEmpty: '{{name}}: the page at this address is empty (the server sent nothing); nothing was added.',
    pageBlank: '{{name}}: the page at this address holds only blank space, no text; nothing was added.',
    pageNoText:
      '{{name}}: Hamish found no readable text on the page at this address (only markup, scripts or images); nothing was added. Check the address, or save the page from your browser and import that file.',
    pageBinary:
      '{{name}}: the server sends this address as a page, but it is {{kind}}, not text; nothing was added. Download the file instead, and import it if Hamish reads its format.',
    pageTextTooLong:
      "{{name}}: the page's text is longer than {{millions, number}} million characters, more than Hamish imports; nothing was added.",
    pageUnsafe:
      '{{name}}: Hamish could not convert the page at this address into a safe document; nothing was added. Save the page from your browser as plain text and import that file.',
    undecodable: '{{name}}: {{reason}}. Open it in a text editor, save it as UTF-8 and import it again.',
    utf32: 'this is UTF-32 text, which Hamish does not read',
    badUtf16:
      'the file starts with a {{encoding}} byte-order mark but its bytes are not valid {{encoding}} text',
    badUtf8Bom: 'the file starts with a UTF-8 byte-order mark but its bytes are not valid UTF-8',
    unknownEncoding:
      'the file is not UTF-8, and Hamish could not tell its encoding: read as Windows-1256 or ISO-8859-6 (the legacy Arabic encodings) or as Windows-1252 (Western European) it does not come out as text',
    fileProblems: {
      notCollection: 'it is not a W3C AnnotationCollection',
      wrongContext: 'its @context does not name {{context}}',
      remoteAnnotations: 'its annotations are not in the file but at another address',
      noPage: 'it has no page of annotations (first.items)',
      morePages: 'its annotations continue on further pages, and Hamish reads files that hold all of them',
      wrongTotal: 'it says it holds {{total}} annotations but holds {{count, number}}',
      notObject: 'is not an object',
      noVersion: 'has no valid version',
      noArticle: 'does not describe the article',
      noFingerprint: 'has no valid article fingerprint',
      tooDeep: 'is nested more than {{limit, number}} levels deep',
      unreadableDocument: 'is not a document Hamish can read',
      unreadableDocumentAt: 'is not a document Hamish can read ({{detail}})',
      noText: 'has no text',
      tooLong: 'is longer than 50 MB of text',
      noLanguage: 'has no valid language tag',
      noDirection: 'has no valid direction (rtl or ltr)',
      noSource: 'has no valid source name',
      badDate: 'has a date that is not YYYY-MM-DD',
    },
    reasons: {
      notObject: 'it is not an annotation object',
      noId: 'it has no id',
      badId: 'its id {{value}} is not a valid annotation id',
      notAnnotationType: 'its type is not Annotation',
      severalTargets: 'it has several targets',
      noTarget: 'it has no target',
      otherArticle: 'its target {{value}} is another article than the file’s',
      bodyValueNotText: 'its bodyValue is not text',
      bodyNotText: 'it has a body that is not text (Hamish keeps text notes and tags only)',
      extensionNotObject: 'its {{key}} is not an object',
      badHypothesisId: 'its id {{value}} is not a Hypothesis id',
      otherPage: 'it annotates another page ({{page}}) than most of the file ({{filePage}})',
      reply: 'it is a reply to another annotation, not a note on the text',
      pageNote: 'it is a page note, not attached to a passage of the text',
      tagsNotList: 'its tags are not a list',
      noQuote: 'it has no quoted text (TextQuoteSelector), so the passage it belongs to cannot be found',
      quoteTooLong: 'its quoted text is longer than {{limit, number}} characters',
      quoteContextNotText: 'its quote’s prefix or suffix is not text',
      noteNotText: 'its note is not text',
      noteTooLong: 'its note is longer than {{limit, number}} characters',
      tagNotText: 'one of its tags is not text',
      tagTooLong: 'one of its tags is longer than {{limit, number}} characters',
      tooManyTags: 'it has more than {{limit, number}} tags',
      badColour: 'its colour {{value}} is not one of {{colours}}',
      deletedNotBoolean: 'its deleted flag is not true or false',
      noAuthor: 'it has no author',
      authorIdUnusable: 'its author id is not usable',
      authorNameNotText: 'its author’s name is not text',
      authorNameTooLong: 'its author’s name is longer than {{limit, number}} characters',
      created: 'created',
      modified: 'modified',
      noDate: 'it has no {{field}} date',
      dateNotDateTime:
        'its {{field}} date {{value}} is not a date and time with a time zone (like 2026-01-31T12:00:00Z)',
      dateNotReal: 'its {{field}} date {{value}} is not a real date',
      dateInFuture: 'its {{field}} date {{value}} is more than 5 minutes ahead of this computer’s clock',
      lineageUnusable:
        'its lineage (the versions it comes from or replaces) is not a list of version ids of the usual size',
      otherVersionUnusable: 'a version kept beside it is unusable: {{detail}}',
      originalUnusable: 'its original selectors are not a quote and a position',
      ownNew:
        'it is signed with your author id but is not in your library: a file cannot add notes under your name',
      idConflict:
        '{{count, number}} annotations in the file have this id with different content; none of them was imported',
      idSiblingRejected:
        'another annotation in the file has this id and was rejected, so this copy was not imported either',
      conflict:
        'both versions were saved at {{time}} but differ ({{parts}}); {{kept}} is shown, as it would be on any machine, and the other is kept beside it as “their version”',
      conflictConcurrent:
        'both sides changed it since the version they share ({{parts}}); {{kept}} is shown and the other is kept beside it as “their version” until you choose',
      conflictYours:
        'the file changes an annotation of yours ({{parts}}); yours stays and the file’s version waits beside it as “their version” until you accept it',
      conflictKeptTheirs: 'the colleague’s version',
      conflictKeptOurs: 'this library’s version',
      differsDeleted: 'deleted on one side only',
      differsNote: 'note',
      differsColour: 'colour',
      differsTags: 'tags',
      differsPassage: 'passage',
      differsAuthor: 'author',
      differsCreated: 'creation date',
      differsDates: 'dates',
    },
    fileKinds: {
      pdf: 'a PDF document',
      png: 'a PNG image',
      jpeg: 'a JPEG image',
      gif: 'a GIF image',
      webp: 'a WebP image',
      wav: 'a WAV sound file',
      video: 'a video or image file (MP4, MOV, HEIC…)',
      ogg: 'an Ogg audio or video file',
      flac: 'a FLAC audio file',
      office: 'a ZIP archive (a Word or OpenDocument file, or an EPUB named wrongly)',
      zipEmpty: 'an empty ZIP archive',
      zip: 'a ZIP archive',
      gzip: 'a gzip archive',
      xz: 'an xz archive',
      sevenZip: 'a 7-Zip archive',
      rar: 'a RAR archive',
      zstd: 'a Zstandard archive',
      tar: 'a tar archive',
      oldOffice: 'an old Microsoft Office document',
      elf: 'a program (ELF executable)',
      machO: 'a program (Mach-O executable)',
      machOJava: 'a program (Mach-O or Java class file)',
      wasm: 'a WebAssembly module',
      sqlite: 'an SQLite database',
      font: 'a font file',
      nulBytes: 'a binary file (it contains NUL bytes)',
      controlBytes: 'a binary file (it is full of control bytes)',
      controlChars: 'a binary file (it is full of control characters)',
    },
    binaryFile:
      '{{name}}: this is {{kind}}, not text. Hamish reads .txt, .md, .html, .epub, .docx and .pdf files; save or export the article in one of those formats and import that file.',
    noText:
      '{{name}}: Hamish found no readable text in this file (only markup, scripts or images). Choose the file that holds the article text.',
    textTooLong:
      "{{name}}: the article's text is longer than {{millions, number}} million characters. Split it into smaller files and import those.",
    unsafeDocument:
      '{{name}}: Hamish could not convert this file into a safe document, so it was not imported. Try saving it as plain text (.txt) and importing that.',
    markupTooDeep:
      '{{name}}: its elements are nested more than {{limit, number}} levels deep, deeper than any article needs, so it was not imported.',
    markdownTooDeep:
      '{{name}}: its quotes and lists are nested more than {{limit, number}} levels deep, deeper than any article needs, so it was not imported.',
    reasonNotZip: 'it is not a readable ZIP archive',
    reasonZipDamaged: 'part of the archive is damaged and cannot be unpacked',
    reasonPartMissing: '{{part}} is missing',
    reasonPartUnreadable: '{{part}} cannot be read',
    reasonNoPackageNamed: "{{part}} does not name the book's package file",
    reasonPackageMissing: 'its package file {{part}} is missing or unreadable',
    reasonNoSpine: 'its package has no spine, the list of chapters',
    reasonNoChapters: 'its package lists no chapters',
    invalidEpub:
      '{{name}}: this is not a valid EPUB book ({{detail}}). Check that the file is a complete EPUB book, or import its text as .txt or .html instead.',
    epubTooBig:
      '{{name}}: this EPUB would unpack to more than 200 MB or holds more than 5,000 files, so Hamish does not open it. Import its chapters as .html or .txt files instead.',
    invalidDocx:
      '{{name}}: this is not a readable Word document ({{detail}}). Open it in Word or LibreOffice, save it again as .docx, and import that file.',
    docxTooBig:
      '{{name}}: this Word document would unpack to more than 200 MB or holds more than 5,000 parts, so Hamish does not open it. Save its text as .docx without images, or as .txt, and import that.',
    docxBodyTooBig:
      '{{name}}: the text of this Word document (word/document.xml) would unpack to more than {{limit, number}} MB, more than Hamish can convert, so it was not opened. Split the document into smaller ones (a chapter each, say) and import those.',
    docxEncrypted:
      '{{name}}: this is a password-protected (encrypted) Word document or an old .doc file, which Hamish cannot read. Open it in Word or LibreOffice, remove the password, save it as .docx and import that file.',
    oldWordDocument:
      '{{name}}: this is an old Word document (.doc), which Hamish cannot read. Open it in Word or LibreOffice, save it as .docx, and import that file.',
    importImagesDropped_one: '{{name}}: its image was left out; Hamish imports the text only.',
    importImagesDropped_other:
      '{{name}}: its {{count, number}} images were left out; Hamish imports the text only.',
    pdfNoTextLayer:
      '{{name}}: this PDF has no text layer (its pages are images, as in a scan), and Hamish does not read text from images. Run it through OCR first, or import the article as .txt, .html or .epub.',
    pdfEncrypted:
      '{{name}}: this PDF is encrypted with a password, so Hamish cannot read its text. Save an unprotected copy from the program that opens it and import that.',
    invalidPdf:
      '{{name}}: this is not a readable PDF ({{detail}}). Check that the file is complete, or import the article as .txt, .html or .epub instead.',
    pdfNoText:
      '{{name}}: Hamish found no text to keep in this PDF: its pages hold only page numbers, running headers or little else. Choose the PDF that holds the article text.',
    reasonPdfDamaged: 'its structure is damaged, or it is not a PDF at all',
    reasonPdfPage: 'page {{page, number}} cannot be read',
    reasonPdfPageTooFull: 'page {{page, number}} holds more than {{limit, number}} pieces of text',
    pdfTooManyPages:
      '{{name}}: this PDF has {{pages, number}} pages; Hamish imports PDFs of up to {{limit, number}} pages. Split it into smaller files and import those.',
    libraryWriteFailed: '{{name}}: the library could not be written ({{detail}}); nothing was added.',
    articleNotFound: 'There is no article with id {{id}} in this library.',
    fileChangedElsewhere:
      '{{file}} was changed by another program after Hamish read it, so Hamish did not write over it: this change was not saved. Close Hamish and open it again to see the file as it is now.',
    libraryLocked:
      'The library in {{dir}} is open in another Hamish (process {{pid}} on this computer, since {{since}}). Close that one first: two programs writing one library at once would lose each other’s changes.',
    libraryLockedElsewhere:
      'The library in {{dir}} is open in Hamish on {{host}} (since {{since}}). Close it there first: two programs writing one library at once would lose each other’s changes. If that computer is off or Hamish crashed there, this library opens here 15 minutes after it was last seen.',
    libraryLockBusy:
      'The library in {{dir}} is being opened by several programs at once and none could be sure it was alone. Try again in a moment.',
    deleteNotInTrash:
      '“{{title}}” is not in the Trash: move it to the Trash first, then delete it from there.',
    articleFileDamaged: 'The file of article {{id}} is missing or damaged and no backup could be restored.',
    annotationGone: 'That annotation no longer exists in this article.',
    versionGone:
      'That version of the note is no longer there (the note changed meanwhile); nothing was changed.',
    annotationChangedElsewhere:
      'This highlight was changed elsewhere (in another window, or by an import) after you opened it, so your change was not saved. This window now has the current version; make your change again if you still want it.',
    requestIdReused:
      'This highlight request was already used for other words; nothing was saved. Select the text again.',
    changeNotSaved: 'Your change was not saved: {{why}}.',
    diskFull: 'the disk holding {{folder}} is full; free some space on it and try again',
    diskReadOnly: 'the disk holding {{folder}} is read-only, so Hamish cannot write to it',
    writeNotPermitted:
      'Hamish is not permitted to write in {{folder}}; check that folder’s permissions and try again',
    writeFailedCode: 'the file could not be written (system error {{code}})',
    searchIndexNotWritten:
      'The search index for “{{title}}” could not be written: {{why}}. Searches still find its text: Hamish indexes it again from the article at the next search.',
    annotationLogTornTail:
      'Hamish stopped while saving a change to the highlights of “{{title}}”. That change had not been saved and was left out; everything saved before it is there.',
    annotationLogDamaged:
      'The highlights file of “{{title}}” was damaged: some of the changes saved in it could not be read ({{count, number}} in all) and are missing. The damaged file was kept as {{movedTo}}; everything else was restored.',
    notYourAnnotation:
      'This highlight is {{author}}’s, in an article your team shares: only its author can change or delete it. You can add your own highlight or note beside it.',
    teamNotJoined:
      'This library is not in a team: join or create one first (Settings > Team, or hamish team join FOLDER --as NAME).',
    teamFolderNeeded: 'Type the path of the team folder to create or join.',
    teamFolderNotEmpty:
      'The folder {{folder}} holds other files but no team: choose an empty folder to create a team, or the folder a colleague shared with you to join theirs.',
    teamFileUnreadable: 'The team folder’s {{file}} cannot be used: {{why}}',
    teamFolderMissing:
      'The team folder {{folder}} is not there (an unmounted drive, or moved?). Syncing is paused; nothing was changed, and it resumes when the folder is back.',
    teamArticleNotShared: 'That article is not shared with the team.',
    selectionOutside: 'The selection lies outside the article’s text.',
    selectionMismatch:
      'The selected text does not match the article at that place; reload the article and select again.',
    recoveredLastSaved:
      '{{name}} was damaged. It was kept as {{movedTo}}, and its last saved state was restored from the backup of {{time, datetime(dateStyle: medium; timeStyle: medium)}} ({{backup}}): nothing was lost.',
    recoveredOlderCopy:
      '{{name}} was damaged, and so were its newer backups. It was kept as {{movedTo}}, and the backup of {{time, datetime(dateStyle: medium; timeStyle: medium)}} ({{backup}}) was restored: the changes saved after it could not be recovered.',
    articleFileLost:
      '{{name}}, the file of “{{title}}”, was damaged and no backup could be read. It was kept as {{movedTo}}; the article cannot be opened until a good copy of its file is put back.',
    searchSkipped: '“{{title}}” was left out of the search: {{why}}',
    metaInvalid: 'The article’s details were not saved: {{fields}} not valid. Nothing was changed.',
    metaFieldsDropped:
      'Some details of “{{title}}” in library.json could not be read and were dropped ({{fields}}); the article and everything else about it were kept. They can be filled in again.',
    recoveredEmpty:
      '{{name}} was damaged and no backup could be read. It was kept as {{movedTo}}, and Hamish started with an empty one.',
    exportNoFolder:
      'Could not save the export to {{path}}: the folder {{folder}} does not exist. Choose an existing folder, or create it first.',
    exportFolderIsFile:
      'Could not save the export to {{path}}: part of the folder path {{folder}} is a file, not a folder. Choose another folder.',
    exportIsFolder:
      'Could not save the export to {{path}}: that is a folder. Give a file name inside it instead (for example article.pdf).',
    exportPermission:
      'Could not save the export to {{path}}: permission denied. Choose a folder you can write to, or change the permissions of {{folder}}.',
    exportReadOnly:
      'Could not save the export to {{path}}: the disk is read-only. Choose a folder on a writable disk.',
    exportDiskFull:
      'Could not save the export to {{path}}: the disk is full. Free some space or choose another disk; nothing was written.',
    exportNameTooLong:
      'Could not save the export to {{path}}: the file name is too long. Choose a shorter name.',
    exportWriteFailed:
      'Could not save the export to {{path}} ({{detail}}); nothing was written. Try again or choose another folder.',
    pdfTimeout:
      'PDF export took longer than {{seconds, number}} s and was stopped; nothing was saved. Try again, or export a shorter article.',
    pdfFailed: 'PDF export failed: {{detail}}.',
    pdfNeedsChromium: 'PDF export needs Chromium at {{path}}; install it or set HAMISH_CHROMIUM.',
    pdfChromiumStart:
      'PDF export could not start Chromium at {{path}}: {{detail}}. Check the installation, or set HAMISH_CHROMIUM to another Chromium.',
    pdfNeedsPlaywright:
      'PDF export needs the playwright-core package, which is missing from this installation.',
    annotationFileNotText:
      '{{name}}: not a text file (annotation files are UTF-8 JSON); nothing was imported.',
    annotationFileTooLarge: 'The file is larger than 50 MB; nothing was imported.',
    annotationFileTooDeep:
      'The file is nested more than {{limit, number}} levels deep, deeper than any annotation file; nothing was imported.',
    notJson: 'The file is not JSON ({{detail}}); nothing was imported.',
    hostileKey:
      'The file has a "{{key}}" key, which no annotation file has; it was refused as unsafe and nothing was imported.',
    notAnnotationFile: 'This is not an annotation file Hamish can read: {{detail}}.',
    extensionDamaged: 'The file’s Hamish section ({{section}}) {{detail}}; nothing was imported.',
    newerFormat:
      'The file was made by a newer version of Hamish (format {{version}}); update Hamish to import it. Nothing was imported.',
    tooManyAnnotations:
      'The file has too many annotations ({{count, number}}; the limit is {{limit, number}}); nothing was imported.',
    bundleInvalid: 'The article bundled in the file {{detail}}; nothing was imported.',
    bundleFingerprint:
      '{{name}}: the article in this file does not match its fingerprint (it was changed after export); nothing was imported.',
    neitherFormat:
      'This file is neither a Hamish annotation file (a W3C AnnotationCollection) nor a Hypothesis JSON export; nothing was imported.',
    notHypothesis:
      'This is not a Hypothesis export: it has no list of annotations (rows or annotations); nothing was imported.',
    exportIsLink:
      'Could not save the export to {{path}}: that is a link (symbolic link) to another file, and saving would replace the link, not that file. Choose the file it points to, or another name.',
    exportNotAFile:
      'Could not save the export to {{path}}: that is not a regular file (a device, pipe or socket). Choose another file name.',
    articlesRelisted:
      'Hamish listed again the articles whose files are still in articles/ but which the recovered library.json did not list ({{count, number}} in all): {{titles}}. Check them: their titles were made from their text, and their tags, source and date could not be recovered.',
    relistedTitle: '“{{title}}” (file {{file}})',
    relistSkippedDuplicates:
      'These files in articles/ hold the text of an article already in the list, so they were not listed again; they hold notes of their own, which that article may lack: {{files}}. They were left as they are, notes included.',
    relistedDuplicate: 'file {{file}} (“{{title}}”)',
  },

  // The native menu (Electron)
  menu: {
    file: '&File',
    import: 'Import…',
    saveFromAddress: 'Save from Address…',
    export: 'Export…',
    exportAnnotations: 'Export annotations…',
    importAnnotations: 'Import annotations…',
    library: 'Library',
    searchLibrary: 'Search the Library',
    settings: 'Settings…',
    quit: 'Quit Hamish',
    close: 'Close Window',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    textLarger: 'Larger Text',
    textSmaller: 'Smaller Text',
    textReset: 'Default Text Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    zoomReset: 'Actual Size',
    theme: 'Theme',
    themeSystem: 'Follow the System',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeSepia: 'Sepia',
    focusMode: 'Focus Mode',
    fullScreen: 'Toggle Full Screen',
    window: '&Window',
    minimize: 'Minimize',
    help: '&Help',
    hamishHelp: 'Hamish Help',
    devTools: 'Toggle Developer Tools',
    securityChecklist: 'Electron Security Checklist',
  },
}

/** The English table's type: where message keys (MessageKey) come from. */
export type Messages = typeof en
