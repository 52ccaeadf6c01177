import { contextBridge, ipcRenderer } from 'electron'
import {
  API_METHODS,
  EVENT_NAMES,
  channelOf,
  eventChannelOf,
  type HamishApi,
  type HamishBridge,
  type HamishEventName,
  type HamishEvents,
} from '../common/api'
import { fromWireError, type WireResult } from '../common/errors'

/**
 * Exposes exactly the contract as `window.hamish`: one function per method,
 * each invoking its own channel, and typed event subscription. Nothing else
 * of Electron reaches the page.
 */
const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (...args: unknown[]) => {
      const result = (await ipcRenderer.invoke(channelOf(method), ...args)) as WireResult<unknown>
      if (!result.ok) throw fromWireError(result.error)
      return result.value
    },
  ]),
) as unknown as HamishApi

const bridge: HamishBridge = {
  ...api,
  on<E extends HamishEventName>(event: E, listener: (payload: HamishEvents[E]) => void): () => void {
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${String(event)}`)
    const channel = eventChannelOf(event)
    const wrapped = (_e: unknown, payload: HamishEvents[E]): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('hamish', bridge)
