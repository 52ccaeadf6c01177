import { localText } from '../i18n/local-text'
import { HamishError } from '../errors'
import { detectFormat, fromHypothesis } from './hypothesis-format'
import { parseJsonStrict } from './strict-json'
import type { ParsedFile, ParseOptions } from './types'
import { fromAnnotationCollection } from './w3c-format'

/**
 * The whole way from an annotation file's text to checked annotations, for
 * main's import (app, CLI and preview alike): strict JSON, then the reader
 * for its format. Throws a HamishError with a message for the user when the
 * file as a whole cannot be imported; item-level problems are in `rejected`.
 */
export function parseAnnotationFile(text: string, options: ParseOptions = {}): ParsedFile {
  return readAnnotationJson(parseJsonStrict(text), options)
}

/** As parseAnnotationFile, for JSON already parsed (with parseJsonStrict). */
export function readAnnotationJson(json: unknown, options: ParseOptions = {}): ParsedFile {
  switch (detectFormat(json)) {
    case 'w3c':
      return fromAnnotationCollection(json, options)
    case 'hypothesis':
      return fromHypothesis(json, options)
    default:
      throw new HamishError('invalid-content', localText('messages.neitherFormat'))
  }
}
