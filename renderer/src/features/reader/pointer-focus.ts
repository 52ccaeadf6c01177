/** Set on the text while it has focus that a mouse, pen or finger gave it. */
export const POINTER_FOCUS_ATTR = 'data-pointer-focus'

/**
 * Keeps the text's focus ring for keyboard users only. Chromium treats a
 * focusable element focused by script (the reader focuses its text on
 * opening, on reopening at start-up, after the table of contents) as
 * `:focus-visible`, and a click that lands in the already focused text does
 * not change that, so a click used to leave a ring around the whole article.
 * A pointer press in the text marks it until focus leaves; the stylesheet
 * draws the ring only without the mark (reader.css). Tabbing back in draws it.
 * A data attribute, not a class: ProseMirror rewrites its element's class.
 */
export function ringForKeyboardOnly(text: HTMLElement): void {
  text.addEventListener('pointerdown', () => text.setAttribute(POINTER_FOCUS_ATTR, ''))
  text.addEventListener('blur', () => text.removeAttribute(POINTER_FOCUS_ATTR))
}
