import { HamishError } from '../../../common/errors'
import { strings } from './strings'

/**
 * The sentence to show for a failed call. HamishError messages are written
 * for the user (in the interface's language when main sent a LocalText); anything else (a bug, a dropped connection) gets a generic
 * sentence, never a stack trace or an internal message.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof HamishError) return strings.fromMain(err.text, err.message)
  if (err instanceof Error && err.name === 'HamishError' && err.message) return err.message
  return strings.unexpectedError
}
