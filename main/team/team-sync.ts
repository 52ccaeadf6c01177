import type { Annotation } from '../../common/annotation'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { teamFileKind } from '../../common/team/file-kinds'
import {
  annotationFile,
  annotationFolder,
  articleFile,
  authorIdOf,
  memberFile,
  TEAM_FORMAT_VERSION,
} from '../../common/team/layout'
import { parseTeamJson, readTeamAnnotationFile } from '../../common/team/read-team-file'
import { emptySyncReport, type SyncReport } from '../../common/team/sync-report'
import {
  checkTeamFile,
  memberCardSchema,
  teamArticleSchema,
  type MemberCard,
} from '../../common/team/team-files'
import type { TeamInput } from '../../common/team/team-merge'
import { parseJsonStrict } from '../../common/sharing/strict-json'
import { toAnnotationCollection } from '../../common/sharing/w3c-format'
import type { Library } from '../library/library'
import type { JsonStore } from '../store/json-store'
import { TeamFolder, type ListedFile } from './team-folder'
import type { Membership } from './team-membership'

/** How often a device's member card is written again just to say it was seen. */
const SEEN_EVERY_MS = 10 * 60 * 1000

/** The program named in the files this device writes. */
export const TEAM_GENERATOR = 'Hamish'

/**
 * One sync pass between a library and its team folder: this device's files
 * written (its member card; per shared article, its own annotations), every
 * device's files read and merged into the library, conflict copies of its own
 * file folded back into it and removed. A file unchanged since the last pass
 * (same size and time) is not read again; a file that is not whole yet is
 * reported and tried again; a file refused is reported and changes nothing.
 */
export class TeamSync {
  /** Files read in earlier passes (path → size and time when read), so an unchanged file is not parsed again. */
  readonly #seen = new Map<string, { size: number; mtimeMs: number }>()
  /** Per team article: the local log state this device's file was last written from. */
  readonly #written = new Map<string, string>()

  constructor(
    private readonly library: Library,
    private readonly membership: JsonStore<Membership>,
    private readonly now: () => Date,
  ) {}

  async pass(): Promise<SyncReport> {
    const m = this.membership.data
    if (!m.folder || !m.memberId || !m.teamId)
      throw new HamishError('not-found', localText('messages.teamNotJoined'))
    const folder = new TeamFolder(m.folder)
    const report = emptySyncReport(this.now().toISOString())
    if (!(await folder.present())) {
      report.paused = true
      return report
    }
    await this.#writeCard(folder, m, report)
    const shared = { ...m.shared }
    const local = new Set(this.library.listArticles().map((a) => a.id))
    for (const teamId of await this.#teamArticles(folder, m)) {
      let localId = shared[teamId]
      if (localId !== undefined && !local.has(localId)) localId = undefined
      if (localId === undefined) {
        localId = (await this.#adopt(folder, teamId, report)) ?? undefined
        if (localId === undefined) continue
        shared[teamId] = localId
      }
      await this.#syncArticle(folder, m, teamId, localId, report)
    }
    await this.membership.update((d) => {
      d.shared = shared
      d.lastSync = report.at
    })
    return report
  }

  /** Shares a local article: its text and metadata written once to the team folder. */
  async share(folder: TeamFolder, teamId: string, localId: string, memberId: string): Promise<void> {
    const { summary, doc } = await this.library.getArticle(localId)
    const article = {
      format: 'hamish-team-article',
      version: TEAM_FORMAT_VERSION,
      id: teamId,
      fingerprint: summary.fingerprint,
      title: summary.title,
      lang: summary.lang,
      dir: summary.dir,
      source: summary.source,
      date: summary.date,
      sharedBy: memberId,
      sharedAt: this.now().toISOString(),
      doc,
    }
    await folder.write(articleFile(teamId), JSON.stringify(article))
  }

  /** The team articles to look at: those in the folder and those this library shares, less the ones it stopped sharing. */
  async #teamArticles(folder: TeamFolder, m: Membership): Promise<string[]> {
    const ids = new Set([...(await folder.articleIds()), ...Object.keys(m.shared)])
    for (const id of m.unshared) ids.delete(id)
    return [...ids].sort()
  }

