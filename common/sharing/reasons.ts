import type { Messages } from '../i18n/en'
import { englishText, localText, type LocalText } from '../i18n/local-text'
import type { Rejection } from './types'

/** The reasons an item of an annotation file can be refused for (messages.reasons in common/i18n). */
export type ReasonKey = keyof Messages['messages']['reasons']

/**
 * Why an item of a file was refused, as a LocalText: the report in the app
 * words it in the interface's language, the CLI in English.
 */
export function reason(key: ReasonKey, values?: LocalText['values']): LocalText {
  return localText(`messages.reasons.${key}`, values)
}

/** What is wrong with a file as a whole (or its bundled article), inside a sentence that refuses it. */
export type FileProblem = keyof Messages['messages']['fileProblems']

/** A FileProblem as a LocalText, for the `detail` of the sentence that refuses the file. */
export function problem(key: FileProblem, values?: LocalText['values']): LocalText {
  return localText(`messages.fileProblems.${key}`, values)
}

/** A report line for a refused item: the reason in English, and as a text for the app. */
export function rejection(id: string | null, why: LocalText): Rejection {
  return { id, reason: englishText(why), text: why }
}
