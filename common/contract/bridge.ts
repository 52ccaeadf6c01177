import type { WireResult } from '../errors'
import type { HamishEventName, HamishEvents } from './events'
import type { ApiMethod, HamishApi } from './methods'

/** The API the renderer uses: every method, plus typed event subscription. */
export interface HamishBridge extends HamishApi {
  on<E extends HamishEventName>(event: E, listener: (payload: HamishEvents[E]) => void): () => void
}

/**
 * What preload exposes as `window.hamish`: each method answers with the
 * WireResult main sent, never throws. An error thrown across contextBridge
 * keeps only its message (its code and its LocalText would be lost), so the
 * renderer turns a failed result into a HamishError itself (renderer/src/shell/bridge.ts).
 */
export type HamishWireBridge = {
  [M in ApiMethod]: (
    ...args: Parameters<HamishApi[M]>
  ) => Promise<WireResult<Awaited<ReturnType<HamishApi[M]>>>>
} & Pick<HamishBridge, 'on'>
