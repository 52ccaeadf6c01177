import type { SyncReport } from '../../common/team/sync-report'
import type { TeamStatus } from '../../common/team/team-status'
import type { Library } from '../library/library'
import { TeamService } from '../team/team-service'
import { parseArgs, UsageError } from './args'
import type { Output } from './commands'

/**
 * `hamish team join|share|unshare|sync|status|leave`: the team library from
 * scripts and tests, with the same service Settings > Team uses.
 */
export async function teamCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const [sub, ...rest] = argv
  const team = await TeamService.open(library)
  switch (sub) {
    case 'join': {
      const { positional, flags, values } = parseArgs(rest, ['--json'], ['--as'])
      const name = values.get('--as')
      if (positional.length !== 1 || !name) throw new UsageError('team join needs FOLDER and --as NAME')
      printStatus(await team.join(positional[0]!, name), flags.has('--json'), io)
      return 0
    }
    case 'share':
    case 'unshare': {
      const { positional } = parseArgs(rest, [])
      if (positional.length !== 1) throw new UsageError(`team ${sub} needs exactly one ARTICLE_ID`)
      if (sub === 'share') io.out(await team.share(positional[0]!))
      else await team.unshare(positional[0]!)
      return 0
    }
    case 'sync': {
      const { flags } = parseArgs(rest, ['--json'])
      const report = await team.sync()
      printReport(report, flags.has('--json'), io)
      return report.paused || report.refused.length > 0 ? 1 : 0
    }
    case 'status': {
      const { flags } = parseArgs(rest, ['--json'])
      printStatus(await team.status(), flags.has('--json'), io)
      return 0
    }
    case 'leave':
      parseArgs(rest, [])
      await team.leave()
      return 0
    default:
      throw new UsageError('team needs a subcommand: join, share, unshare, sync, status or leave')
  }
}

function printReport(report: SyncReport, json: boolean, io: Output): void {
  if (json) {
    io.out(JSON.stringify(report, null, 2))
    return
  }
  if (report.paused) {
    io.err('hamish: the team folder is not there; nothing was synced (it resumes when the folder is back)')
    return
  }
  io.out(
    `added ${report.added}, updated ${report.updated}, deleted ${report.deleted}, conflicts ${report.conflicts}, ` +
      `articles added ${report.articlesAdded.length}, files written ${report.written.length}, ` +
      `copies folded ${report.foldedCopies.length}, not ready ${report.notReady.length}, refused ${report.refused.length}`,
  )
  for (const f of report.notReady) io.out(`not ready  ${f.file}: ${f.why}`)
  for (const f of report.refused) io.out(`refused    ${f.file}: ${f.why}`)
}

function printStatus(status: TeamStatus, json: boolean, io: Output): void {
  if (json) {
    io.out(JSON.stringify(status, null, 2))
    return
  }
  if (!status.joined) {
    io.out('not in a team')
    return
  }
  io.out(
    `team ${status.team?.name ?? ''} (${status.team?.id ?? ''}) in ${status.folder}${status.folderPresent ? '' : ' — not there: sync paused'}`,
  )
  io.out(`me ${status.me.name ?? ''} (member ${status.me.member}, device ${status.me.device})`)
  io.out(`last sync ${status.lastSync ?? 'never'}`)
  for (const m of status.members)
    io.out(
      `member ${m.member}\t${m.name}\t${m.devices.map((d) => `${d.device} seen ${d.lastSeen}`).join(', ')}`,
    )
  for (const s of status.shared) io.out(`shared ${s.articleId}\t${s.teamArticleId}\t${s.title}`)
}
