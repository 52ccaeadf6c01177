import { HamishError } from '../../common/errors'
import { localText, type LocalText } from '../../common/i18n/local-text'
import { errorCode } from '../store/store-fs'

/**
 * Why a write failed, in the user's words: a full disk and a read-only one
 * are named with the folder whose disk it is (so the user knows which disk to
 * free), a refused permission says what to check, anything else quotes the
 * system's error. Null for an error that is not the file system's (a bug, or
 * a refusal the caller made itself), which the caller passes on unchanged.
 */
export function writeFailureReason(error: unknown, folder: string): LocalText | null {
  const code = errorCode(error)
  if (code === undefined || error instanceof HamishError) return null
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return localText('messages.diskFull', { folder })
    case 'EROFS':
      return localText('messages.diskReadOnly', { folder })
    case 'EACCES':
    case 'EPERM':
      return localText('messages.writeNotPermitted', { folder })
    default:
      return localText('messages.writeFailedCode', { code })
  }
}

/**
 * The error for a change whose acknowledged write failed, so nothing was
 * saved: says so, and why. Anything that is not a file-system error is
 * returned as it was.
 */
export function notSavedError(error: unknown, folder: string): unknown {
  const why = writeFailureReason(error, folder)
  return why ? new HamishError('storage', localText('messages.changeNotSaved', { why })) : error
}