  /** This device's member card: written when missing, renamed, or not seen for a while. */
  async #writeCard(folder: TeamFolder, m: Membership, report: SyncReport): Promise<void> {
    const path = memberFile(m.memberId!, m.deviceId)
    const text = await folder.readText(path).catch(() => null)
    let card: MemberCard | null = null
    if (text) {
      try {
        const checked = checkTeamFile(memberCardSchema, parseJsonStrict(text))
        if (checked.ok) card = checked.value
      } catch {
        // Rewritten below.
      }
    }
    const seen = card ? Date.parse(card.lastSeen) : 0
    if (card && card.name === m.name && this.now().getTime() - seen < SEEN_EVERY_MS) return
    const next: MemberCard = {
      format: 'hamish-member',
      version: TEAM_FORMAT_VERSION,
      member: m.memberId!,
      device: m.deviceId,
      name: m.name ?? '',
      lastSeen: this.now().toISOString(),
    }
    await folder.write(path, JSON.stringify(next, null, 2))
    report.written.push(path)
  }

  /**
   * A team article this library does not have yet: found by its text's
   * fingerprint among the library's articles, else added from article.json.
   * Null when its article.json is not there yet (still arriving) or refused.
   */
  async #adopt(folder: TeamFolder, teamId: string, report: SyncReport): Promise<string | null> {
    const path = articleFile(teamId)
    let text: string | null
    try {
      text = await folder.readText(path)
    } catch (error) {
      report.refused.push({ file: path, why: error instanceof Error ? error.message : String(error) })
      return null
    }
    if (text === null) {
      report.notReady.push({ file: path, why: 'the shared article has not arrived yet' })
      return null
    }
    const parsed = parseTeamJson(text)
    if (!('json' in parsed)) {
      const list = parsed.status === 'not-ready' ? report.notReady : report.refused
      list.push({ file: path, why: parsed.why })
      return null
    }
    const json = parsed.json
    const checked = checkTeamFile(teamArticleSchema, json)
    if (!checked.ok || checked.value.id !== teamId) {
      report.refused.push({ file: path, why: checked.ok ? 'its id is not its folder’s' : checked.why })
      return null
    }
    const article = checked.value
    const same = this.library.listArticles().find((a) => a.fingerprint === article.fingerprint)
    if (same) return same.id
    const summary = await this.library.addArticleFrom(
      { title: article.title, date: article.date, lang: article.lang, dir: article.dir, doc: article.doc },
      article.source,
      article.fingerprint,
    )
    report.articlesAdded.push(summary.id)
    return summary.id
  }

  /** Reads every device's file of one shared article, merges them in, and writes this device's own. */
  async #syncArticle(
    folder: TeamFolder,
    m: Membership,
    teamId: string,
    localId: string,
    report: SyncReport,
  ): Promise<void> {
    const inputs: TeamInput[] = []
    const myCopies: string[] = []
    let myFile: ListedFile | undefined
    const ownPath = annotationFile(teamId, m.memberId!, m.deviceId)
    for (const file of await folder.files(annotationFolder(teamId))) {
      const name = file.path.slice(file.path.lastIndexOf('/') + 1)
      const kind = teamFileKind(name)
      if (kind.kind === 'other') continue
      if (kind.kind === 'not-ready') {
        report.notReady.push({ file: file.path, why: 'a transfer in progress or a placeholder' })
        continue
      }
      const mine = kind.member === m.memberId && kind.device === m.deviceId
      if (mine && kind.kind === 'own') myFile = file
      if (mine && kind.kind === 'conflict-copy') myCopies.push(file.path)
      const seen = this.#seen.get(file.path)
      if (seen && seen.size === file.size && seen.mtimeMs === file.mtimeMs && kind.kind === 'own') continue
      let text: string | null
      try {
        text = await folder.readText(file.path)
      } catch (error) {
        report.refused.push({ file: file.path, why: error instanceof Error ? error.message : String(error) })
        this.#seen.set(file.path, { size: file.size, mtimeMs: file.mtimeMs })
        continue
      }
      if (text === null) continue
      const reading = readTeamAnnotationFile(file.path, text, { member: kind.member, device: kind.device })
      if (reading.status === 'not-ready') {
        report.notReady.push({ file: file.path, why: reading.why })
        continue
      }
      this.#seen.set(file.path, { size: file.size, mtimeMs: file.mtimeMs })
      if (reading.status === 'refused') report.refused.push({ file: file.path, why: reading.why })
      else inputs.push(reading.input)
    }
    if (inputs.length > 0) {
      const merged = await this.library.mergeAnnotationsInto(
        localId,
        inputs.flatMap((i) => i.annotations as Annotation[]),
      )
      report.added += merged.added.length
      report.updated += merged.updated.length
      report.deleted += merged.deleted.length
      report.conflicts += merged.conflicts.length
    }
    await this.#writeMine(folder, m, teamId, localId, ownPath, myFile, myCopies.length > 0, report)
    for (const copy of myCopies) {
      await folder.remove(copy)
      this.#seen.delete(copy)
      report.foldedCopies.push(copy)
    }
  }

  /** This device's annotation file of one article: written when the library's annotations changed since, or it is missing. */
  async #writeMine(
    folder: TeamFolder,
    m: Membership,
    teamId: string,
    localId: string,
    path: string,
    onDisk: ListedFile | undefined,
    force: boolean,
    report: SyncReport,
  ): Promise<void> {
    const stored = await this.library.storedAnnotations(localId)
    const author = authorIdOf(m.memberId!)
    const mine = stored.annotations.filter((a) => a.creator.id.toLowerCase() === author)
    const state = `${stored.annotations.length}:${mine.map((a) => a.modified).join(',')}`
    if (!force && onDisk && this.#written.get(teamId) === state) return
    if (mine.length === 0 && !onDisk) return
    const summary = this.library.listArticles().find((a) => a.id === localId)!
    const latest = mine.reduce((t, a) => (a.modified > t ? a.modified : t), '1970-01-01T00:00:00.000Z')
    const text = JSON.stringify(
      toAnnotationCollection({
        id: `urn:uuid:${m.memberId}`,
        article: summary,
        annotations: mine,
        text: stored.text,
        generator: TEAM_GENERATOR,
        exportedAt: latest,
        writer: { member: m.memberId!, device: m.deviceId },
      }),
      null,
      1,
    )
    const current = onDisk ? await folder.readText(path).catch(() => null) : null
    if (current !== text) {
      await folder.write(path, text)
      report.written.push(path)
    }
    this.#written.set(teamId, state)
    this.#seen.delete(path)
  }
}
