import { HamishError } from '../errors'
import { readAnnotationJson } from '../sharing/read-file'
import { parseJsonStrict } from '../sharing/strict-json'
import { EXTENSION_KEY } from '../sharing/w3c-format'
import { refusalOf, type TeamInput } from './team-merge'

/** What reading one annotation file of a team folder gave. */
export type TeamFileReading =
  | { status: 'read'; input: TeamInput; rejected: { id: string | null; reason: string }[] }
  /** Not a whole file yet (empty, cut short, a placeholder): tried again next pass, never read as deletions. */
  | { status: 'not-ready'; why: string }
  /** A whole file that must not be merged (hostile, another writer, another member's annotations): nothing of it is. */
  | { status: 'refused'; why: string }

/**
 * A team file's text as JSON, or why it cannot be read yet: empty or cut
 * short is a file still arriving ('not-ready', read again next pass, never
 * taken as a deletion); anything else wrong (too large, too deep, a
 * `__proto__` key) is refused.
 */
export function parseTeamJson(
  text: string,
): { json: unknown } | { status: 'not-ready' | 'refused'; why: string } {
  if (text.trim() === '')
    return { status: 'not-ready', why: 'the file is empty (a placeholder, or still arriving)' }
  try {
    return { json: parseJsonStrict(text) }
  } catch (error) {
    const key = error instanceof HamishError ? error.text?.key : undefined
    if (key === 'messages.notJson')
      return { status: 'not-ready', why: 'the file is not whole JSON (still arriving?)' }
    return { status: 'refused', why: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Reads one device's annotation file (or a conflict copy of it) whose name
 * says `writer` wrote it. The content must say so too (the collection's
 * `hamish:extension.writer`), and hold only that member's annotations.
 */
export function readTeamAnnotationFile(
  file: string,
  text: string,
  writer: { member: string; device: string },
): TeamFileReading {
  const parsedText = parseTeamJson(text)
  if (!('json' in parsedText)) return parsedText
  const { json } = parsedText
  const ext =
    typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[EXTENSION_KEY] : undefined
  const named =
    typeof ext === 'object' && ext !== null
      ? (ext as { writer?: { member?: unknown; device?: unknown } }).writer
      : undefined
  if (named?.member !== writer.member || named.device !== writer.device)
    return { status: 'refused', why: 'its content does not name the member and device its file name does' }
  let parsed
  try {
    parsed = readAnnotationJson(json)
  } catch (error) {
    return { status: 'refused', why: error instanceof Error ? error.message : String(error) }
  }
  const input: TeamInput = {
    file,
    member: writer.member,
    device: writer.device,
    annotations: parsed.annotations,
  }
  const refused = refusalOf(input)
  if (refused) return { status: 'refused', why: refused }
  return { status: 'read', input, rejected: parsed.rejected.map((r) => ({ id: r.id, reason: r.reason })) }
}
