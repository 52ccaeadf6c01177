import { en } from '../../../common/i18n/en'
import type { MessageTables } from '../../../common/i18n/table-translator'
import type { UiLanguage } from '../../../common/i18n/ui-language'

/**
 * The tables the interface's language needs, the Arabic one loaded on
 * demand: it is a chunk of its own, so a page in English never holds the
 * Arabic words (changing the language reloads the page, which then loads
 * it). English stays in the entry bundle: it is the Arabic interface's
 * fallback for a missing key, and the English `message` of every error the
 * page makes (common/errors.ts, englishText) is worded with it at once.
 */
export async function loadMessageTables(lang: UiLanguage): Promise<MessageTables> {
  return lang === 'ar' ? { ar: (await import('../../../common/i18n/ar')).ar, en } : { en }
}
