/**
 * The renderer's Content Security Policy: only our own scripts, styles and
 * fonts; no inline script, no plugins, no network beyond our own origin.
 * Electron sends it as a response header (main/app/security.ts), the preview
 * server likewise, and renderer/index.html repeats it as a meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Schemes that may be handed to the system browser or mail client: http(s)
 * with a host, or mailto. Anything else (file:, javascript:, custom app
 * schemes) could run code or open local files, so it is never passed on.
 */
export function isExternalUrlAllowed(url: string): boolean {
  return /^(https?:\/\/[^\s/?#]+[^\s]*|mailto:[^\s]+)$/i.test(url.trim()) && !/[\u0000-\u001f]/.test(url)
}
