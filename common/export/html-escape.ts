const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const ANY_SPECIAL = /[&<>"']/
const EVERY_SPECIAL = /[&<>"']/g

/**
 * Escapes text for HTML content and quoted attribute values alike: every
 * string from an article, a note, a tag or a name goes through this, so
 * none of it can open a tag, end an attribute or form an entity.
 */
export function escapeHtml(text: string): string {
  return ANY_SPECIAL.test(text) ? text.replace(EVERY_SPECIAL, (c) => ENTITIES[c]!) : text
}
