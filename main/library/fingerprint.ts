import { createHash, randomBytes } from 'node:crypto'
import type { DocNode } from '../../common/document'
import { normaliseForFingerprint } from '../../common/normalise'
import { plainText } from '../../common/plain-text'

/**
 * SHA-256 (hex) of the article's normalised plain text: the same article has
 * the same fingerprint on every machine, whatever its local id, so a re-import
 * is recognised and colleagues' annotation files find their article.
 */
export function fingerprintOf(doc: DocNode): string {
  return createHash('sha256')
    .update(normaliseForFingerprint(plainText(doc)), 'utf8')
    .digest('hex')
}

/** A new article id: short, random, safe as a file name on every platform. */
export function newArticleId(): string {
  return randomBytes(8).toString('hex')
}
