import { basename } from 'node:path'
import type { Notice } from '../../common/contract/notice'
import type { ArticleSummary } from '../../common/article'
import { localText, type LocalText } from '../../common/i18n/local-text'
import type { LogRepair } from '../store/append-log'
import type { RecoveryReport } from '../store/json-store'
import type { UnlistedDuplicate } from './relist-articles'

/**
 * Words for the user about a file that was damaged and what was done about
 * it, and exactly what it cost: nothing when the newest backup (the last
 * saved state) came back, the changes after the copy's time when only an
 * older one could be read. An article file with no usable backup is not
 * started afresh like library.json: its article cannot be opened, and
 * `article` names it.
 */
export function recoveryNotice(
  report: RecoveryReport,
  article?: string,
): { level: Notice['level']; text: LocalText } {
  const name = basename(report.file)
  const moved = basename(report.movedTo)
  const text = report.restoredFrom
    ? localText(report.nothingLost ? 'messages.recoveredLastSaved' : 'messages.recoveredOlderCopy', {
        name,
        movedTo: moved,
        backup: basename(report.restoredFrom),
        time: report.restoredTime ?? 0,
      })
    : article !== undefined
      ? localText('messages.articleFileLost', { name, movedTo: moved, title: article })
      : localText('messages.recoveredEmpty', { name, movedTo: moved })
  return { level: report.restoredFrom ? 'warning' : 'error', text }
}

/**
 * Unlisted files not listed again because their text is already in the
 * list, named when they hold annotations of their own: they stay in
 * articles/, and the user can import their notes by hand.
 */
export function duplicatesNotice(duplicates: readonly UnlistedDuplicate[]): LocalText {
  return localText('messages.relistSkippedDuplicates', {
    files: duplicates
      .slice(0, 20)
      .map((d) => localText('messages.relistedDuplicate', { file: `articles/${d.id}.json`, title: d.title })),
  })
}

/** The articles listed again after library.json was recovered, by title and file. */
export function relistedNotice(found: readonly ArticleSummary[]): LocalText {
  return localText('messages.articlesRelisted', {
    count: found.length,
    // A notice's list of texts holds at most 20 (isWellFormedText); the count says how many in all.
    titles: found
      .slice(0, 20)
      .map((a) => localText('messages.relistedTitle', { title: a.title, file: `articles/${a.id}.json` })),
  })
}

/**
 * Words about an annotation log that opening repaired: a torn tail is a
 * change that was being written when the app stopped (never saved, so
 * nothing saved is missing); damage inside the file costs the records that
 * could not be read, and says so with where the file's bytes were kept.
 */
export function logRepairNotice(
  repair: LogRepair,
  title: string,
): { level: Notice['level']; text: LocalText } {
  if (repair.kind === 'torn-tail')
    return { level: 'info', text: localText('messages.annotationLogTornTail', { title }) }
  return {
    level: 'error',
    text: localText('messages.annotationLogDamaged', {
      title,
      count: repair.unreadable,
      movedTo: basename(repair.movedTo ?? repair.file),
    }),
  }
}
