import type { SyncReport } from '../team/sync-report'
import type { TeamStatus } from '../team/team-status'

/**
 * How `joinTeam` gets its folder on this host. In Electron the page never
 * sends a path: it sends null and main asks with the system's folder dialog
 * (`'dialog'`). The browser preview (a local test harness, no native dialog)
 * takes the path the user typed (`'path'`).
 */
export type TeamFolderChoice = 'dialog' | 'path'

/** What Settings > Team shows: the team's status, the last sync pass's report, and how a folder is chosen here. */
export interface TeamView {
  status: TeamStatus
  /** The last pass this app ran (null before the first one since it started). */
  lastReport: SyncReport | null
  folderChoice: TeamFolderChoice
}
