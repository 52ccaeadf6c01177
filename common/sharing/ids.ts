import { MAX_ANNOTATION_ID_LENGTH } from '../contract/limits'

/**
 * Annotation ids in files. Hamish's own ids are random UUIDs and travel as
 * `urn:uuid:<uuid>`; any other id Hamish keeps (`hypothesis:<id>` from a
 * Hypothesis import) travels as a tag URI, `tag:hamish.app,2026:<id>`, so
 * every id in a file is an IRI (as W3C requires) and comes back unchanged.
 * Ids of annotations written by other W3C tools become a UUID derived from
 * their IRI, the same one on every machine and at every import.
 */

/** What the API accepts as an annotation id (common/contract/field-schemas.ts). */
export const ANNOTATION_ID = new RegExp(`^[A-Za-z0-9:._-]{1,${MAX_ANNOTATION_ID_LENGTH}}$`)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const UUID_ANY_CASE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The prefix of the tag URI that carries ids that are not UUIDs. */
export const HAMISH_ID_PREFIX = 'tag:hamish.app,2026:'

/** An annotation id as an IRI for a file: urn:uuid for our UUIDs, a tag URI for anything else. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${HAMISH_ID_PREFIX}${id}`
}

/**
 * The id Hamish stores for an annotation IRI from a file, or null when the
 * IRI is one of ours but holds no valid id. IRIs of other tools map to a
 * stable derived UUID.
 */
export function annotationIdFromIri(iri: string): string | null {
  if (/^urn:uuid:/i.test(iri)) {
    const uuid = iri.slice('urn:uuid:'.length)
    return UUID_ANY_CASE.test(uuid) ? uuid.toLowerCase() : null
  }
  if (iri.startsWith(HAMISH_ID_PREFIX)) {
    const id = iri.slice(HAMISH_ID_PREFIX.length)
    return ANNOTATION_ID.test(id) ? id : null
  }
  return derivedUuid(`annotation ${iri}`)
}

/**
 * A UUID (RFC 9562 version 8, "custom") derived from a string with a 128-bit
 * non-cryptographic hash: stable across machines and runs, so the same input
 * always gets the same id. Used where a file gives an identity that is not a
 * UUID (collection ids, other tools' annotation ids); never for secrets.
 */
export function derivedUuid(input: string): string {
  const hex = hash128(input)
    .map((h) => h.toString(16).padStart(8, '0'))
    .join('')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** cyrb128 (public domain): four 32-bit lanes mixed with Math.imul, over UTF-16 units. */
export function hash128(s: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}
