import type { FetchedFile, ImportOutcome } from '../../common/contract/article-import'
import { englishText, localText, type LocalTextKey } from '../../common/i18n/local-text'

/** The report's note for each document format an address may hold. */
const HELD: Record<string, LocalTextKey> = {
  pdf: 'messages.pageHeldPdf',
  docx: 'messages.pageHeldDocx',
  epub: 'messages.pageHeldEpub',
}

/**
 * A file name with right-to-left letters, held left to right (LRI…PDI) so
 * its extension stays at its right end wherever it is shown: the report
 * isolates each value by its first strong letter, which would lay out
 * «دليل.pdf» as «pdf.دليل». A name of left-to-right letters is left bare.
 */
function leftToRight(name: string): string {
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(name)
    ? `\u2066${name}\u2069`
    : name
}

/**
 * A page outcome with a first note saying the address held a document (a
 * PDF, a Word document, an EPUB book) and read it as one, naming the file
 * name it was read under: the user typed an address and expects a web
 * page, so the report says why the article reads like a PDF (pages, no
 * links). Only for an article added or found already there; a refusal
 * already says what the file was, and a page's outcome is left as it is.
 */
export function withDocumentNote(outcome: ImportOutcome, file: FetchedFile): ImportOutcome {
  const key = Object.hasOwn(HELD, file.format) ? HELD[file.format] : undefined
  if (!key || (outcome.status !== 'added' && outcome.status !== 'duplicate')) return outcome
  const text = localText(key, { name: outcome.name, file: leftToRight(file.fileName ?? file.name) })
  return { ...outcome, notes: [{ message: englishText(text), text }, ...(outcome.notes ?? [])] }
}
