import { englishText, localText, type LocalText } from './i18n/local-text'

/** Why a call failed, in words a program can switch on. */
export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'unsupported-file'
  | 'too-large'
  | 'empty-file'
  | 'binary-file'
  | 'undecodable'
  | 'invalid-content'
  | 'storage'
  | 'forbidden'
  | 'locked'
  /** The edit was made on a version that is no longer the current one (another window changed it first). */
  | 'conflict'
  /** A web address could not be fetched (offline, refused, timed out, an HTTP error). */
  | 'network'
  /** A web address leads to this computer or a private network: fetched only when the user confirms. */
  | 'private-address'
  | 'internal'

/**
 * An error whose message is meant for the user: it says what went wrong and,
 * where it can, what to do. Everything else is reported as `internal`. Made
 * from a LocalText, it carries the text too, so the app can word it in the
 * interface's language; `message` is always the English wording (the CLI's,
 * and the fallback).
 */
export class HamishError extends Error {
  readonly code: ErrorCode
  readonly text: LocalText | undefined
  constructor(code: ErrorCode, message: string | LocalText, text?: LocalText) {
    super(typeof message === 'string' ? message : englishText(message))
    this.name = 'HamishError'
    this.code = code
    this.text = typeof message === 'string' ? text : message
  }
}

/** The shape an error takes when it crosses a process or network boundary. */
export interface WireError {
  code: ErrorCode
  message: string
  text?: LocalText
}

/** Every call's answer on the wire: a value, or an error the user can read. */
export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError }

/** Turns anything thrown into a WireError without leaking stack traces or paths of internal errors. */
export function toWireError(err: unknown): WireError {
  if (err instanceof HamishError)
    return err.text
      ? { code: err.code, message: err.message, text: err.text }
      : { code: err.code, message: err.message }
  const text = localText('messages.unexpected')
  return { code: 'internal', message: englishText(text), text }
}

/** Rebuilds a thrown error on the calling side so callers catch HamishError everywhere. */
export function fromWireError(error: WireError): HamishError {
  // The text is checked where it is worded (the renderer words only keys it knows).
  return new HamishError(error.code, error.message, error.text)
}
