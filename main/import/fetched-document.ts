/** The importer (an extension Hamish reads) for each document type an address may hold besides a page. */
export const DOCUMENT_TYPES: Readonly<Record<string, 'pdf' | 'docx' | 'epub'>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/epub+zip': 'epub',
}

/** Content types that say only "some file": the file name's extension tells what it is. */
const ANY_FILE_TYPES = new Set(['application/octet-stream', 'binary/octet-stream'])

/** How every PDF opens. */
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-

/** Whether the bytes open as a PDF does, whatever the server called them. */
export function isPdfSignature(bytes: Uint8Array): boolean {
  return PDF_SIGNATURE.every((b, i) => bytes[i] === b)
}

/** Bytes enough to tell a PDF by its signature. */
export const PDF_SIGNATURE_BYTES = PDF_SIGNATURE.length

/** The longest file name handed on, in characters (its extension kept). */
const MAX_NAME_CHARS = 120

/** Percent escapes decoded where they are UTF-8; the text as it was where they are not. */
function unescaped(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * The file name a Content-Disposition header gives: RFC 6266's
 * `filename*=UTF-8''…` first (an Arabic name arrives so), else `filename=`,
 * quoted or not; null when it names none.
 */
function dispositionName(header: string | undefined): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:utf-8|iso-8859-1)'[^']*'([^;]+)/i.exec(header)
  if (extended?.[1]) return unescaped(extended[1].trim())
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header)
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim()
  return name || null
}

/**
 * A name fit to stand for a file: its last path part only (a server's
 * `../../x` or `C:\x` names no folder here), without control or invisible
 * format characters (a right-to-left override would make `fdp.exe` read
 * as `exe.pdf`), without leading dots and blank space, and not too long.
 */
function sanitised(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  const clean = last
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const chars = [...clean]
  return chars.length <= MAX_NAME_CHARS ? clean : chars.slice(0, MAX_NAME_CHARS).join('')
}

/**
 * The file name for a document fetched from `url`: the server's
 * Content-Disposition name, else the address's last path segment, else
 * "document", sanitised and ending in the extension of the importer that
 * reads it (so an importer that looks at the name never sees another
 * format's). It stands for the file in the importer's messages and as the
 * title of last resort, as a file's name does.
 */
export function documentFileName(
  contentDisposition: string | undefined,
  url: URL,
  format: 'pdf' | 'docx' | 'epub',
): string {
  const fromPath = unescaped(url.pathname.split('/').pop() ?? '')
  const name = sanitised(dispositionName(contentDisposition) ?? '') || sanitised(fromPath) || 'document'
  return name.toLowerCase().endsWith(`.${format}`) ? name : `${name}.${format}`
}

/**
 * The document format a response holds by its headers: its declared type,
 * or for a type that says only "a file" the extension of its
 * Content-Disposition name or address; null when neither says a document
 * Hamish reads (a PDF is still recognised later by its signature).
 */
export function declaredDocument(
  type: string,
  contentDisposition: string | undefined,
  url: URL,
): 'pdf' | 'docx' | 'epub' | null {
  if (Object.hasOwn(DOCUMENT_TYPES, type)) return DOCUMENT_TYPES[type]!
  if (!ANY_FILE_TYPES.has(type)) return null
  const name = (dispositionName(contentDisposition) ?? unescaped(url.pathname)).toLowerCase()
  const extension = /\.(pdf|docx|epub)$/.exec(name.trim())?.[1]
  return (extension as 'pdf' | 'docx' | 'epub' | undefined) ?? null
}
