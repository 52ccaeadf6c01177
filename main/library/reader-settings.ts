import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import type { Profile } from '../../common/annotation'
import { DEFAULT_SETTINGS, type ReadingSettings } from '../../common/article'
import type { JsonStore } from '../store/json-store'
import type { Catalog } from './catalog'
import type { ChangeFeed } from './change-feed'
import type { LibraryData } from './library-data'
import { notSavedError } from './write-failure'

/**
 * The reader's own state in library.json: reading settings (with the
 * interface language), the author profile annotations are signed with, and
 * where each article was left.
 */
export class ReaderSettings {
  readonly #store: JsonStore<LibraryData>
  readonly #catalog: Catalog
  readonly #feed: ChangeFeed
  readonly #libraryDir: string

  constructor(store: JsonStore<LibraryData>, catalog: Catalog, feed: ChangeFeed, libraryDir: string) {
    this.#store = store
    this.#catalog = catalog
    this.#feed = feed
    this.#libraryDir = libraryDir
  }

  /** Settings saved before a setting existed read as its default. */
  getSettings(): ReadingSettings {
    return { ...DEFAULT_SETTINGS, ...this.#store.data.settings }
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
    const positions = this.#store.data.positions
    return Object.prototype.hasOwnProperty.call(positions, id) ? (positions[id] ?? null) : null
  }

  async setReadingPosition(id: string, offset: number): Promise<void> {
    const clamped = Math.min(offset, this.#catalog.summary(id).chars)
    if (this.#store.data.positions[id] === clamped) return
    await this.#store.update((d) => {
      d.positions[id] = clamped
    })
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
