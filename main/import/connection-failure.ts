import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'

/** Socket errors that mean this computer has no way to the host: no network, no route, cable out. */
const UNREACHABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL'])

/** Socket errors that mean the server (or something between) hung up part-way. */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED'])

/**
 * What a failed connection tells the user, from Node's error code: being
 * offline or cut off mid-page reads as a sentence with something to do, not
 * as `connect ENETUNREACH 203.0.113.5:443`. Only an error with no code we
 * know keeps Node's own words, so nothing is hidden either.
 */
export function connectionFailure(address: string, host: string, error: unknown): HamishError {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ECONNREFUSED')
    return new HamishError('network', localText('messages.fetchRefused', { address, host }))
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new HamishError('network', localText('messages.fetchNoHost', { address, host }))
  if (typeof code === 'string' && UNREACHABLE.has(code))
    return new HamishError('network', localText('messages.fetchUnreachable', { address, host }))
  if (typeof code === 'string' && DROPPED.has(code))
    return new HamishError('network', localText('messages.fetchDropped', { address, host }))
  return new HamishError(
    'network',
    localText('messages.fetchFailed', {
      address,
      detail: error instanceof Error ? error.message : String(error),
    }),
  )
}
