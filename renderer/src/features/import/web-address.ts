import { MAX_WEB_ADDRESS_LENGTH } from '../../../../common/contract/limits'

/** Why a text is not an address Hamish saves from: each has its own sentence in the dialog. */
export type AddressProblem = 'empty' | 'not-web' | 'malformed' | 'too-long' | 'credentials'

/** A checked address (normalised, as main will fetch it), or why there is none. */
export type AddressCheck = { address: string } | { problem: AddressProblem }

/** The one non-comment line of a text, `<…>` unwrapped; null when there are none or several. */
function oneLine(text: string): string | null {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  return lines.length === 1 ? lines[0]!.replace(/^<(.*)>$/, '$1') : null
}

/**
 * Checks a typed, pasted or dropped text as a page's address, saying what is
 * wrong when it is not one: the dialog answers in place, so a user is never
 * left guessing. Only a single http(s) address with a host counts; one
 * carrying a user name or password is refused, since the address is kept
 * in the library with the page; one longer than main takes is refused
 * rather than cut (a cut address would fetch a different page).
 */
export function checkWebAddress(text: string): AddressCheck {
  if (text.trim() === '') return { problem: 'empty' }
  const candidate = oneLine(text)
  if (candidate === null || !/^https?:\/\//i.test(candidate)) return { problem: 'not-web' }
  if (/\s/.test(candidate)) return { problem: 'malformed' }
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return { problem: 'malformed' }
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    return { problem: 'malformed' }
  if (url.username !== '' || url.password !== '') return { problem: 'credentials' }
  if (url.href.length > MAX_WEB_ADDRESS_LENGTH) return { problem: 'too-long' }
  return { address: url.href }
}

/**
 * The web address in a piece of text, or null: what a paste or a drop
 * saves at once. Surrounding white space and the `<…>` some mail programs
 * wrap links in are dropped; a `text/uri-list`'s comment lines are skipped.
 */
export function webAddressIn(text: string): string | null {
  const check = checkWebAddress(text)
  return 'address' in check ? check.address : null
}

/**
 * Whether a text is meant as one web address even though it cannot be
 * saved as it is (too long, malformed, with a password): a paste or drop
 * of it opens the dialog with the reason instead of doing nothing, while a
 * sentence that merely contains a link still pastes as text.
 */
export function meantAsWebAddress(text: string): boolean {
  const candidate = oneLine(text)
  return candidate !== null && /^https?:\/\/\S*$/i.test(candidate)
}

/**
 * Whether an import outcome's name is a page's address rather than a file's
 * name (a file name holds no "/", so never "http://"): the report counts
 * pages apart from files.
 */
export function isSavedPage(name: string): boolean {
  return /^https?:\/\//i.test(name)
}
