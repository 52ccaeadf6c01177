/**
 * The extension by which a file chosen for import (dropped, picked with
 * Import…, named to `hamish import`) is taken as an annotation file — a
 * `*.hamish.json`, a bundle or a Hypothesis export — rather than an
 * article: no article format Hamish reads is JSON, so the name alone
 * decides, before any byte is read.
 */
export const ANNOTATION_FILE_EXTENSION = 'json'

/** Whether a chosen file goes to the annotation import (merge and its report) rather than the article import. */
export function isAnnotationFileName(name: string): boolean {
  return name.toLowerCase().endsWith(`.${ANNOTATION_FILE_EXTENSION}`)
}
