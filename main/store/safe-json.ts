/**
 * JSON parsing for files that may have been edited, damaged or planted by
 * someone else. `JSON.parse` itself never touches a prototype, but a parsed
 * `__proto__` key becomes dangerous the moment the data is spread or merged
 * (`{ ...defaults, ...parsed }`), and `constructor.prototype` likewise. Such
 * keys never appear in files Hamish writes, so their presence means the file
 * is not ours: it is refused as a whole (a SyntaxError), and the store treats
 * it like any other damaged file. Same rules as secure-json-parse.
 */
export function parseJsonSafely(text: string): unknown {
  // Every way of spelling those keys contains the plain word or a \u escape;
  // text with neither (nearly all files) skips the slower reviver.
  if (!SUSPICIOUS.test(text)) return JSON.parse(text)
  return JSON.parse(text, refuseHostileKeys)
}

const SUSPICIOUS = /__proto__|constructor|\\u/

function refuseHostileKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('the JSON has a "__proto__" key')
  if (
    key === 'constructor' &&
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'prototype')
  ) {
    throw new SyntaxError('the JSON has a "constructor.prototype" key')
  }
  return value
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes a file's bytes and parses them. Invalid UTF-8 is an error (not
 * silently replaced), and a leading byte-order mark, which some editors add,
 * is skipped.
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  return parseJsonSafely(utf8.decode(bytes))
}
