/**
 * The Content-Type of each kind of file the built renderer is made of, for
 * the two servers of that bundle (Electron's app:// protocol and the
 * preview). Scripts must be sent as JavaScript or Chromium refuses to run a
 * module; with `nosniff` a wrong type is never guessed right.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

/** The type to send a file of the bundle with, by its extension; undefined for a kind the bundle never has. */
export function contentTypeOf(fileName: string): string | undefined {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase()
  return ext !== undefined && Object.hasOwn(CONTENT_TYPES, ext) ? CONTENT_TYPES[ext] : undefined
}
