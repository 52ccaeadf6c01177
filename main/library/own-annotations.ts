import type { ParsedFile, Rejection } from '../../common/sharing'
import { rejection } from '../../common/sharing/reasons'
import { localText } from '../../common/i18n/local-text'

/**
 * Takes out of a parsed file every annotation new to this article that is
 * signed with this library's own author id, and returns the refusals: a file
 * cannot add notes under your name (issue 10 item 3). Your existing
 * annotations are protected in the merge itself (MergeOptions.owner).
 */
export function refuseNewOwn(parsed: ParsedFile, known: ReadonlySet<string>, owner: string): Rejection[] {
  const refused: Rejection[] = []
  parsed.annotations = parsed.annotations.filter((a) => {
    if (known.has(a.id) || a.creator.id !== owner) return true
    refused.push(rejection(a.id, localText('messages.reasons.ownNew')))
    return false
  })
  return refused
}
