/**
 * Freezes `value` and everything reachable from it, so code holding a store's
 * `.data` cannot change memory behind the store's back (only `update` may,
 * and only once the change is on disk). Returns `value`.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  return value
}
