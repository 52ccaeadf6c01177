import { MAX_WEB_ADDRESS_LENGTH } from '../../../../common/contract/limits'
import { openDialog } from '../../ui/dialog'
import { button, el, uid } from '../../ui/dom'
import { strings } from '../../ui/strings'
import { webAddressIn } from './web-address'

/**
 * "Save from address…": one field for a page's address. Enter submits,
 * Escape closes, focus goes back to whatever opened it. Anything but an
 * http(s) address is answered in place (the field is marked invalid and the
 * sentence read out) and nothing is fetched; a good address closes the
 * dialog and goes to `save`, which queues it like a file.
 */
export function openAddressDialog(save: (address: string) => void, initial = ''): void {
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
      maxlength: MAX_WEB_ADDRESS_LENGTH,
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
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const typed = input.value.trim()
    const address = webAddressIn(typed)
    if (address === null) {
      input.setAttribute('aria-invalid', 'true')
      error.textContent = typed === '' ? strings.addressEmpty : strings.addressInvalid
      input.focus()
      return
    }
    dialog.close()
    save(address)
  })
}
