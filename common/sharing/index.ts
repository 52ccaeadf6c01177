/**
 * Sharing annotation files (issue 5, DESIGN §8): W3C Web Annotation
 * collections out and in, Hypothesis exports in, strict checks on everything
 * that comes in, a loss-free merge by id, and help finding the article a file
 * belongs to. Pure: main reads and writes the files and the library.
 */
export {
  mergeAnnotations,
  type ConflictSide,
  type MergeOptions,
  type MergeReport,
  type MergeResult,
} from './merge'
export { succeed, versionId, versionOf } from './lineage'
export { resolveConflict, type ConflictChoice, type Resolved } from './resolve-conflict'
export { canonicalAnnotation, compareVersions, sameAnnotation } from './canonical'
export {
  ANNO_CONTEXT,
  EXTENSION_KEY,
  HAMISH_NAMESPACE,
  SHARED_CONTEXT,
  SHARED_FORMAT_VERSION,
  fromAnnotationCollection,
  toAnnotationCollection,
  toW3CAnnotation,
  type CollectionExtension,
  type CollectionInput,
  type W3CAnnotation,
  type W3CAnnotationCollection,
} from './w3c-format'
export { detectFormat, fromHypothesis, type SharedFileFormat } from './hypothesis-format'
export { parseAnnotationFile, readAnnotationJson } from './read-file'
export { parseJsonStrict } from './strict-json'
export { checkAnnotation, checkBundle, checkDate, type RawAnnotation } from './validate-incoming'
export { suggestArticles, type ArticleSuggestion, type CandidateArticle } from './article-match'
export { orphanedAfterMerge } from './orphans'
export { annotationIdFromIri, annotationIri, derivedUuid } from './ids'
export { MAX_SHARED_ANNOTATIONS } from './limits'
export type {
  ParsedFile,
  ParseOptions,
  Rejection,
  SharedArticle,
  SharedArticleBundle,
  SharedFileKind,
} from './types'
