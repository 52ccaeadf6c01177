import type { LibraryChange } from '../library-changes'
import type { ImportOutcome } from './article-import'
import type { LinkToOpen } from '../hamish-link'

/** Events main sends to the renderer (Electron only: they come from the native menu and dialogs). */
export interface HamishEvents {
  /** The library changed outside the renderer's own calls (File > Import… from the menu). */
  libraryChanged: { outcomes: ImportOutcome[] }
  importProgress: { done: number; total: number; name: string }
  /**
   * Annotation files (`.json`) chosen in File > Import…'s native dialog:
   * their names and bytes, for the page's annotation importer — the route a
   * dropped one takes, with its choice of article and its merge report.
   */
  annotationFilesChosen: { files: { name: string; bytes: Uint8Array }[] }
  menuCommand: MenuCommand
  /**
   * A change made outside this window (another tab of the preview, the
   * menu's import, a colleague's file merged by another window): the page
   * reads what it shows again. Its own changes are not echoed back.
   */
  libraryChange: LibraryChange
  /**
   * A `hamish://` link the system handed the running app (a second start
   * with it on the command line, macOS open-url), already parsed by main:
   * the page opens the article at the annotation, or says the link cannot
   * be opened. Electron only; a link the app was started with waits for
   * `takeLinkToOpen`.
   */
  openLink: LinkToOpen
}

export type MenuCommand =
  | 'theme-system'
  | 'theme-light'
  | 'theme-dark'
  | 'theme-sepia'
  | 'show-library'
  | 'show-search'
  | 'show-settings'
  | 'show-help'
  | 'undo'
  | 'redo'
  | 'focus-mode'
  | 'text-larger'
  | 'text-smaller'
  | 'text-reset'
  | 'export'
  | 'share-notes'
  | 'save-address'

export type HamishEventName = keyof HamishEvents

/** Every event, once: `satisfies` refuses a missing or unknown name at compile time. */
const EVENTS = {
  libraryChanged: true,
  importProgress: true,
  annotationFilesChosen: true,
  menuCommand: true,
  libraryChange: true,
  openLink: true,
} satisfies Record<HamishEventName, true>

/** The event names; preload subscribes to each one's channel (channels.ts). */
export const EVENT_NAMES = Object.keys(EVENTS) as HamishEventName[]
