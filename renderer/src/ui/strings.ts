import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../common/annotation'
import {
  MAX_META_AUTHORS,
  MAX_META_TEXT_LENGTH,
  MAX_WEB_ADDRESS_LENGTH,
} from '../../../common/contract/limits'
import { META_KINDS } from '../../../common/article-meta-check'
import { FORM_FIELDS } from '../../../common/meta/meta-form'
import { tooLargeText } from '../../../common/contract/too-large-text'
import { exportFormatSpecs, type ExportFormat } from '../../../common/export/formats'
import { NOTES_GROUPS, NOTES_ORDERS } from '../../../common/export/notes-order'
import { isWellFormedText, wordText } from '../../../common/i18n/local-text'
import type { ReaderFont, Theme } from '../../../common/article'
import type { Direction } from '../../../common/language'
import { en, type Messages } from '../../../common/i18n/en'
import {
  translatorOf,
  type MessageKey,
  type MessageTables,
  type Translate,
} from '../../../common/i18n/table-translator'
import { uiDirection, type LanguageSetting, type UiLanguage } from '../../../common/i18n/ui-language'
import { DIGITS_SETTINGS, type DigitsSetting } from '../../../common/i18n/digits'

/**
 * Wraps text from an article or a file (a title, a tag, a file name) in
 * Unicode first-strong isolates, so an Arabic title inside an English
 * sentence (or a Latin one inside Arabic) keeps its own direction and does
 * not drag the quotes and words around it out of order.
 */
/** How many files, and how many pages saved from their address, a batch's summary counts for one outcome. */
export interface ImportCounts {
  files: number
  pages: number
}

export const isolate = (text: string): string => `\u2068${text}\u2069`

/**
 * Isolates a file's name as one left-to-right unit, its stem isolated again
 * inside it: the stem keeps its own direction and the (Latin) extension
 * stays at its right end, in an English sentence and an Arabic one alike.
 * One isolate around the whole name lays the extension out inside an Arabic
 * name, at its left ("hamish.json.…اليوم في"); the stem's isolate alone
 * leaves the extension outside, where an Arabic sentence puts it before a
 * Latin name ("txt.big-book"). The outer isolate takes its direction from
 * the extension, since the first-strong rule skips the inner one.
 */
export function isolateFileName(name: string): string {
  const ext = /(\.[A-Za-z0-9]{1,10})+$/.exec(name)
  const stem = ext ? name.slice(0, ext.index) : name
  return stem === '' || !ext ? isolate(name) : isolate(isolate(stem) + ext[0])
}

