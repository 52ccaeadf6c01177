/**
 * The `modified` time for a new version of an annotation: now, or one
 * millisecond after the previous version when the clock has not moved past
 * it (two edits in one millisecond, a clock set back). `modified` names the
 * version an edit was made on (`updateAnnotation`'s `basedOn`), so two
 * versions must never share it.
 */
export function nextModified(previous: string, now: Date): string {
  const before = Date.parse(previous)
  const at = now.getTime()
  return new Date(Number.isFinite(before) && at <= before ? before + 1 : at).toISOString()
}
