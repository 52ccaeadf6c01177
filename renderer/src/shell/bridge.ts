import type { HamishBridge, HamishWireBridge } from '../../../common/contract/bridge'
import type { ApiMethod, HamishApi } from '../../../common/contract/methods'
import { API_METHODS } from '../../../common/contract/methods'
import { fromWireError, type WireResult } from '../../../common/errors'
import type { LibraryChange } from '../../../common/library-changes'
import { decodeWire, encodeWire } from '../../../common/contract/wire'
import { CLIENT_HEADER, openChangeStream } from './change-stream'

declare global {
  interface Window {
    /** Set by preload in Electron; absent in the browser preview. */
    hamish?: HamishWireBridge
  }
}

/** Header that carries the preview session's token (see main/preview/server.ts). */
export const TOKEN_HEADER = 'X-Hamish-Token'

/** A call's value, or its error rebuilt as a HamishError with its code and its text for the interface. */
function unwrap<T>(result: WireResult<T>): T {
  if (!result.ok) throw fromWireError(result.error)
  return result.value
}

/** Electron: preload's `window.hamish` answers with WireResults; the renderer rebuilds the errors here. */
export function electronBridge(wire: HamishWireBridge): HamishBridge {
  const api = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (...args: unknown[]) =>
        unwrap(await (wire[method] as (...a: unknown[]) => Promise<WireResult<unknown>>)(...args)),
    ]),
  ) as unknown as HamishApi
  return { ...api, on: (event, listener) => wire.on(event, listener) }
}

/**
 * The loopback bridge used by `npm run preview`: the same contract over HTTP
 * to 127.0.0.1, authorised by the random token the server printed in the URL.
 * Every call names this tab (a random client id), so the change feed, the one
 * event the preview has, brings only what other tabs changed.
 */
function previewBridge(token: string): HamishBridge {
  const headers = { [TOKEN_HEADER]: token, [CLIENT_HEADER]: crypto.randomUUID().replace(/-/g, '') }
  const changeListeners = new Set<(change: LibraryChange) => void>()
  let stopStream: (() => void) | null = null
  const call = async (method: ApiMethod, args: unknown[]): Promise<unknown> => {
    const body = encodeWire(args)
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
      // Small calls (a reading position saved as the page closes) must outlive the page; 64 KB is the browser's cap.
      keepalive: body.length < 60_000,
    })
    return unwrap(decodeWire(await response.text()) as WireResult<unknown>)
  }
  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as HamishApi
  const on: HamishBridge['on'] = (event, listener) => {
    if (event !== 'libraryChange') return () => undefined
    const heard = listener as (change: LibraryChange) => void
    changeListeners.add(heard)
    stopStream ??= openChangeStream(headers, (change) => {
      for (const l of [...changeListeners]) l(change)
    })
    return () => {
      changeListeners.delete(heard)
      if (changeListeners.size === 0) {
        stopStream?.()
        stopStream = null
      }
    }
  }
  return { ...api, on }
}

/**
 * The API object the whole renderer uses. In Electron preload has already
 * exposed it; in the preview the token is taken from the page URL once and
 * the URL is cleaned so the token does not linger in history or screenshots.
 */
export function connectBridge(): HamishBridge {
  if (window.hamish) return electronBridge(window.hamish)
  const params = new URLSearchParams(location.search)
  const token = params.get('token') ?? sessionStorage.getItem('hamish-token')
  if (!token)
    throw new Error('Hamish preview: open the URL that `npm run preview` printed (it carries the token).')
  sessionStorage.setItem('hamish-token', token)
  if (params.has('token')) {
    params.delete('token')
    const query = params.toString()
    history.replaceState(null, '', location.pathname + (query ? `?${query}` : '') + location.hash)
  }
  return previewBridge(token)
}
