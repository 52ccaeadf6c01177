import * as v from 'valibot'
import { MAX_DISPLAY_NAME_LENGTH, MAX_TITLE_LENGTH } from '../contract/limits'
import { docSchema, type DocNode } from '../document'
import { DEVICE_ID, MEMBER_ID, TEAM_ARTICLE_ID, TEAM_FORMAT_VERSION } from './layout'

const moment = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((s) => !Number.isNaN(Date.parse(s))),
)
const name = (max: number) => v.pipe(v.string(), v.maxLength(max))

/** team.json. */
export const teamFileSchema = v.object({
  format: v.literal('hamish-team'),
  version: v.literal(TEAM_FORMAT_VERSION),
  id: v.pipe(v.string(), v.regex(TEAM_ARTICLE_ID)),
  name: name(MAX_TITLE_LENGTH),
  created: moment,
})
export type TeamFile = v.InferOutput<typeof teamFileSchema>

/** members/<member>.<device>.json: who a device's member is, as they call themselves, and when it last synced. */
export const memberCardSchema = v.object({
  format: v.literal('hamish-member'),
  version: v.literal(TEAM_FORMAT_VERSION),
  member: v.pipe(v.string(), v.regex(MEMBER_ID)),
  device: v.pipe(v.string(), v.regex(DEVICE_ID)),
  name: name(MAX_DISPLAY_NAME_LENGTH),
  lastSeen: moment,
})
export type MemberCard = v.InferOutput<typeof memberCardSchema>

/** articles/<ab>/<id>/article.json: a shared article's text and what the list shows of it. */
export const teamArticleSchema = v.object({
  format: v.literal('hamish-team-article'),
  version: v.literal(TEAM_FORMAT_VERSION),
  id: v.pipe(v.string(), v.regex(TEAM_ARTICLE_ID)),
  fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  title: name(MAX_TITLE_LENGTH),
  lang: name(35),
  dir: v.picklist(['rtl', 'ltr']),
  source: name(1024),
  date: v.nullable(name(40)),
  sharedBy: v.pipe(v.string(), v.regex(MEMBER_ID)),
  sharedAt: moment,
  doc: docSchema,
})
export interface TeamArticle extends Omit<v.InferOutput<typeof teamArticleSchema>, 'doc'> {
  doc: DocNode
}

/**
 * A team file's parsed JSON checked against its schema: the value, or why
 * not (the first issue, for the sync report). A newer format version is
 * named as such, so an older Hamish says "made by a newer Hamish" rather
 * than "damaged".
 */
export function checkTeamFile<T>(
  schema: v.GenericSchema<unknown, T>,
  json: unknown,
): { ok: true; value: T } | { ok: false; why: string } {
  const version =
    typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined
  if (typeof version === 'number' && version > TEAM_FORMAT_VERSION)
    return {
      ok: false,
      why: `format version ${version} is newer than this Hamish reads (${TEAM_FORMAT_VERSION})`,
    }
  const result = v.safeParse(schema, json)
  if (result.success) return { ok: true, value: result.output }
  const issue = result.issues[0]
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? ''
  return { ok: false, why: path ? `${path}: ${issue.message}` : issue.message }
}
