/**
 * Normalises text for identity, not for display: two copies of one article
 * (a .txt and the same text saved as .html, or a file with CRLF endings) must
 * give the same string, so their fingerprints match and a re-import is
 * recognised. Unicode NFC, every run of whitespace (NBSP included) as one
 * space, no byte-order mark, trimmed.
 */
export function normaliseForFingerprint(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\uFEFF/g, '')
    .replace(/[\s\u00A0\u2028\u2029]+/gu, ' ')
    .trim()
}

/**
 * Decoded text as we keep it: CRLF and CR become LF, the byte-order mark goes,
 * NUL and other C0 controls except tab and newline are dropped.
 */
export function cleanDecodedText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
}
