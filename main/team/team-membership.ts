import * as v from 'valibot'
import { DEVICE_ID, MEMBER_ID, TEAM_ARTICLE_ID } from '../../common/team/layout'
import { openJsonStore, type JsonStore } from '../store/json-store'

/**
 * team-membership.json, in the library folder (never in the team folder):
 * which team folder this library syncs with, as which member and device,
 * and which of its articles are shared there.
 */
export interface Membership {
  version: 1
  folder: string | null
  teamId: string | null
  teamName: string | null
  memberId: string | null
  deviceId: string
  /** The name colleagues see; the same as the library's display name. */
  name: string | null
  /** Team article id → the local article it is (several team ids may be one local article). */
  shared: Record<string, string>
  /** Team articles this library stopped sharing: never mapped again. */
  unshared: string[]
  lastSync: string | null
}

const schema = v.object({
  version: v.literal(1),
  folder: v.nullable(v.string()),
  teamId: v.nullable(v.pipe(v.string(), v.regex(TEAM_ARTICLE_ID))),
  teamName: v.nullable(v.string()),
  memberId: v.nullable(v.pipe(v.string(), v.regex(MEMBER_ID))),
  deviceId: v.pipe(v.string(), v.regex(DEVICE_ID)),
  name: v.nullable(v.string()),
  shared: v.record(v.pipe(v.string(), v.regex(TEAM_ARTICLE_ID)), v.string()),
  unshared: v.array(v.pipe(v.string(), v.regex(TEAM_ARTICLE_ID))),
  lastSync: v.nullable(v.string()),
})

/** Opens (or starts) a library's membership file; a new one gets this device's id. */
export function openMembership(
  file: string,
  backupsDir: string,
  newDeviceId: () => string,
): Promise<JsonStore<Membership>> {
  return openJsonStore<Membership>(file, {
    defaults: () => ({
      version: 1,
      folder: null,
      teamId: null,
      teamName: null,
      memberId: null,
      deviceId: newDeviceId(),
      name: null,
      shared: {},
      unshared: [],
      lastSync: null,
    }),
    backupsDir,
    validate: (data) => v.is(schema, data),
  })
}
