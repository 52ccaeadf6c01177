import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { parseJsonStrict } from '../../common/sharing/strict-json'
import {
  authorIdOf,
  memberIdOf,
  TEAM_FILE,
  TEAM_FORMAT_VERSION,
  TEAM_TEMP_DIR,
} from '../../common/team/layout'
import type { SyncReport } from '../../common/team/sync-report'
import {
  checkTeamFile,
  memberCardSchema,
  teamFileSchema,
  type MemberCard,
} from '../../common/team/team-files'
import type { TeamStatus } from '../../common/team/team-status'
import type { Library } from '../library/library'
import type { JsonStore } from '../store/json-store'
import { TeamFolder } from './team-folder'
import { openMembership, type Membership } from './team-membership'
import { TeamSync } from './team-sync'

/** Files a folder may hold and still count as empty for a new team: what the sync engines put there. */
const ENGINE_FILES = new Set([
  '.stfolder',
  '.stignore',
  '.git',
  '.gitignore',
  '.DS_Store',
  'desktop.ini',
  TEAM_TEMP_DIR,
])

/**
 * A library's part in a team: joining or creating a team folder, sharing and
 * no longer sharing articles, sync passes (team-sync.ts) and what the
 * status shows. The library's own files never go into the team folder
 * except through a sync pass; its membership is kept in the library folder.
 */
export class TeamService {
  readonly #sync: TeamSync

  private constructor(
    private readonly library: Library,
    private readonly membership: JsonStore<Membership>,
    private readonly now: () => Date,
  ) {
    this.#sync = new TeamSync(library, membership, now)
    // As in a Zotero group: on a shared article you change your own annotations, no one else's.
    library.setEditRights((articleId, annotation) => {
      const m = membership.data
      if (!m.memberId || !Object.values(m.shared).includes(articleId)) return true
      return annotation.creator.id.toLowerCase() === authorIdOf(m.memberId)
    })
  }

  static async open(library: Library, now: () => Date = () => new Date()): Promise<TeamService> {
    const membership = await openMembership(
      join(library.paths.dir, 'team-membership.json'),
      library.paths.backupsDir,
      () => randomBytes(8).toString('hex'),
    )
    return new TeamService(library, membership, now)
  }

  /**
   * Joins the team in `folder`, or creates one there when the folder is empty
   * (or missing), as `name` — which also becomes the library's display name,
   * so one person has one name everywhere.
   */
  async join(folder: string, name: string): Promise<TeamStatus> {
    const root = resolve(folder)
    await mkdir(root, { recursive: true })
    const team = new TeamFolder(root)
    let teamFile = await this.#readTeamFile(team)
    if (!teamFile) {
      const others = (await team.names('.')).filter((n) => !ENGINE_FILES.has(n))
      if (others.length > 0)
        throw new HamishError('invalid-argument', localText('messages.teamFolderNotEmpty', { folder: root }))
      teamFile = {
        format: 'hamish-team',
        version: TEAM_FORMAT_VERSION,
        id: randomBytes(8).toString('hex'),
        name: basename(root),
        created: this.now().toISOString(),
      }
      // git is told not to carry half-written files; .gitignore travels with the team.
      await team.write('.gitignore', `${TEAM_TEMP_DIR}/\n`)
      await team.write(TEAM_FILE, `${JSON.stringify(teamFile, null, 2)}\n`)
    }
    await this.#ignoreTempDirInSyncthing(team)
    const profile = await this.library.setDisplayName(name)
    const memberId = memberIdOf(profile.authorId)
    if (!memberId) throw new Error(`the library's author id ${profile.authorId} is not a urn:uuid`)
    const { id, name: teamName } = teamFile
    await this.membership.update((d) => {
      if (d.teamId !== id) {
        d.shared = {}
        d.unshared = []
      }
      d.folder = root
      d.teamId = id
      d.teamName = teamName
      d.memberId = memberId
      d.name = profile.displayName
    })
    await this.#sync.pass()
    return this.status()
  }

  /** Shares a library article with the team (its text and, from the next pass on, this device's annotations on it). */
  async share(articleId: string): Promise<string> {
    const m = this.#joined()
    const existing = Object.entries(m.shared).find(([, local]) => local === articleId)
    if (existing) return existing[0]
    const teamId = randomBytes(8).toString('hex')
    await this.#sync.share(new TeamFolder(m.folder!), teamId, articleId, m.memberId!)
    await this.membership.update((d) => {
      d.shared[teamId] = articleId
    })
    await this.#sync.pass()
    return teamId
  }

