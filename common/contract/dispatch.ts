import * as v from 'valibot'
import { HamishError } from '../errors'
import type { ApiMethod, HamishApi } from './methods'
import { apiArgSchemas } from './schemas'

/**
 * Checks the arguments of one call against the contract and returns them
 * typed and normalised (trimmed titles and tags), so no implementation ever
 * sees an unchecked argument. Throws a HamishError whose message names the
 * method and the problem, so a bad call is easy to read.
 */
export function validateCall<M extends ApiMethod>(method: M, args: unknown): Parameters<HamishApi[M]> {
  const schema = apiArgSchemas[method] as unknown as v.GenericSchema<unknown, Parameters<HamishApi[M]>>
  const result = v.safeParse(schema, args)
  if (!result.success) {
    const issue = result.issues[0]
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? ''
    throw new HamishError(
      'invalid-argument',
      `${method}: ${where ? `argument ${where}: ` : ''}${issue.message}`,
    )
  }
  return result.output
}

/** Calls the implementation after validation: the one dispatch every transport (IPC, HTTP, tests) uses, so none can skip the check. */
export async function dispatchCall(api: HamishApi, method: ApiMethod, args: unknown): Promise<unknown> {
  const checked = validateCall(method, args)
  const fn = api[method] as (...a: unknown[]) => Promise<unknown>
  return fn.apply(api, checked as unknown[])
}
