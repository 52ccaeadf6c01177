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
 * What may be handed to the system browser or mail client for a link, or
 * null: http(s) with a host as it is, and mailto reduced to its recipients.
 * A mailto's query and fragment are dropped because mail clients obey them:
 * `?attach=/home/you/.ssh/id_rsa` or `?body=…` in a colleague's note would
 * reach the compose window, so a click opens a message to the address and
 * nothing more. Anything else (file:, javascript:, custom app schemes) could
 * run code or open local files, so it is never passed on.
 */
export function externalUrlToOpen(url: string): string | null {
  const trimmed = url.trim()
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(trimmed)) return null
  if (/^https?:\/\/[^/?#]+/i.test(trimmed)) return trimmed
  const mailto = /^mailto:([^?#]*)/i.exec(trimmed)
  if (mailto && isRecipientList(mailto[1] ?? '')) return `mailto:${mailto[1]}`
  return null
}

/** True when a link may leave the app at all (see externalUrlToOpen for what then leaves). */
export function isExternalUrlAllowed(url: string): boolean {
  return externalUrlToOpen(url) !== null
}

/**
 * A mailto's recipients, percent-encoded or not: addresses separated by
 * commas, each local@domain of letters, digits and the harmless punctuation
 * of real addresses. Checked after decoding, so `%3F` or `%26` cannot carry
 * a header the mail client would read.
 */
function isRecipientList(encoded: string): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(encoded)
  } catch {
    return false
  }
  const address = /^[\p{L}\p{M}\p{N}.!$'*+_~^{}|-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*$/u
  return decoded.split(',').every((one) => address.test(one.trim()))
}
