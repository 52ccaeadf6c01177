/**
 * The one way the renderer makes elements: createElement, attributes and
 * text nodes. There is no path from a string to markup here, so an article
 * title, a note or a file name can only ever become text.
 */

type Child = Node | string | null | undefined | false

/** Attributes, class and listeners for `el`; `style` is left out on purpose (the CSP forbids it). */
export interface ElementProps {
  class?: string
  /** Set with setAttribute; `true` sets an empty attribute, `false`/`null`/`undefined` skips it. */
  attrs?: Record<string, string | number | boolean | null | undefined>
  text?: string
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void }
}

/** Creates an element with attributes, listeners and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (props.class) node.className = props.class
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue
    if (name === 'style') throw new Error('el(): inline styles are not allowed by the CSP')
    node.setAttribute(name, value === true ? '' : String(value))
  }
  if (props.text !== undefined) node.textContent = props.text
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    node.addEventListener(type, listener as EventListener)
  }
  append(node, children)
  return node
}

/** Appends children, strings as text nodes, skipping empty slots. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, children: Child[]): void {
  parent.replaceChildren()
  append(parent, children)
}

/** Makes a button: the most common control, always `type="button"` so it never submits by accident. */
export function button(
  label: string,
  onClick: (event: MouseEvent) => void,
  props: ElementProps = {},
): HTMLButtonElement {
  return el('button', {
    ...props,
    attrs: { type: 'button', ...props.attrs },
    text: label,
    on: { ...props.on, click: onClick },
  })
}

let counter = 0

/** A page-unique element id, for wiring labels and aria attributes to generated controls. */
export function uid(prefix: string): string {
  counter += 1
  return `${prefix}-${counter}`
}

/**
 * The `data-key` of the focused element inside `container`, or null: a view
 * that redraws itself notes it first, so focus can go back to the element of
 * the same key in the new drawing (keys survive a redraw, elements do not).
 */
export function focusedKeyIn(container: HTMLElement): string | null {
  const active = document.activeElement
  return active instanceof HTMLElement && container.contains(active) ? (active.dataset.key ?? null) : null
}

/** The element with this `data-key` inside `container`, or null. */
export function elementWithKey(container: HTMLElement, key: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)
}