  /**
   * Stops sharing an article: this device no longer writes or reads its team
   * files. What was shared stays with the team (sharing cannot be taken back).
   */
  async unshare(articleId: string): Promise<void> {
    const m = this.#joined()
    const teamIds = Object.entries(m.shared)
      .filter(([, local]) => local === articleId)
      .map(([teamId]) => teamId)
    if (teamIds.length === 0) throw new HamishError('not-found', localText('messages.teamArticleNotShared'))
    await this.membership.update((d) => {
      for (const teamId of teamIds) {
        delete d.shared[teamId]
        if (!d.unshared.includes(teamId)) d.unshared.push(teamId)
      }
    })
  }

  /** One sync pass (team-sync.ts). */
  async sync(): Promise<SyncReport> {
    this.#joined()
    return this.#sync.pass()
  }

  /** Leaves the team: the library keeps every article and annotation; the team folder keeps what was shared. */
  async leave(): Promise<void> {
    await this.membership.update((d) => {
      d.folder = null
      d.teamId = null
      d.teamName = null
      d.shared = {}
      d.unshared = []
    })
  }

  /** The team folder this library syncs with, or null when it is in no team (the app's watcher watches it). */
  folder(): string | null {
    return this.membership.data.folder
  }

  async status(): Promise<TeamStatus> {
    const m = this.membership.data
    const folder = m.folder ? new TeamFolder(m.folder) : null
    const present = folder ? await folder.present() : false
    const titles = new Map(this.library.listArticles().map((a) => [a.id, a.title]))
    return {
      joined: m.folder !== null,
      folder: m.folder,
      folderPresent: present,
      team: m.teamId ? { id: m.teamId, name: m.teamName ?? '' } : null,
      me: { member: m.memberId, device: m.deviceId, name: m.name },
      members: folder && present ? await this.#members(folder) : [],
      shared: Object.entries(m.shared)
        .filter(([, local]) => titles.has(local))
        .map(([teamArticleId, articleId]) => ({ teamArticleId, articleId, title: titles.get(articleId)! })),
      lastSync: m.lastSync,
    }
  }

  /** The members as their cards say, each device with when it last synced. */
  async #members(folder: TeamFolder): Promise<TeamStatus['members']> {
    const byMember = new Map<string, TeamStatus['members'][number]>()
    for (const name of (await folder.names('members')).sort()) {
      const text = await folder.readText(`members/${name}`).catch(() => null)
      if (!text) continue
      let card: MemberCard
      try {
        const checked = checkTeamFile(memberCardSchema, parseJsonStrict(text))
        if (!checked.ok || `${checked.value.member}.${checked.value.device}.json` !== name) continue
        card = checked.value
      } catch {
        continue
      }
      const entry = byMember.get(card.member) ?? { member: card.member, name: card.name, devices: [] }
      entry.devices.push({ device: card.device, lastSeen: card.lastSeen })
      // The name of the device seen last is the member's name now.
      if (entry.devices.every((d) => d.lastSeen <= card.lastSeen)) entry.name = card.name
      byMember.set(card.member, entry)
    }
    return [...byMember.values()]
  }

  /**
   * Syncthing never carries `.stignore` from one device to another, so every
   * member's copy of the folder needs its own, or a write cut short on one
   * device (in .hamish-tmp/) travels to every other device that lacks it.
   * A user's own ignore patterns are kept; ours is added once.
   */
  async #ignoreTempDirInSyncthing(team: TeamFolder): Promise<void> {
    const current = (await team.readText('.stignore')) ?? ''
    if (current.split(/\r?\n/).includes(TEAM_TEMP_DIR)) return
    await team.write(
      '.stignore',
      `${current}${current && !current.endsWith('\n') ? '\n' : ''}${TEAM_TEMP_DIR}\n`,
    )
  }

  async #readTeamFile(team: TeamFolder) {
    const text = await team.readText(TEAM_FILE)
    if (text === null) return null
    let json: unknown
    try {
      json = parseJsonStrict(text)
    } catch (error) {
      throw new HamishError(
        'invalid-content',
        localText('messages.teamFileUnreadable', {
          file: TEAM_FILE,
          why: error instanceof Error ? error.message : String(error),
        }),
      )
    }
    const checked = checkTeamFile(teamFileSchema, json)
    if (!checked.ok)
      throw new HamishError(
        'invalid-content',
        localText('messages.teamFileUnreadable', { file: TEAM_FILE, why: checked.why }),
      )
    return checked.value
  }

  #joined(): Membership {
    const m = this.membership.data
    if (!m.folder || !m.teamId || !m.memberId)
      throw new HamishError('not-found', localText('messages.teamNotJoined'))
    return m
  }
}
