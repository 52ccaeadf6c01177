import { displayAddress } from '../../../../common/display-address'
import { confirmDialog } from '../../ui/confirm-dialog'
import { strings } from '../../ui/strings'

/**
 * The question before saving from an address on this computer or the local
 * network (a router's page, a service running here): in the app's own words,
 * naming the address and where it leads. Resolves true only on "Save anyway".
 */
export function confirmPrivateAddress(address: string, ip: string): Promise<boolean> {
  return confirmDialog({
    title: strings.privateAddressTitle,
    message: strings.privateAddressQuestion(displayAddress(address), ip || displayAddress(address)),
    confirm: strings.privateAddressConfirm,
    class: 'private-address-dialog',
  })
}
