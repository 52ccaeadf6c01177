import { protocol, type CustomScheme } from 'electron'
import { APP_SCHEME } from './app-url'
import { serveRendererFile } from './renderer-files'

/**
 * app:// as a standard, secure scheme: standard so relative URLs, the origin
 * (app://hamish) and storage work as on the web; secure so the page is a
 * secure context; fetch and the V8 code cache for our own scripts. Not
 * bypassCSP, not corsEnabled (no other origin may read our files), no
 * service workers.
 */
export const APP_SCHEME_PRIVILEGES: NonNullable<CustomScheme['privileges']> = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
}

/** Declares the app:// scheme; Electron accepts this only before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
}

/**
 * Serves the built renderer on app://hamish/ in the default session (the
 * window's). Call after ready and before the window loads its page.
 */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request))
}
