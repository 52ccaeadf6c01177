import { session, shell, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY, externalUrlToOpen } from '../../common/security'

/**
 * Electron's security checklist, applied once to the default session and to
 * every web contents we create: CSP on every response, every permission
 * request refused, no navigation away from the app, no new windows, and
 * links handed to the system browser only for http(s) and mailto (the
 * latter without its query or fragment: common/security.ts).
 */
export function hardenSession(): void {
  const ses = session.defaultSession
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    })
  })
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
}

/** Keeps a window on our own page; outside links go to the system browser after a scheme check. */
export function hardenContents(contents: WebContents, isOwnUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) {
      event.preventDefault()
      openExternally(url)
    }
  })
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
}

function openExternally(url: string): void {
  const allowed = externalUrlToOpen(url)
  if (allowed !== null) void shell.openExternal(allowed)
}
