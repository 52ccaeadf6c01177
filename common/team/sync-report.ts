/** What one sync pass did, for the status line, the report in Settings > Team and `hamish team sync --json`. */
export interface SyncReport {
  /** When the pass ended (ISO 8601). */
  at: string
  /** True when the team folder was not there (an unmounted drive): nothing was read or written. */
  paused: boolean
  /** Annotations new to this library, changed here by a colleague's newer version, deleted by one. */
  added: number
  updated: number
  deleted: number
  /** Annotations both sides changed: both versions kept, one shown, the other "their version". */
  conflicts: number
  /** Articles shared by colleagues and added to this library in this pass. */
  articlesAdded: string[]
  /** Files this device wrote (its own annotation files, its member card, shared articles). */
  written: string[]
  /** Conflict copies read and folded into their owner's file (by this device), then removed. */
  foldedCopies: string[]
  /** Files still arriving or placeholders: read again next pass, never taken as deletions. */
  notReady: { file: string; why: string }[]
  /** Files refused whole, with why: nothing of them was merged. */
  refused: { file: string; why: string }[]
}

/** A report with nothing in it yet. */
export function emptySyncReport(at: string): SyncReport {
  return {
    at,
    paused: false,
    added: 0,
    updated: 0,
    deleted: 0,
    conflicts: 0,
    articlesAdded: [],
    written: [],
    foldedCopies: [],
    notReady: [],
    refused: [],
  }
}
