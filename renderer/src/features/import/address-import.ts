import type { ImportOutcome } from '../../../../common/contract/article-import'
import type { HamishApi } from '../../../../common/contract/methods'
import { errorMessage } from '../../ui/error-message'
import { cancelledOutcome } from './import-queue'

/** Asks the user whether to save from an address on this computer or the local network. */
export type ConfirmPrivate = (address: string, ip: string) => Promise<boolean>

/**
 * Main refused the address because it leads to this computer or a private
 * network (`messages.privateAddress`, which names the IP it resolved to);
 * the IP, or null for any other outcome.
 */
export function privateAddressIp(outcome: ImportOutcome): string | null {
  if (outcome.status !== 'rejected' || outcome.text?.key !== 'messages.privateAddress') return null
  const ip = outcome.text.values?.ip
  return typeof ip === 'string' ? ip : ''
}

/**
 * Saves one page from its address. Main never fetches from this computer or
 * the local network unasked: such an address comes back refused, and only
 * when the user confirms is it asked again with `allowPrivate`. Declining
 * stores nothing and reads as cancelled; any failure of the call is the
 * address's "rejected" outcome, like a file's.
 */
export async function importAddressAsking(
  api: Pick<HamishApi, 'importAddress'>,
  address: string,
  confirmPrivate: ConfirmPrivate,
  ticket?: string,
): Promise<ImportOutcome> {
  const call = (allowPrivate: boolean): Promise<ImportOutcome> =>
    api.importAddress(ticket ? { address, allowPrivate, ticket } : { address, allowPrivate })
  try {
    const first = await call(false)
    const ip = privateAddressIp(first)
    if (ip === null) return first
    if (await confirmPrivate(address, ip)) return await call(true)
    return cancelledOutcome(address)
  } catch (err) {
    return { name: address, status: 'rejected', message: errorMessage(err), article: null }
  }
}
