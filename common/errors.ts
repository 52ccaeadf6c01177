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
  | 'internal'

/**
 * An error whose message is meant for the user: it says what went wrong and,
 * where it can, what to do. Everything else is reported as `internal`.
 */
export class HamishError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'HamishError'
    this.code = code
  }
}

/** The shape an error takes when it crosses a process or network boundary. */
export interface WireError {
  code: ErrorCode
  message: string
}

/** Every call's answer on the wire: a value, or an error the user can read. */
export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError }

/** Turns anything thrown into a WireError without leaking stack traces or paths of internal errors. */
export function toWireError(err: unknown): WireError {
  if (err instanceof HamishError) return { code: err.code, message: err.message }
  return { code: 'internal', message: 'Something went wrong inside Hamish; the library was not changed.' }
}

/** Rebuilds a thrown error on the calling side so callers catch HamishError everywhere. */
export function fromWireError(error: WireError): HamishError {
  return new HamishError(error.code, error.message)
}
