/**
 * The form in which two tags are compared: "Ottoman" and "ottoman", or the
 * same word typed with other Unicode composition, are one tag, so a library
 * does not fill with near-twins that filter apart.
 */
export function tagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase()
}

/** Whether `tags` already holds `tag`, in any case. */
export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tagKey(tag)
  return tags.some((t) => tagKey(t) === key)
}

/** Whether two tag lists are the same, spelling and order included: a save that would change nothing is not sent. */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i])
}

/** Tags without repeats (compared by `tagKey`), each kept as first spelt, in the order given. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  return tags.filter((t) => {
    const key = tagKey(t)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
