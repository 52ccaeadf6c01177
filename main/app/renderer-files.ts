import { readFile, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { contentTypeOf } from '../../common/content-types'
import { CONTENT_SECURITY_POLICY } from '../../common/security'
import { APP_HOST, APP_SCHEME } from './app-url'

/** Sent with every answer, files and refusals alike. */
const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

/**
 * Answers one app://hamish/… request from the built renderer folder
 * (out/renderer). Written against the fetch API's Request and Response so it
 * runs, and is tested, in plain Node; main/app/app-protocol.ts hands it to
 * `protocol.handle`. Only GET and HEAD, only files of a kind the bundle has
 * (with their Content-Type, the CSP header and nosniff), only inside the
 * folder: anything else is a 404 that says nothing about the disk.
 */
export async function serveRendererFile(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed')
  try {
    const file = await rendererFileOf(rendererDir, request.url)
    const type = file ? contentTypeOf(file) : undefined
    if (!file || !type) return refusal(404, 'Not found')
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file))
    return new Response(body, { status: 200, headers: { ...COMMON_HEADERS, 'Content-Type': type } })
  } catch {
    return refusal(500, 'Could not read the file')
  }
}

/**
 * The file inside `rendererDir` that an app://hamish/ URL names, or null.
 * Each path segment is percent-decoded on its own and refused if it is empty,
 * hidden (`.`, `..`, `.x`) or holds a separator, a drive colon or a control
 * character, so `%2e%2e`, `..%2f` and `%5c` cannot climb out; the real path
 * (symbolic links resolved) must still lie inside the folder's real path.
 */
export async function rendererFileOf(rendererDir: string, url: string): Promise<string | null> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  if (parsed.username || parsed.password) return null
  const names: string[] = []
  for (const segment of (parsed.pathname === '/' ? '/index.html' : parsed.pathname).split('/').slice(1)) {
    let name: string
    try {
      name = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (name === '' || name.startsWith('.') || /[/\\:\u0000-\u001f\u007f]/.test(name)) return null
    names.push(name)
  }
  const root = await realpath(rendererDir)
  const file = await realpath(join(root, ...names)).catch(() => null)
  if (!file) return null
  const inside = relative(root, file)
  if (inside === '' || isAbsolute(inside) || inside.split(sep)[0] === '..') return null
  return (await stat(file)).isFile() ? file : null
}

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
