/** What `hamish team status` and Settings > Team show. */
export interface TeamStatus {
  joined: boolean
  folder: string | null
  /** False when the team folder is not there (sync paused). */
  folderPresent: boolean
  team: { id: string; name: string } | null
  me: { member: string | null; device: string; name: string | null }
  members: { member: string; name: string; devices: { device: string; lastSeen: string }[] }[]
  shared: { teamArticleId: string; articleId: string; title: string }[]
  lastSync: string | null
}
