import { lookup as dnsLookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { MAX_IMPORT_BYTES } from '../../common/contract/limits'
import { displayAddress, displayHost } from '../../common/display-address'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { connectionFailure } from './connection-failure'
import { decodedBody } from './content-encoding'
import {
  declaredDocument,
  documentFileName,
  DOCUMENT_TYPES,
  isPdfSignature,
  PDF_SIGNATURE_BYTES,
} from './fetched-document'
import { ImportCancelled } from './import-cancelled'
import { isPrivateAddress } from './private-address'
import { sniffPageType } from './sniff-page-type'

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Resolves a host name; tests inject one so no name ever leaves 127.0.0.1. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>

export interface FetchPageOptions {
  /** Fetch even when the address leads to this computer or a private network (the user confirmed). */
  allowPrivate?: boolean
  /** Cancels the fetch (the import's Stop). */
  signal?: AbortSignal
  /** Longest wait for each connection to open. */
  connectTimeoutMs?: number
  /** Longest time the whole fetch, redirects and body included, may take. */
  totalTimeoutMs?: number
  /** Most bytes of body read (the import limit). */
  maxBytes?: number
  /** Most redirects followed. */
  maxRedirects?: number
  resolve?: Resolver
  now?: () => Date
}

/** A page as the server sent it, and the way there. */
export interface FetchedPage {
  /** The address as asked for. */
  address: string
  /** Every address a redirect led to, in order (the last one is where the page came from). */
  redirects: string[]
  /** The body, its Content-Encoding undone. */
  bytes: Uint8Array
  /**
   * `text/html`, `application/xhtml+xml` or `text/plain`; or a document:
   * `application/pdf` (also a body with a PDF's signature, whatever its
   * type said), DOCX's or EPUB's type.
   */
  mediaType: string
  /** For a document (PDF, DOCX, EPUB): a file name for it, sanitised (`documentFileName`). */
  fileName?: string
  /** The charset the Content-Type header declares, if any. */
  charset: string | null
  /** When the page arrived (ISO 8601). */
  fetched: string
}

/** Content types saved as pages; documents (`DOCUMENT_TYPES`) go to their importers, anything else is refused with its type named. */
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const

export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000
export const DEFAULT_TOTAL_TIMEOUT_MS = 120_000
export const MAX_REDIRECTS = 5

const REDIRECTS = new Set([301, 302, 303, 307, 308])

const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }))

/** An http or https URL, or null: nothing else (file:, data:, javascript:) is fetched. */
export function webAddress(text: string): URL | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
}

function network(key: Parameters<typeof localText>[0], values: Record<string, string | number>): HamishError {
  return new HamishError('network', localText(key, values))
}

/** The host of a URL as an address or name (IPv6 literals without their brackets). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

/**
 * The addresses `url` leads to, checked: a private one refuses the fetch
 * unless the user allowed it. The connection then goes to exactly these
 * addresses (never a second lookup), so a name cannot resolve to a public
 * address for the check and a private one for the connection.
 */
async function checkedAddresses(
  address: string,
  url: URL,
  options: FetchPageOptions,
): Promise<ResolvedAddress[]> {
  const host = hostOf(url)
  let addresses: ResolvedAddress[]
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }]
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host)
    } catch {
      throw network('messages.fetchNoHost', { address, host: displayHost(host) })
    }
    if (addresses.length === 0) throw network('messages.fetchNoHost', { address, host: displayHost(host) })
  }
  const inside = addresses.find((a) => isPrivateAddress(a.address))
  if (inside && !options.allowPrivate)
    throw new HamishError(
      'private-address',
      localText('messages.privateAddress', { address, ip: inside.address }),
    )
  return addresses
}

