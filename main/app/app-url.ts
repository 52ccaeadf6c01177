/**
 * The renderer is served from app://hamish/ (main/app/app-protocol.ts), not
 * from file://, so that the CSP's 'self' is our bundle and nothing else on
 * the disk. These are its names; nothing here imports electron.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'hamish'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

/**
 * True for our own page, whatever its route or query: the only URL the
 * window may navigate to and the only frame IPC answers. Parsed, so another
 * host, a user name or a port on the same scheme never passes.
 */
export function isAppPage(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname === '/index.html'
  )
}
