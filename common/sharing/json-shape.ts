/**
 * Small readers for JSON from files someone else wrote. They look only at an
 * object's own properties (never inherited ones such as `constructor`), and
 * accept JSON-LD's habit of writing a single value either bare or as a
 * one-element array.
 */

export type JsonObject = Record<string, unknown>

export function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** An own property's value (undefined when absent or inherited). */
export function own(o: JsonObject, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined
}

/** A value as a list: absent → [], an array as is, anything else → [it]. */
export function asList(x: unknown): unknown[] {
  if (x === undefined) return []
  return Array.isArray(x) ? x : [x]
}

/** Whether a JSON-LD `type`/`purpose` value is, or includes, `name`. */
export function hasType(x: unknown, name: string): boolean {
  return x === name || (Array.isArray(x) && x.includes(name))
}

/** The single value of a property written bare or as a one-element array; undefined for several. */
export function single(x: unknown): unknown {
  if (!Array.isArray(x)) return x
  return x.length === 1 ? x[0] : undefined
}

/**
 * A value as it may appear in a message: short, JSON-quoted. Never throws:
 * a value too deep or too strange to write (JSON.stringify and String both
 * recurse into arrays) is named by its kind, since a reason must not abort
 * the import it explains.
 */
export function shown(x: unknown, max = 80): string {
  let s: string
  try {
    s = JSON.stringify(x) ?? String(x)
  } catch {
    s = Array.isArray(x) ? '[…]' : typeof x === 'object' && x !== null ? '{…}' : typeof x
  }
  return s.length > max ? `${s.slice(0, max)}…` : s
}