/** One message per key of a small table (colours, themes, …), looked up once. */
function table<K extends string>(t: Translate, prefix: string, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}` as MessageKey)])) as Record<K, string>
}

/**
 * Every word of the interface in one language, built from the i18next
 * tables in common/i18n. Views read `strings.x` (or call `strings.f(…)` for
 * a message with values) and never see a key, so a misspelt message is a
 * type error. Values from articles and files are isolated before they go in.
 */
export function makeStrings(t: Translate) {
  const q = (key: MessageKey, name: string) => (value: string) => t(key, { [name]: isolate(value) })
  const file = (key: MessageKey) => (value: string) => t(key, { name: isolateFileName(value) })
  const sentence = (parts: string[]): string =>
    parts.filter(Boolean).join(t('listSeparator')) + t('sentenceEnd')
  return {
    appName: t('appName'),
    appTagline: t('appTagline'),
    windowTitle: (title: string | null): string => (title ? t('windowTitle', { title }) : t('appName')),
    startupFailed: t('startupFailed'),

    navLibrary: t('navLibrary'),
    navImport: t('navImport'),
    navSettings: t('navSettings'),
    navHelp: t('navHelp'),
    navSearch: t('navSearch'),
    importShortcut: t('importShortcut'),
    settingsShortcut: t('settingsShortcut'),
    mainNavigation: t('mainNavigation'),
    skipToContent: t('skipToContent'),

    libraryHeading: t('libraryHeading'),
    filterLabel: t('filterLabel'),
    filterPlaceholder: t('filterPlaceholder'),
    columnTitle: t('columnTitle'),
    columnDate: t('columnDate'),
    columnSource: t('columnSource'),
    columnAnnotations: t('columnAnnotations'),
    columnAdded: t('columnAdded'),
    columnTags: t('columnTags'),
    columnActions: t('columnActions'),
    columnAuthors: t('columnAuthors'),
    columnContainer: t('columnContainer'),
    columnPublished: t('columnPublished'),
    columnsButton: t('columnsButton'),
    columnsLegend: t('columnsLegend'),
    sortBy: (column: string): string => t('sortBy', { column }),
    articleCount: (shown: number, total: number): string =>
      shown === total
        ? t('articles', { count: total })
        : t('articlesShown', { shown, articles: t('articles', { count: total }) }),
    libraryEmpty: t('libraryEmpty'),
    libraryEmptyHint: t('libraryEmptyHint'),
    noMatch: q('noMatch', 'query'),
    noDate: t('noDate'),
    noTags: '',
    rename: t('rename'),
    renameLabel: q('renameLabel', 'title'),
    editTags: t('editTags'),
    editTagsLabel: q('editTagsLabel', 'title'),
    articleInfo: t('articleInfo'),
    articleInfoLabel: q('articleInfoLabel', 'title'),
    trash: t('trash'),
    trashLabel: q('trashLabel', 'title'),
    openLabel: q('openLabel', 'title'),
    movedToTrash: q('movedToTrash', 'title'),
    undo: t('undo'),
    restored: q('restored', 'title'),
    trashHeading: (n: number): string => t('trashHeading', { count: n }),
    trashEmpty: t('trashEmpty'),
    trashedOn: t('trashedOn'),
    restore: t('restore'),
    restoreLabel: q('restoreLabel', 'title'),
    deleteForever: t('deleteForever'),
    deleteForeverLabel: q('deleteForeverLabel', 'title'),
    deleteForeverTitle: t('deleteForeverTitle'),
    deleteForeverMessage: q('deleteForeverMessage', 'title'),
    deletedForever: q('deletedForever', 'title'),
    emptyTrash: t('emptyTrash'),
    emptyTrashTitle: t('emptyTrashTitle'),
    emptyTrashMessage: (n: number): string => t('emptyTrashMessage', { count: n }),
    trashEmptied: (n: number): string => t('trashEmptied', { count: n }),

    searchLabel: t('searchLabel'),
    searchPlaceholder: t('searchPlaceholder'),
    searchShortcut: t('searchShortcut'),
    searchClear: t('searchClear'),
    searchRunning: t('searchRunning'),
    searchNone: q('searchNone', 'query'),
    searchSummary: (matches: number, articles: number): string =>
      t('searchSummary', {
        matches: t('searchMatches', { count: matches }),
        articles: t('articles', { count: articles }),
      }),
    /** An article's count: "159 matches", or "50 of 159 matches" while fewer are at hand. */
    searchMatchCount: (shown: number, total: number): string =>
      shown < total ? t('searchMatchesOf', { shown, count: total }) : t('searchMatches', { count: total }),
    searchResultsLabel: t('searchResultsLabel'),
    searchFields: table(t, 'searchFields', ['text', 'title', 'quote', 'note', 'tag'] as const),
    searchMatchIn: q('searchMatchIn', 'title'),
    searchMore: (n: number): string => t('searchMore', { count: n }),
    searchMoreArticles: (n: number): string => t('searchMoreArticles', { count: n }),
    searchFailed: t('searchFailed'),

    close: t('close'),
    cancel: t('cancel'),
    save: t('save'),
    renameTitle: t('renameTitle'),
    renameField: t('renameField'),
    renameEmpty: t('renameEmpty'),
    tagsTitle: t('tagsTitle'),
    tagsFor: q('tagsFor', 'title'),
    tagsNone: t('tagsNone'),
    tagAddLabel: t('tagAddLabel'),
    tagAddPlaceholder: t('tagAddPlaceholder'),
    tagAdd: t('tagAdd'),
    tagRemoveLabel: q('tagRemoveLabel', 'tag'),
    infoButton: t('infoButton'),
    infoTitle: t('infoTitle'),
    infoTitleField: t('infoTitleField'),
    infoAuthors: t('infoAuthors'),
    infoAuthorsNone: t('infoAuthorsNone'),
    infoAuthorAdd: t('infoAuthorAdd'),
    infoAuthorForm: (n: number): string => t('infoAuthorForm', { n }),
    infoAuthorOneName: t('infoAuthorOneName'),
    infoAuthorParts: t('infoAuthorParts'),
    infoAuthorName: (n: number): string => t('infoAuthorName', { n }),
    infoAuthorFamily: (n: number): string => t('infoAuthorFamily', { n }),
    infoAuthorGiven: (n: number): string => t('infoAuthorGiven', { n }),
    infoAuthorNamePlaceholder: t('infoAuthorNamePlaceholder'),
    infoAuthorFamilyPlaceholder: t('infoAuthorFamilyPlaceholder'),
    infoAuthorGivenPlaceholder: t('infoAuthorGivenPlaceholder'),
    infoAuthorUp: (n: number): string => t('infoAuthorUp', { n }),
    infoAuthorDown: (n: number): string => t('infoAuthorDown', { n }),
    infoAuthorRemove: (n: number): string => t('infoAuthorRemove', { n }),
    infoFields: table(t, 'infoFields', FORM_FIELDS),
    metaKinds: table(t, 'metaKinds', META_KINDS),
    infoPublishedHint: t('infoPublishedHint'),
    infoLanguageHint: t('infoLanguageHint'),
    infoKindNone: t('infoKindNone'),
    infoAbout: t('infoAbout'),
    infoAdded: t('infoAdded'),
    infoFetched: t('infoFetched'),
    infoSource: t('infoSource'),
    infoCitation: t('infoCitation'),
    infoNotSaved: t('infoNotSaved'),
    infoBadDate: t('infoBadDate'),
    infoBadUrl: t('infoBadUrl'),
    infoBadDoi: t('infoBadDoi'),
    infoBadIsbn: t('infoBadIsbn'),
    infoBadLanguage: t('infoBadLanguage'),
    infoTooLong: t('infoTooLong', { max: MAX_META_TEXT_LENGTH }),
    infoFamilyNeeded: t('infoFamilyNeeded'),
    infoTooManyAuthors: t('infoTooManyAuthors', { max: MAX_META_AUTHORS }),
    infoSaved: q('infoSaved', 'title'),

    importPickerLabel: t('importPickerLabel'),
    untitledFile: t('untitledFile'),
    importProgress: (done: number, total: number, name: string): string =>
      t('importProgress', { done, total, name: isolate(name) }),
    /** The batch's summary; files and pages saved from an address are counted apart (`ImportCounts`). */
    importDone: (added: number, duplicate: number, rejected: ImportCounts, cancelled: ImportCounts): string =>
      sentence([
        t('importAdded', { count: added }),
        duplicate > 0 ? t('importDuplicate', { count: duplicate }) : '',
        rejected.files > 0 ? t('importRejected', { count: rejected.files }) : '',
        rejected.pages > 0 ? t('importRejectedPages', { count: rejected.pages }) : '',
        cancelled.files > 0 ? t('importCancelled', { count: cancelled.files }) : '',
        cancelled.pages > 0 ? t('importCancelledPages', { count: cancelled.pages }) : '',
      ]),
    importStatus: table(t, 'importStatus', ['added', 'duplicate', 'rejected', 'cancelled'] as const),
    importCancel: t('importCancel'),
    importCancelling: t('importCancelling'),
    /** The files the last session did not finish importing, named (isolated) in one sentence. */
    unfinishedImports: (names: string[] | string): string => {
      const list = ([] as string[]).concat(names)
      return t('unfinishedImports', {
        count: list.length,
        names: list.map(isolateFileName).join(t('listSeparator')),
      })
    },
    unfinishedImportsLabel: t('unfinishedImportsLabel'),
    unfinishedRetry: t('unfinishedRetry'),
    unfinishedSaveAgain: t('unfinishedSaveAgain'),
    unfinishedRetryBoth: t('unfinishedRetryBoth'),
    unfinishedDismiss: t('unfinishedDismiss'),
    /** The same message main's importer gives (common/contract/too-large-text.ts), for files refused before sending. */
    importTooLarge: (name: string, bytes: number): string => wordText(t, tooLargeText(name, bytes), isolate),
    /**
     * A sentence main sent as a LocalText (an error, an import outcome, a
     * notice), worded in the interface's language with names isolated; its
     * English `message` when the text is missing or not one of ours.
     */
    fromMain: (text: unknown, message: string): string =>
      isWellFormedText(text, t.has) ? wordText(t, text, isolate) : message,
    importOpen: t('importOpen'),
    importResultsLabel: t('importResultsLabel'),
    /** A put-away import report, summed up on the library (`summary` is `importDone`'s sentence). */
    importLast: (summary: string): string => t('importLast', { summary }),
    importShowReport: t('importShowReport'),
    dropHere: t('dropHere'),
    dropHint: t('dropHint'),
    saveFromAddress: t('saveFromAddress'),
    addressDialogTitle: t('addressDialogTitle'),
    addressField: t('addressField'),
    addressHint: t('addressHint'),
    addressSave: t('addressSave'),
    addressEmpty: t('addressEmpty'),
    addressInvalid: t('addressInvalid'),
    addressMalformed: t('addressMalformed', { port: 65535 }),
    addressTooLong: t('addressTooLong', { limit: MAX_WEB_ADDRESS_LENGTH }),
    addressCredentials: t('addressCredentials'),
    privateAddressTitle: t('privateAddressTitle'),
    /** Addresses and IPs are left to right in any sentence, so each is one left-to-right isolate. */
    privateAddressQuestion: (address: string, ip: string): string =>
      t('privateAddressQuestion', { address: `\u2066${address}\u2069`, ip: `\u2066${ip}\u2069` }),
    privateAddressConfirm: t('privateAddressConfirm'),
    /**
     * "Redirected: A → B → C": the chain is one left-to-right run, so in an
     * Arabic sentence the arrows still point from each address to the next.
     */
    importRedirects: (chain: string[]): string =>
      t('importRedirects', { chain: `\u2066${chain.join(' → ')}\u2069` }),

    readerLoading: t('readerLoading'),
    readerTextLabel: q('readerTextLabel', 'title'),
    readerBack: t('readerBack'),
    readerNav: t('readerNav'),
    readerSavedFrom: (date: string): string => t('readerSavedFrom', { date }),
    readerNotFound: t('readerNotFound'),
    readerContents: t('readerContents'),
    readerContentsLabel: t('readerContentsLabel'),
    readerContentsNone: t('readerContentsNone'),
    readerPercent: (percent: number): string => t('readerPercent', { percent }),
    readerPage: (page: number, last: number): string => t('readerPage', { page, last }),
    readerGoToPage: t('readerGoToPage'),
    readerGo: t('readerGo'),
    readerNoSuchPage: (first: number, last: number): string => t('readerNoSuchPage', { first, last }),

    colorNames: table(t, 'colorNames', HIGHLIGHT_COLORS),
    highlightToolbar: t('highlightToolbar'),
    highlightIn: (color: HighlightColor, key: number): string =>
      t('highlightKey', { action: t(`highlightIn.${color}`), key }),
    highlightNote: t('highlightNote'),
    highlightNoteLabel: t('highlightNoteLabel'),
    highlightSaving: t('highlightSaving'),
    highlightSaved: t('highlightSaved'),
    highlightSaveFailed: t('highlightSaveFailed'),
    highlightOf: (n: number, total: number, quote: string): string =>
      t('highlightOf', { n, total, quote: isolate(quote) }),
    popoverTitle: t('popoverTitle'),
    popoverColor: t('popoverColor'),
    recolorTo: (color: HighlightColor): string => t('recolorTo', { color: t(`colorNames.${color}`) }),
    noteEmpty: t('noteEmpty'),
    noteAdd: t('noteAdd'),
    noteEdit: t('noteEdit'),
    noteFieldLabel: t('noteFieldLabel'),
    notePlaceholder: t('notePlaceholder'),
    noteSave: t('noteSave'),
    noteSaveHint: t('noteSaveHint'),
    noteDiscardHint: t('noteDiscardHint'),
    noteSaveFailed: t('noteSaveFailed'),
    tagsHeading: t('tagsHeading'),
    annotationTagAdd: t('annotationTagAdd'),
    annotationTagPlaceholder: t('annotationTagPlaceholder'),
    annotationDelete: t('annotationDelete'),
    annotationDeleted: t('annotationDeleted'),
    articleNoteDeleted: t('articleNoteDeleted'),
    replyDeleted: t('replyDeleted'),
    annotationUpdateFailed: t('annotationUpdateFailed'),
    annotationDeleteFailed: t('annotationDeleteFailed'),
    undoFailed: t('undoFailed'),
    redoFailed: t('redoFailed'),
    undone: (what: string): string => t('undone', { what }),
    redone: (what: string): string => t('redone', { what }),
    historyCreate: t('historyCreate'),
    historyDelete: t('historyDelete'),
    historyRecolor: t('historyRecolor'),
    historyNote: t('historyNote'),
    historyAddNote: t('historyAddNote'),
    historyTags: t('historyTags'),
    unknownAuthor: t('unknownAuthor'),

    notesPanel: t('notesPanel'),
    notesPanelToggle: t('notesPanelToggle'),
    notesPanelShortcut: t('notesPanelShortcut'),
    notesCount: (shown: number, total: number): string =>
      shown === total
        ? t('highlights', { count: total })
        : t('highlightsShown', { shown, highlights: t('highlights', { count: total }) }),
    notesEmpty: t('notesEmpty'),
    notesNoMatch: t('notesNoMatch'),
    notesFilterText: t('notesFilterText'),
    notesFilterTextPlaceholder: t('notesFilterTextPlaceholder'),
    notesFilterColor: t('notesFilterColor'),
    notesFilterColorLabel: (color: HighlightColor): string => t(`notesFilterColorLabel.${color}`),
    notesFilterTag: t('notesFilterTag'),
    notesFilterAuthor: t('notesFilterAuthor'),
    notesFilterAny: t('notesFilterAny'),
    notesFilterClear: t('notesFilterClear'),
    notesOrphans: t('notesOrphans'),
    notesOrphansHint: t('notesOrphansHint'),
    notesShowMore: (n: number): string => t('notesShowMore', { count: n }),
    notesGoTo: q('notesGoTo', 'quote'),
    notesEdit: t('notesEdit'),
    notesEditLabel: q('notesEditLabel', 'quote'),
    notesDeleteLabel: q('notesDeleteLabel', 'quote'),
    notesArticleHeading: t('notesArticleHeading'),
    notesAddArticleNote: t('notesAddArticleNote'),
    notesReply: t('notesReply'),
    notesReplyLabel: q('notesReplyLabel', 'author'),
    notesInReplyTo: q('notesInReplyTo', 'author'),
    notesRepliesTo: q('notesRepliesTo', 'author'),
    notesRepliesToDeleted: t('notesRepliesToDeleted'),
    notesInReplyToDeleted: t('notesInReplyToDeleted'),
    notesDeletedReply: t('notesDeletedReply'),
    notesNoteGone: t('notesNoteGone'),
    notesNoteEditLabel: q('notesNoteEditLabel', 'author'),
    notesNoteDeleteLabel: q('notesNoteDeleteLabel', 'author'),
    notesNoteSaveFailed: t('notesNoteSaveFailed'),
    notesClose: t('notesClose'),

    profileName: t('profileName'),
    profileNameHint: t('profileNameHint'),
    profileNameEmpty: t('profileNameEmpty'),
    profileSaved: t('profileSaved'),
    profileSaveFailed: t('profileSaveFailed'),

    settingsTitle: t('settingsTitle'),
    settingsLanguage: t('settingsLanguage'),
    settingsLanguageHint: t('settingsLanguageHint'),
    languageNames: table<LanguageSetting>(t, 'languageNames', ['system', 'en', 'ar']),
    settingsDigits: t('settingsDigits'),
    settingsDigitsHint: t('settingsDigitsHint'),
    digitsNames: table<DigitsSetting>(t, 'digitsNames', DIGITS_SETTINGS),
    settingsFont: t('settingsFont'),
    fontNames: table<ReaderFont>(t, 'fontNames', ['amiri', 'noto-naskh-arabic', 'system']),
    fontSample: t('fontSample'),
    settingsSize: t('settingsSize'),
    settingsLineHeight: t('settingsLineHeight'),
    settingsWidth: t('settingsWidth'),
    settingsTheme: t('settingsTheme'),
    themeNames: table<Theme>(t, 'themeNames', ['system', 'light', 'dark', 'sepia']),
    settingsReset: t('settingsReset'),
    settingsSaveFailed: t('settingsSaveFailed'),
    settingsLoadFailed: t('settingsLoadFailed'),

    teamHeading: t('teamHeading'),
    teamIntro: t('teamIntro'),
    teamJoinHeading: t('teamJoinHeading'),
    teamNameLabel: t('teamNameLabel'),
    teamNameHint: t('teamNameHint'),
    teamFolderLabel: t('teamFolderLabel'),
    teamFolderHint: t('teamFolderHint'),
    teamJoinDialog: t('teamJoinDialog'),
    teamJoin: t('teamJoin'),
    teamJoining: t('teamJoining'),
    teamJoinFailed: t('teamJoinFailed'),
    teamName: q('teamName', 'name'),
    teamSyncedAt: (time: string): string => t('teamSyncedAt', { time }),
    teamNeverSynced: t('teamNeverSynced'),
    teamSyncing: t('teamSyncing'),
    teamWaiting: (n: number): string => t('teamWaiting', { count: n }),
    teamProblems: (n: number): string => t('teamProblems', { count: n }),
    teamPaused: t('teamPaused'),
    teamLastReport: t('teamLastReport'),
    teamReportCounts: {
      added: (n: number): string => t('teamReportCounts.added', { count: n }),
      updated: (n: number): string => t('teamReportCounts.updated', { count: n }),
      deleted: (n: number): string => t('teamReportCounts.deleted', { count: n }),
      conflicts: (n: number): string => t('teamReportCounts.conflicts', { count: n }),
      articles: (n: number): string => t('teamReportCounts.articles', { count: n }),
      notReady: (n: number): string => t('teamReportCounts.notReady', { count: n }),
      refused: (n: number): string => t('teamReportCounts.refused', { count: n }),
    },
    teamMembersHeading: t('teamMembersHeading'),
    teamMemberYou: q('teamMemberYou', 'name'),
    teamLastSeen: (time: string): string => t('teamLastSeen', { time }),
    teamSharedHeading: t('teamSharedHeading'),
    teamSharedNone: t('teamSharedNone'),
    teamSyncNow: t('teamSyncNow'),
    teamSyncFailed: t('teamSyncFailed'),
    teamLeave: t('teamLeave'),
    teamLeaveTitle: t('teamLeaveTitle'),
    teamLeaveMessage: t('teamLeaveMessage'),
    teamLeaveFailed: t('teamLeaveFailed'),
    teamShareButton: t('teamShareButton'),
    teamUnshareButton: t('teamUnshareButton'),
    teamShareTitle: t('teamShareTitle'),
    teamShareMessage: (title: string, team: string): string =>
      t('teamShareMessage', { title: isolate(title), team: isolate(team) }),
    teamShareConfirm: t('teamShareConfirm'),
    teamShared: q('teamShared', 'title'),
    teamUnshared: q('teamUnshared', 'title'),
    teamShareFailed: t('teamShareFailed'),
    px: (n: number): string => t('px', { n }),
    chars: (n: number): string => t('chars', { count: n }),

    noticesLabel: t('noticesLabel'),
    dismiss: t('dismiss'),
    dismissLabel: t('dismissLabel'),

    helpTitle: t('helpTitle'),
    helpIntro: t('helpIntro'),
    helpHowToHeading: t('helpHowToHeading'),
    helpHowTo: table(t, 'helpHowTo', HELP_TOPICS),
    helpShortcutsHeading: t('helpShortcutsHeading'),
    helpShortcut: (what: keyof Messages['helpShortcuts']): string => t(`helpShortcuts.${what}`),
    helpKeysShiftArrows: t('helpKeysShiftArrows'),
    helpKeysInArticle: t('helpKeysInArticle'),
    helpKeysOnHighlight: t('helpKeysOnHighlight'),

    unexpectedError: t('unexpectedError'),
    actionFailed: (what: string, why: string): string => t('actionFailed', { what, why }),
    renameAction: t('renameAction'),
    tagsAction: t('tagsAction'),
    trashAction: t('trashAction'),
    restoreAction: t('restoreAction'),
    deleteAction: t('deleteAction'),
    loadLibraryFailed: t('loadLibraryFailed'),
    linkRefused: t('linkRefused'),

    findLabel: t('findLabel'),
    findPlaceholder: t('findPlaceholder'),
    findPrevious: t('findPrevious'),
    findNext: t('findNext'),
    findFolded: t('findFolded'),
    findWholeWord: t('findWholeWord'),
    findClose: t('findClose'),
    findNone: t('findNone'),
    findCount: (n: number, total: number): string => t('findCount', { n, total }),
    focusModeOn: t('focusModeOn'),
    focusModeOff: t('focusModeOff'),

    exportButton: t('exportButton'),
    exportTitle: q('exportTitle', 'title'),
    exportFormatLegend: t('exportFormatLegend'),
    exportFormats: Object.fromEntries(
      exportFormatSpecs().map((f) => [f.id, { name: t(f.nameKey), hint: t(f.hintKey) }]),
    ) as Record<ExportFormat, { name: string; hint: string }>,
    exportCitationGroup: t('exportCitationGroup'),
    citationsButton: t('citationsButton'),
    citationsTitle: (n: number): string => t('citationsTitle', { articles: t('articles', { count: n }) }),
    citationsHint: t('citationsHint'),
    exportNotesOrder: t('exportNotesOrder'),
    notesOrderNames: table(t, 'notesOrderNames', NOTES_ORDERS),
    exportNotesGroup: t('exportNotesGroup'),
    notesGroupNames: table(t, 'notesGroupNames', NOTES_GROUPS),
    exportPaper: t('exportPaper'),
    paperNames: table(t, 'paperNames', ['A4', 'Letter'] as const),
    exportLabelLanguage: t('exportLabelLanguage'),
    exportAction: t('exportAction'),
    exportRunning: (format: string): string => t('exportRunning', { format }),
    exportDownloaded: file('exportDownloaded'),
    exportSaved: q('exportSaved', 'location'),
    exportShowFile: t('exportShowFile'),
    exportOpenArticleFirst: t('exportOpenArticleFirst'),
    exportFailed: t('exportFailed'),

    authorBadgeTitle: q('authorBadgeTitle', 'name'),
    notesFilterAuthors: t('notesFilterAuthors'),
    notesShowAuthor: q('notesShowAuthor', 'name'),
    shareButton: t('shareButton'),
    shareTitle: q('shareTitle', 'title'),
    shareExportHeading: t('shareExportHeading'),
    shareExportHint: t('shareExportHint'),
    shareBundle: t('shareBundle'),
    shareExportAction: t('shareExportAction'),
    shareExporting: t('shareExporting'),
    shareImportHeading: t('shareImportHeading'),
    shareImportHint: t('shareImportHint'),
    shareImportAction: t('shareImportAction'),
    shareImportPickerLabel: t('shareImportPickerLabel'),
    shareExportFailed: t('shareExportFailed'),
    annotationImportTitle: file('annotationImportTitle'),
    annotationImportRunning: file('annotationImportRunning'),
    annotationImportFailed: t('annotationImportFailed'),
    annotationImportRead: file('annotationImportRead'),
    chooseArticleTitle: t('chooseArticleTitle'),
    chooseArticleIntro: q('chooseArticleIntro', 'title'),
    chooseArticleCandidates: t('chooseArticleCandidates'),
    chooseArticleMatch: (percent: number): string => t('chooseArticleMatch', { percent }),
    chooseArticleOther: t('chooseArticleOther'),
    chooseArticleOtherLabel: t('chooseArticleOtherLabel'),
    chooseArticleNone: t('chooseArticleNone'),
    chooseArticleImport: t('chooseArticleImport'),
    chooseArticleWeak: t('chooseArticleWeak'),
    chooseArticleNoStrong: t('chooseArticleNoStrong'),
    chooseArticleMissing: t('chooseArticleMissing'),
    chooseArticleAskBundle: t('chooseArticleAskBundle'),
    orphansTitle: t('orphansTitle'),
    orphansIntro: q('orphansIntro', 'title'),
    orphansBack: t('orphansBack'),
    orphansImport: t('orphansImport'),
    reportTitle: q('reportTitle', 'title'),
    reportArticleCreated: t('reportArticleCreated'),
    reportCounts: {
      added: (n: number): string => t('reportCounts.added', { count: n }),
      updated: (n: number): string => t('reportCounts.updated', { count: n }),
      unchanged: (n: number): string => t('reportCounts.unchanged', { count: n }),
      older: (n: number): string => t('reportCounts.older', { count: n }),
      ahead: (n: number): string => t('reportCounts.ahead', { count: n }),
      deleted: (n: number): string => t('reportCounts.deleted', { count: n }),
      conflicts: (n: number): string => t('reportCounts.conflicts', { count: n }),
      orphaned: (n: number): string => t('reportCounts.orphaned', { count: n }),
      rejected: (n: number): string => t('reportCounts.rejected', { count: n }),
    },
    reportSummary: t('reportSummary'),
    reportConflicts: t('reportConflicts'),
    theirVersion: t('theirVersion'),
    theirVersionHeading: q('theirVersionHeading', 'author'),
    theirVersionDeleted: t('theirVersionDeleted'),
    theirVersionUse: t('theirVersionUse'),
    theirVersionKeepMine: t('theirVersionKeepMine'),
    theirVersionKeepBoth: t('theirVersionKeepBoth'),
    theirVersionFailed: t('theirVersionFailed'),
    listSeparator: t('listSeparator'),
    reportYours: t('reportYours'),
    reportTheirs: t('reportTheirs'),
    reportVersionDeleted: t('reportVersionDeleted'),
    reportVersionEmpty: t('reportVersionEmpty'),
    reportChangedBy: q('reportChangedBy', 'name'),
    reportChangedInFile: file('reportChangedInFile'),
    reportColour: (color: HighlightColor): string => t('reportColour', { colour: t(`colorNames.${color}`) }),
    reportTags: (tags: readonly string[]): string =>
      tags.length === 0
        ? t('reportNoTags')
        : t('reportTags', { tags: tags.map(isolate).join(t('listSeparator')) }),
    reportConflictKept: (kept: 'local' | 'incoming'): string => t(`reportConflictKept.${kept}`),
    reportOrphaned: t('reportOrphaned'),
    reportRejected: t('reportRejected'),
    reportAdjusted: t('reportAdjusted'),
    reportNoId: t('reportNoId'),
    reportOpenArticle: t('reportOpenArticle'),
  }
}

export type Strings = ReturnType<typeof makeStrings>

/** What the Help dialog tells a new user how to do, in its order (`helpHowTo` in the tables). */
export const HELP_TOPICS = ['highlight', 'note', 'notes', 'search', 'export'] as const

/** Language and direction of the interface itself (not of the articles it shows). */
export let UI_LANG: UiLanguage = 'en'
export let UI_DIR: Direction = 'ltr'
/** The locale dates and numbers are written in: UI_LANG, or the OS's regional variant of it (ar-EG). */
export let UI_LOCALE = 'en'

/** The interface's words in UI_LANG. A live binding: set once at start-up, before any view is built. */
export let strings: Strings = makeStrings(translatorOf('en', { en }))

/**
 * Switches the interface language, with its tables (ui/message-tables.ts
 * loads them). Called once at start-up, before the app builds its views;
 * changing the language later reloads the page, so no view ever holds words
 * of two languages.
 */
export function setUiLanguage(lang: UiLanguage, tables: MessageTables, locale: string = lang): void {
  UI_LANG = lang
  UI_DIR = uiDirection(lang)
  UI_LOCALE = locale
  strings = makeStrings(translatorOf(lang, tables, locale))
}
