import { sameTags, tagKey, uniqueTags } from './tags'

/**
 * A tag list edited from `base` into `next`, applied to `current`, the list
 * as it is now. Two windows that edit an article's tags at once each send
 * the whole list they show; taken as it is, the second would drop the tags
 * the first added. Merged, each keeps its own changes: the tags `next`
 * removed from `base` go, the tags it added come in, and what someone else
 * changed meanwhile stays. When nothing changed meanwhile (`current` is
 * still `base`) the result is exactly `next`, new order and spelling
 * included.
 */
export function mergeTagEdit(
  base: readonly string[],
  next: readonly string[],
  current: readonly string[],
): string[] {
  const edited = uniqueTags(next)
  if (sameTags(uniqueTags(base), current)) return edited
  const baseKeys = new Set(base.map(tagKey))
  const nextKeys = new Set(edited.map(tagKey))
  const removed = new Set([...baseKeys].filter((key) => !nextKeys.has(key)))
  const added = edited.filter((t) => !baseKeys.has(tagKey(t)))
  return uniqueTags([...current.filter((t) => !removed.has(tagKey(t))), ...added])
}
