import { localText } from '../i18n/local-text'
import { MAX_IMPORT_BYTES } from '../contract/limits'
import { HamishError } from '../errors'
import { MAX_FILE_DEPTH } from './limits'

/**
 * Parses the text of an annotation file that came from someone else. Refused
 * whole, with a message for the user (HamishError 'invalid-content'): text
 * over 50 MB, text nested deeper than MAX_FILE_DEPTH (counted on the text
 * before it is parsed, so no later walk of the value can run out of stack),
 * text that is not JSON, and JSON with a `__proto__`,
 * `constructor` or `prototype` key anywhere. `JSON.parse` itself never
 * touches a prototype, but such a key becomes dangerous the moment the data
 * is spread or merged, and Hamish never writes one, so its presence means the
 * file was made to attack, not to share.
 */
export function parseJsonStrict(text: string): unknown {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new HamishError(
      'too-large',
      localText('messages.annotationFileTooLarge', { limit: MAX_IMPORT_BYTES / 1024 / 1024 }),
    )
  }
  if (nestingOver(text, MAX_FILE_DEPTH)) {
    throw new HamishError(
      'invalid-content',
      localText('messages.annotationFileTooDeep', { limit: MAX_FILE_DEPTH }),
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (err) {
    const detail = err instanceof Error ? err.message.slice(0, 200) : String(err)
    throw new HamishError('invalid-content', localText('messages.notJson', { detail }))
  }
  // Every spelling of those keys contains the plain word or a \u escape; files
  // with neither (nearly all) skip the walk.
  if (SUSPICIOUS.test(text)) {
    const key = findHostileKey(value)
    if (key !== null) {
      throw new HamishError('invalid-content', localText('messages.hostileKey', { key }))
    }
  }
  return value
}

/**
 * Whether JSON text opens more than `limit` objects and arrays inside each
 * other, in one pass over its characters (brackets inside strings do not
 * count). Text that is not JSON gets an answer too; JSON.parse then refuses it.
 */
export function nestingOver(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: the next character is escaped
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

const SUSPICIOUS = /__proto__|constructor|prototype|\\u/
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** The first forbidden key anywhere in a parsed value, walking with an explicit stack (any depth). */
function findHostileKey(root: unknown): string | null {
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value !== 'object' || value === null) continue
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item)
      continue
    }
    for (const key of Object.keys(value)) {
      if (HOSTILE_KEYS.has(key)) return key
      const child = (value as Record<string, unknown>)[key]
      if (typeof child === 'object' && child !== null) stack.push(child)
    }
  }
  return null
}
