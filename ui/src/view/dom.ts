// Tiny DOM builder. Text always goes in through text nodes, never parsed as HTML.

export type Child = Node | string | null | undefined | false;

export type Props = {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
  testid?: string;
};

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.testid) node.dataset.testid = props.testid;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) node.setAttribute(name, value);
  if (props.text !== undefined) node.textContent = props.text;
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function button(label: string, props: Props = {}, children?: readonly Child[]): HTMLButtonElement {
  const node = el('button', { ...props, attrs: { type: 'button', ...props.attrs } }, children ?? [label]);
  if (children) node.setAttribute('aria-label', label);
  return node;
}

/** A native select with a drawn chevron (styled selects lose the platform arrow). */
export function selectBox(select: HTMLSelectElement, chevron: SVGSVGElement): HTMLElement {
  return el('span', { class: 'select-wrap' }, [select, chevron]);
}

/** Text that only screen readers hear. */
export function srOnly(text: string): HTMLSpanElement {
  return el('span', { class: 'sr-only', text });
}

export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
