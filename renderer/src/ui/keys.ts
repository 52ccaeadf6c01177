/** Whether focus is in a text field, where Ctrl/Cmd+Z belongs to the field. */
export function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  )
}

/**
 * Whether the event is the letter key `letter` (lower case a–z): by the
 * character it types, or — when it types no Latin letter, as on an Arabic
 * layout where H types "ا" — by the physical key. A layout that moves Latin
 * letters (AZERTY) is matched by character, never by position.
 */
export function isLetter(event: KeyboardEvent, letter: string): boolean {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase() === letter
  return event.code === `Key${letter.toUpperCase()}`
}
