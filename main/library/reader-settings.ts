import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import type { Profile } from '../../common/annotation'
import { DEFAULT_SETTINGS, type ReadingSettings } from '../../common/article'
import { knownColumns } from '../../common/library-columns'
import type { JsonStore } from '../store/json-store'
import type { Catalog } from './catalog'
import type { ChangeFeed } from './change-feed'
import type { LibraryData } from './library-data'
import type { ReadingPositions } from './reading-positions'
import { notSavedError } from './write-failure'

/**
 * The reader's own state in library.json: reading settings (with the
 * interface language), the author profile annotations are signed with, and
 * where each article was left.
 */
export class ReaderSettings {
  readonly #store: JsonStore<LibraryData>
  readonly #positions: ReadingPositions
  readonly #catalog: Catalog
  readonly #feed: ChangeFeed
  readonly #libraryDir: string

  constructor(
    store: JsonStore<LibraryData>,
    positions: ReadingPositions,
    catalog: Catalog,
    feed: ChangeFeed,
    libraryDir: string,
  ) {
    this.#store = store
    this.#positions = positions
    this.#catalog = catalog
    this.#feed = feed
    this.#libraryDir = libraryDir
  }

  /**
   * Settings saved before a setting existed read as its default; library
   * columns this Hamish does not know (a later one's) are left out.
   */
  getSettings(): ReadingSettings {
    const settings = { ...DEFAULT_SETTINGS, ...this.#store.data.settings }
    return { ...settings, libraryColumns: knownColumns(settings.libraryColumns) }
  }

  async updateSettings(patch: Partial<ReadingSettings>): Promise<ReadingSettings> {
    await this.#store.update((d) => {
      d.settings = { ...d.settings, ...patch }
    })
    this.#feed.publish({ kind: 'settings-changed' })
    return this.getSettings()
  }

  getReadingPosition(id: string): number | null {
    this.#catalog.summary(id)
    return this.#positions.get(id)
  }

  /** Saved in positions.json (`reading-positions.ts`), never by rewriting library.json. */
  async setReadingPosition(id: string, offset: number): Promise<void> {
    await this.#positions.set(id, Math.min(offset, this.#catalog.summary(id).chars))
  }

  /** Forgets where an article deleted for good was left. */
  forgetReadingPosition(id: string): Promise<void> {
    return this.#positions.remove(id)
  }

  /**
   * The author identity annotations are signed with; made and saved on first
   * use (a failure to save it is "not saved", naming the disk when full).
   */
  async getProfile(): Promise<Profile> {
    let profile = this.#store.data.profile
    if (!profile) {
      const made = { authorId: `urn:uuid:${randomUUID()}`, displayName: null }
      try {
        await this.#store.update((d) => {
          d.profile = d.profile ?? made
        })
      } catch (error) {
        throw notSavedError(error, this.#libraryDir)
      }
      profile = this.#store.data.profile!
    }
    return { authorId: profile.authorId, displayName: profile.displayName ?? osUserName() }
  }

  async setDisplayName(name: string): Promise<Profile> {
    const { authorId } = await this.getProfile()
    await this.#store.update((d) => {
      d.profile = { authorId, displayName: name }
    })
    this.#feed.publish({ kind: 'settings-changed' })
    return this.getProfile()
  }
}

/** The OS user name, the default display name; a neutral word where the OS will not say. */
function osUserName(): string {
  try {
    return userInfo().username || 'Reader'
  } catch {
    return 'Reader'
  }
}
