import type { HamishEventName } from './events'
import type { ApiMethod } from './methods'

/**
 * The Electron transport's IPC channels, derived from the method and event
 * names and never written by hand, so preload and main cannot disagree.
 * Depends on names only: preload, which only forwards calls, bundles none
 * of the schemas or message tables.
 */

/** The IPC channel of a method. */
export const channelOf = (method: ApiMethod): string => `hamish:${method}`

/** The IPC channel of an event main sends to the page. */
export const eventChannelOf = (event: HamishEventName): string => `hamish-event:${event}`
