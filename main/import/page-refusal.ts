import { englishText, localText, type LocalText, type LocalTextKey } from '../../common/i18n/local-text'
import type { ImportOutcome } from '../../common/contract/article-import'
import { displayAddress } from '../../common/display-address'

/** The refusals importers word for a file, and the same refusal worded for a page at an address. */
const PAGE_WORDING: Partial<Record<LocalTextKey, LocalTextKey>> = {
  'messages.emptyFile': 'messages.pageEmpty',
  'messages.blankFile': 'messages.pageBlank',
  'messages.noText': 'messages.pageNoText',
  'messages.binaryFile': 'messages.pageBinary',
  'messages.textTooLong': 'messages.pageTextTooLong',
  'messages.unsafeDocument': 'messages.pageUnsafe',
  'messages.undecodable': 'messages.pageUndecodable',
  'messages.importOutOfMemory': 'messages.pageOutOfMemory',
  'messages.markupTooDeep': 'messages.pageMarkupTooDeep',
}

/** The reasons inside a refusal (why the bytes are not text) that speak of "the file", worded for a page. */
const PAGE_REASON_WORDING: Partial<Record<LocalTextKey, LocalTextKey>> = {
  'messages.unknownEncoding': 'messages.pageUnknownEncoding',
  'messages.badUtf16': 'messages.pageBadUtf16',
  'messages.badUtf8Bom': 'messages.pageBadUtf8Bom',
}

/**
 * A fetched page's import outcome worded for a page: the importers
 * (finish-article, decode-text, sniff-binary, markup-depth, the worker's
 * out-of-memory answer) speak of "the file" and tell the user to choose
 * another one or split it, which means nothing for an address; a reason
 * inside the refusal ("the file starts with a byte-order mark…") is
 * re-worded too. Mapping here, where the address path meets the file path,
 * keeps every importer unaware of where its bytes came from. Every outcome
 * (added, duplicate, rejected) names the address as people read it
 * (`displayAddress`), so the CLI's lines and the app's report show
 * «http://مثال.com/مقالة», not Punycode and percent escapes; the outcome's
 * `name`, the article's `source` and the redirects stay the exact address.
 */
export function asPageOutcome(outcome: ImportOutcome): ImportOutcome {
  if (!outcome.text) return outcome
  const pageKey = outcome.status === 'rejected' ? PAGE_WORDING[outcome.text.key] : undefined
  const values = { ...outcome.text.values }
  const shown = typeof values.name === 'string' ? displayAddress(values.name) : values.name
  if (!pageKey && shown === values.name) return outcome
  if (shown !== undefined) values.name = shown
  const reason = values.reason
  const reasonKey = pageKey && isText(reason) ? PAGE_REASON_WORDING[reason.key] : undefined
  if (isText(reason) && reasonKey) values.reason = localText(reasonKey, reason.values)
  const text: LocalText = localText(pageKey ?? outcome.text.key, values)
  return { ...outcome, text, message: englishText(text) }
}

function isText(value: unknown): value is LocalText {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'key' in value
}
