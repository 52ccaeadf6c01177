import type { ApiMethod, HamishApi, HamishBridge, HamishWireBridge } from '../../../common/api'
import { API_METHODS } from '../../../common/api-constants'
import { fromWireError, type WireResult } from '../../../common/errors'
import { decodeWire, encodeWire } from '../../../common/wire-codec'

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
 * Events come only from Electron's native menu, so `on` subscribes to nothing.
 */
function previewBridge(token: string): HamishBridge {
  const call = async (method: ApiMethod, args: unknown[]): Promise<unknown> => {
    const body = encodeWire(args)
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body,
      // Small calls (a reading position saved as the page closes) must outlive the page; 64 KB is the browser's cap.
      keepalive: body.length < 60_000,
    })
    return unwrap(decodeWire(await response.text()) as WireResult<unknown>)
  }
  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as HamishApi
  return { ...api, on: () => () => undefined }
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
