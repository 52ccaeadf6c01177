import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { channelOf } from '../../common/contract/channels'
import { API_METHODS, type HamishApi } from '../../common/contract/methods'
import { HamishError, toWireError, type WireResult } from '../../common/errors'
import { dispatchCall } from '../../common/contract/dispatch'
import { runWithChangeOrigin } from '../library/change-origin'

/** The origin of every change the window's own calls make: not echoed back to it as events. */
export const WINDOW_ORIGIN = 'window'

/**
 * One handler per method of the contract. A call from anything but our own
 * window's main frame on our own page is refused; arguments are checked
 * against the contract's schema before the service sees them. Answers are
 * WireResults, so the renderer gets our message and not Electron's wrapping.
 */
export function registerIpc(
  api: HamishApi,
  isOwnSender: (sender: WebContents, frameUrl: string) => boolean,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url ?? ''
      if (!isOwnSender(event.sender, frameUrl) || event.senderFrame?.parent) {
        return failure(
          new HamishError('forbidden', `${method}: refused a call from outside Hamish's window.`),
        )
      }
      try {
        const value = await runWithChangeOrigin(WINDOW_ORIGIN, () => dispatchCall(api, method, args))
        return { ok: true, value: value ?? null } satisfies WireResult<unknown>
      } catch (err) {
        if (!(err instanceof HamishError)) console.error(`hamish: ${method} failed:`, err)
        return failure(err)
      }
    })
  }
}

function failure(err: unknown): WireResult<never> {
  return { ok: false, error: toWireError(err) }
}