/** Pins a request's connection to the addresses already checked. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return ((_host: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (opts?.all) callback(null, addresses)
    else callback(null, addresses[0]!.address, addresses[0]!.family)
  }) as unknown as LookupFunction
}

type Answer =
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; page: Omit<FetchedPage, 'address' | 'redirects' | 'fetched'> }

/** One request: a redirect's location, or the page's body read up to the limit. */
function requestOnce(
  address: string,
  url: URL,
  addresses: ResolvedAddress[],
  options: Required<Pick<FetchPageOptions, 'connectTimeoutMs' | 'maxBytes'>>,
  signal: AbortSignal,
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest
    const requestOptions: RequestOptions = {
      method: 'GET',
      headers: {
        accept: `text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,${Object.keys(DOCUMENT_TYPES).join(';q=0.7,')};q=0.7`,
        'accept-encoding': 'identity',
        'user-agent': "Hamish (offline reader; saves one page at the user's request)",
      },
      lookup: pinnedLookup(addresses),
      signal,
      agent: false,
    }
    const req = request(url, requestOptions, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (REDIRECTS.has(status) && location) {
        res.resume()
        req.destroy()
        resolve({ kind: 'redirect', location })
        return
      }
      const fail = (error: HamishError): void => {
        req.destroy()
        reject(error)
      }
      if (status < 200 || status > 299)
        return fail(network('messages.fetchStatus', { address, status, reason: res.statusMessage ?? '' }))
      const [type = '', ...params] = (res.headers['content-type'] ?? '').split(';')
      const declaredType = type.trim().toLowerCase()
      const disposition = res.headers['content-disposition']
      const document = declaredDocument(declaredType, disposition, url)
      // Another type may still be a PDF by its first bytes; it is refused, with its type named, if not.
      const untold =
        declaredType !== '' && !document && !(PAGE_TYPES as readonly string[]).includes(declaredType)
      // No Content-Type: the body is read and sniffed (sniffPageType) once it has arrived.
      const charset =
        params
          .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
          .find((c): c is string => Boolean(c)) ?? null
      const limitMb = options.maxBytes / (1024 * 1024)
      const declared = Number(res.headers['content-length'])
      if (Number.isFinite(declared) && declared > options.maxBytes)
        return fail(network('messages.fetchTooLarge', { address, limit: limitMb }))
      const decoded = decodedBody(res, res.headers['content-encoding'])
      if ('unknown' in decoded)
        return fail(network('messages.fetchEncoding', { address, encoding: decoded.unknown }))
      const body = decoded.stream
      const refuse = (error: HamishError): void => {
        body.destroy()
        fail(error)
      }
      const chunks: Buffer[] = []
      let size = 0
      let settled = false
      // The limit counts decoded bytes: a small packed body that unpacks past it is stopped there.
      body.on('data', (chunk: Buffer) => {
        if (settled) return
        size += chunk.byteLength
        if (size > options.maxBytes) {
          settled = true
          return refuse(network('messages.fetchTooLarge', { address, limit: limitMb }))
        }
        chunks.push(chunk)
        if (untold && size >= PDF_SIGNATURE_BYTES && !isPdfSignature(Buffer.concat(chunks, size))) {
          settled = true
          refuse(network('messages.fetchType', { address, type: declaredType }))
        }
      })
      body.on('end', () => {
        if (settled) return
        settled = true
        const bytes = new Uint8Array(Buffer.concat(chunks, size))
        const pdf = isPdfSignature(bytes)
        if (untold && !pdf) return fail(network('messages.fetchType', { address, type: declaredType }))
        const format = pdf ? 'pdf' : document
        if (format) {
          const mediaType = Object.keys(DOCUMENT_TYPES).find((t) => DOCUMENT_TYPES[t] === format)!
          const fileName = documentFileName(disposition, url, format)
          return resolve({ kind: 'page', page: { bytes, mediaType, charset: null, fileName } })
        }
        const mediaType = declaredType || sniffPageType(bytes)
        if (mediaType === null) return fail(network('messages.fetchNoType', { address }))
        resolve({ kind: 'page', page: { bytes, mediaType, charset } })
      })
      body.on('error', (err: Error & { badEncoding?: string }) => {
        if (settled) return
        settled = true
        if (err.badEncoding)
          return fail(network('messages.fetchBadEncoding', { address, encoding: err.badEncoding }))
        reject(err)
      })
      res.on('error', (err) => {
        if (!settled) reject(err)
      })
    })
    req.on('socket', (socket) => {
      if (!socket.connecting) return
      const timer = setTimeout(
        () => req.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })),
        options.connectTimeoutMs,
      )
      socket.once('connect', () => clearTimeout(timer))
      socket.once('close', () => clearTimeout(timer))
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * Fetches one web page for import, in main (the renderer never opens a
 * connection): http and https only; each hop's host checked against
 * private networks (`allowPrivate` when the user confirmed); at most
 * `maxRedirects` redirects, each recorded; a Content-Encoding sent unasked
 * undone as it streams; the body refused past the import limit, counted in
 * decoded bytes, as soon as it is declared or read past it; HTML, XHTML
 * and plain text (a body without a Content-Type is sniffed: HTML if it
 * opens like a page, text if it is not binary, else refused), and PDF,
 * DOCX and EPUB documents with a file name for them (a PDF also by its
 * signature, whatever its type); a connect timeout and a timeout on the whole fetch.
 * Every refusal is a HamishError naming the address; cancelling throws
 * ImportCancelled. Nothing is written here.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  // Messages name the address as people read it (an Arabic host and path, not xn--… and %D9%85…).
  const shown = displayAddress(address)
  let url = webAddress(address)
  if (!url) throw new HamishError('invalid-argument', localText('messages.notWebAddress', { address: shown }))
  // The address is kept with the page (library.json's source): a password in it would be kept too.
  if (url.username !== '' || url.password !== '')
    throw new HamishError(
      'invalid-argument',
      localText('messages.addressWithCredentials', { address: displayHost(url.host) }),
    )
  const totalMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS
  const limits = {
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_IMPORT_BYTES,
  }
  const timeout = AbortSignal.timeout(totalMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  const redirects: string[] = []
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason
      const addresses = await checkedAddresses(shown, url, options)
      const answer = await requestOnce(shown, url, addresses, limits, signal)
      if (answer.kind === 'page')
        return {
          address,
          redirects,
          ...answer.page,
          fetched: (options.now?.() ?? new Date()).toISOString(),
        }
      if (redirects.length >= maxRedirects)
        throw network('messages.fetchTooManyRedirects', { address: shown, limit: maxRedirects })
      const next = webAddress(new URL(answer.location, url).href)
      if (!next)
        throw new HamishError(
          'invalid-argument',
          localText('messages.notWebAddress', { address: displayAddress(answer.location) }),
        )
      if (next.username !== '' || next.password !== '')
        throw new HamishError(
          'invalid-argument',
          localText('messages.addressWithCredentials', { address: displayHost(next.host) }),
        )
      url = next
      redirects.push(url.href)
    }
  } catch (err) {
    if (err instanceof HamishError) throw err
    if (options.signal?.aborted) throw new ImportCancelled(address)
    const host = displayHost(hostOf(url))
    const code = (err as NodeJS.ErrnoException).code
    if (timeout.aborted || code === 'ETIMEDOUT')
      throw network('messages.fetchTimedOut', {
        address: shown,
        seconds: Math.ceil((timeout.aborted ? totalMs : limits.connectTimeoutMs) / 1000),
      })
    throw connectionFailure(shown, host, err)
  }
}
