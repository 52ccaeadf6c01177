/**
 * Where each file of a team folder lives (docs/FORMATS.md, "Team folder"):
 * lower-case ASCII names only, so case-insensitive and NFC/NFD file systems
 * and every sync engine keep them as they are, and one writer per file, so
 * no two devices ever write the same name. Paths are relative, with `/`.
 */

/** The team folder's format version; a folder of a newer one is read by nobody older. */
export const TEAM_FORMAT_VERSION = 1

/** team.json: the team's id, name and format version (written once, by whoever created the team). */
export const TEAM_FILE = 'team.json'

/** Where writes are prepared before their rename; engines are told to ignore it (`.stignore`). */
export const TEAM_TEMP_DIR = '.hamish-tmp'

/** A member's id in paths: the UUID of their author id (`urn:uuid:<uuid>`), lower case. */
export const MEMBER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A device's id: 16 lower-case hex digits, made once per library. */
export const DEVICE_ID = /^[0-9a-f]{16}$/

/** A shared article's id in the team: 16 lower-case hex digits, made by the member who shared it. */
export const TEAM_ARTICLE_ID = /^[0-9a-f]{16}$/

/** The member id of an author id, or null when it is not a `urn:uuid:` one. */
export function memberIdOf(authorId: string): string | null {
  const uuid = authorId.toLowerCase().replace(/^urn:uuid:/, '')
  return MEMBER_ID.test(uuid) ? uuid : null
}

/** The author id a member's annotations carry as their creator. */
export function authorIdOf(memberId: string): string {
  return `urn:uuid:${memberId}`
}

/** members/<memberId>.<deviceId>.json: that device's member card (name, last seen). */
export function memberFile(memberId: string, deviceId: string): string {
  return `members/${memberId}.${deviceId}.json`
}

/** The folder of a shared article: two-letter fan-out, so no folder holds thousands of entries. */
export function articleFolder(teamArticleId: string): string {
  return `articles/${teamArticleId.slice(0, 2)}/${teamArticleId}`
}

/** A shared article's text and metadata, written once by the member who shared it. */
export function articleFile(teamArticleId: string): string {
  return `${articleFolder(teamArticleId)}/article.json`
}

/** The folder of a shared article's annotation files, one per device. */
export function annotationFolder(teamArticleId: string): string {
  return `annotations/${teamArticleId.slice(0, 2)}/${teamArticleId}`
}

/** One device's annotations on a shared article, as a W3C AnnotationCollection: the only file it writes there. */
export function annotationFile(teamArticleId: string, memberId: string, deviceId: string): string {
  return `${annotationFolder(teamArticleId)}/${memberId}.${deviceId}.jsonld`
}
