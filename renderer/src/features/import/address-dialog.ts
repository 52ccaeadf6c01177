import { openDialog } from '../../ui/dialog'
import { button, el, uid } from '../../ui/dom'
import { strings } from '../../ui/strings'
import { checkWebAddress, type AddressProblem } from './web-address'

const PROBLEM_TEXT: Record<AddressProblem, () => string> = {
  empty: () => strings.addressEmpty,
  'not-web': () => strings.addressInvalid,
  malformed: () => strings.addressMalformed,
  'too-long': () => strings.addressTooLong,
  credentials: () => strings.addressCredentials,
}

/**
 * "Save from address…": one field for a page's address. Enter submits,
 * Escape closes, focus goes back to whatever opened it. Anything but an
 * http(s) address is answered in place (the field is marked invalid and the
 * sentence read out) and nothing is fetched; a good address closes the
 * dialog and goes to `save`, which queues it like a file. With `checkNow`
 * (a pasted or dropped link that cannot be saved as it is) the dialog
 * opens showing the text and what is wrong with it.
 */
export function openAddressDialog(save: (address: string) => void, initial = '', checkNow = false): void {
  const id = uid('address')
  const hintId = uid('address-hint')
  const errorId = uid('address-error')
  const formId = uid('address-form')
  const input = el('input', {
    class: 'text-input address-input',
    attrs: {
      id,
      type: 'url',
      value: initial,
      dir: 'ltr',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'https://',
      'aria-describedby': `${hintId} ${errorId}`,
    },
  })
  const error = el('p', { class: 'field-error', attrs: { id: errorId, role: 'alert' } })
  const form = el('form', { class: 'address-form', attrs: { id: formId, novalidate: true } }, [
    el('label', { attrs: { for: id }, text: strings.addressField }),
    input,
    el('p', { class: 'field-hint', attrs: { id: hintId }, text: strings.addressHint }),
    error,
  ])
  const dialog = openDialog({
    title: strings.addressDialogTitle,
    class: 'address-dialog',
    body: [form],
    actions: [
      button(strings.cancel, () => dialog.close()),
      el('button', { class: 'primary', attrs: { type: 'submit', form: formId }, text: strings.addressSave }),
    ],
    initialFocus: input,
  })
  input.addEventListener('input', () => {
    input.removeAttribute('aria-invalid')
    error.textContent = ''
  })
  /** The address in the field, or null after saying in place what is wrong with it. */
  const checked = (): string | null => {
    const check = checkWebAddress(input.value)
    if ('address' in check) return check.address
    input.setAttribute('aria-invalid', 'true')
    error.textContent = PROBLEM_TEXT[check.problem]()
    input.focus()
    return null
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const address = checked()
    if (address === null) return
    dialog.close()
    save(address)
  })
  if (checkNow) checked()
}
