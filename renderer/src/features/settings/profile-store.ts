import type { Profile } from '../../../../common/annotation'
import type { HamishApi } from '../../../../common/contract/methods'
import { errorMessage } from '../../ui/error-message'

/**
 * The user as an author of annotations: the display name shown on their
 * highlights (defaulting in main to the OS user name) and a stable random
 * id. Loaded once; the settings panel changes the name through `setName`.
 */
export class ProfileStore {
  private profile: Profile | null = null

  constructor(private readonly api: Pick<HamishApi, 'getProfile' | 'setDisplayName'>) {}

  /** The profile, once loaded. */
  get current(): Profile | null {
    return this.profile
  }

  async load(): Promise<Profile> {
    this.profile = await this.api.getProfile()
    return this.profile
  }

  /** Saves a new display name; null on success, else the sentence to show. */
  async setName(name: string): Promise<string | null> {
    try {
      this.profile = await this.api.setDisplayName(name)
      return null
    } catch (err) {
      return errorMessage(err)
    }
  }
}
