import { contextBridge, ipcRenderer } from 'electron'
import type { HamishWireBridge } from '../common/contract/bridge'
import type { HamishEventName, HamishEvents } from '../common/contract/events'
import { channelOf, eventChannelOf } from '../common/contract/channels'
import { EVENT_NAMES } from '../common/contract/events'
import { API_METHODS } from '../common/contract/methods'

/**
 * Exposes exactly the contract as `window.hamish`: one function per method,
 * each invoking its own channel and answering with main's WireResult as
 * data (an error thrown across contextBridge would lose its code and its
 * text for the interface's language), and typed event subscription. Nothing
 * else of Electron reaches the page.
 */
const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args),
  ]),
) as unknown as Omit<HamishWireBridge, 'on'>

const bridge: HamishWireBridge = {
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
