import { DEVICE_ID, MEMBER_ID } from './layout'

/**
 * What a file found in a shared article's annotation folder is:
 * - `own`: a device's annotation file (`<member>.<device>.jsonld`);
 * - `conflict-copy`: a copy a sync engine made when two writers met, named
 *   after the file it copies (Syncthing's `.sync-conflict-…`, Dropbox's and
 *   Nextcloud's `(… conflicted copy …)`, Drive's and OneDrive's `(1)`): read
 *   as one more input, then folded into its owner's file by that device;
 * - `not-ready`: a transfer in progress or a placeholder (Syncthing's
 *   `.syncthing.*.tmp` and `~syncthing~*`, iCloud's `.*.icloud`, partial
 *   downloads): never read, tried again at the next pass;
 * - `other`: anything else, left alone.
 */
export type TeamFileKind =
  | { kind: 'own'; member: string; device: string }
  | { kind: 'conflict-copy'; member: string; device: string }
  | { kind: 'not-ready' }
  | { kind: 'other' }

const OWN = /^([0-9a-f-]{36})\.([0-9a-f]{16})\.jsonld$/
const NOT_READY = [
  /^\.syncthing\..*\.tmp$/,
  /^~syncthing~/,
  /^\..*\.icloud$/,
  /\.(part|partial|crdownload|download|tmp)$/i,
  /^~\$/,
  /^\.~lock\./,
]
/** The base name of a conflict copy, with what each engine adds taken out. */
const CONFLICT_MARKS: RegExp[] = [
  // Syncthing: name.sync-conflict-20261207-101112-ABCDEFG.jsonld
  /\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(?=\.jsonld$)/,
  // Dropbox, Nextcloud, ownCloud: "name (conflicted copy 2026-12-07).jsonld", "name (Ali's conflicted copy …)"
  / \([^()]*conflicted copy[^()]*\)(?=\.jsonld$)/i,
  // Nextcloud desktop: "name (conflicted copy 2026-12-07 101112).jsonld", and "name_conflict-20261207-101112"
  /_conflict-\d{8}-\d{6}(?=\.jsonld$)/,
  // Google Drive, OneDrive, a copy by hand: "name(1).jsonld", "name (2).jsonld"
  / ?\(\d{1,3}\)(?=\.jsonld$)/,
]

/** Classifies a file name (not a path) of an annotation folder. */
export function teamFileKind(name: string): TeamFileKind {
  if (NOT_READY.some((re) => re.test(name))) return { kind: 'not-ready' }
  const own = OWN.exec(name)
  if (own && MEMBER_ID.test(own[1]!) && DEVICE_ID.test(own[2]!))
    return { kind: 'own', member: own[1]!, device: own[2]! }
  for (const mark of CONFLICT_MARKS) {
    if (!mark.test(name)) continue
    const base = OWN.exec(name.replace(mark, ''))
    if (base && MEMBER_ID.test(base[1]!) && DEVICE_ID.test(base[2]!))
      return { kind: 'conflict-copy', member: base[1]!, device: base[2]! }
  }
  return { kind: 'other' }
}
