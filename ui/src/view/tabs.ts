import { displayTitle } from '../format';
import { withShortcut } from '../shortcuts';
import type { AppState, OpenDocument } from '../state';
import { el } from './dom';
import { icon } from './icons';

// Tab strip of open documents, following the ARIA tabs pattern with automatic activation.

export type TabHandlers = {
  activate(id: number): void;
  close(id: number): void;
};

export type Tabs = {
  element: HTMLElement;
  update(state: AppState): void;
};

type TabParts = { item: HTMLElement; tab: HTMLButtonElement; title: HTMLElement; close: HTMLButtonElement };

export const PANEL_ID = 'document-panel';

export function tabId(docId: number): string {
  return `tab-${docId}`;
}

export function createTabs(handlers: TabHandlers): Tabs {
  const list = el('div', { class: 'tablist', attrs: { role: 'tablist', 'aria-label': 'Open documents' } });
  const element = el('nav', { class: 'tabbar', attrs: { 'aria-label': 'Documents' } }, [list]);
  const parts = new Map<number, TabParts>();
  let order: number[] = [];
  let shownActive = -1;

  function build(id: number): TabParts {
    const title = el('span', { class: 'tab-title' });
    const tab = el(
      'button',
      { class: 'tab', testid: 'tab', attrs: { type: 'button', role: 'tab', id: tabId(id), 'aria-controls': PANEL_ID } },
      [icon('file', 'icon tab-icon'), title, el('span', { class: 'tab-busy', attrs: { 'aria-hidden': 'true' } })],
    );
    // The close button sits beside the tab (not inside it) so it is not nested in another control.
    const close = el('button', { class: 'tab-close', attrs: { type: 'button', tabindex: '-1' } }, [icon('close')]);
    const item = el('div', { class: 'tab-item', attrs: { role: 'presentation' } }, [tab, close]);
    tab.addEventListener('click', () => handlers.activate(id));
    tab.addEventListener('auxclick', (event) => {
      if (event.button === 1) handlers.close(id);
    });
    close.addEventListener('click', () => handlers.close(id));
    tab.addEventListener('keydown', (event) => onKey(event, id));
    return { item, tab, title, close };
  }

  function onKey(event: KeyboardEvent, id: number): void {
    const index = order.indexOf(id);
    let target: number | undefined;
    if (event.key === 'ArrowRight') target = order[(index + 1) % order.length];
    else if (event.key === 'ArrowLeft') target = order[(index - 1 + order.length) % order.length];
    else if (event.key === 'Home') target = order[0];
    else if (event.key === 'End') target = order[order.length - 1];
    else if (event.key === 'Delete') {
      // The app moves focus to the tab that becomes active.
      event.preventDefault();
      handlers.close(id);
      return;
    }
    if (target === undefined) return;
    event.preventDefault();
    handlers.activate(target);
    parts.get(target)?.tab.focus();
  }

  function apply(open: OpenDocument, active: boolean, part: TabParts): void {
    const name = displayTitle(open.doc);
    part.title.textContent = name;
    part.tab.title = open.doc.path;
    part.tab.dataset.path = open.doc.path;
    part.tab.setAttribute('aria-selected', String(active));
    part.tab.tabIndex = active ? 0 : -1;
    part.item.classList.toggle('active', active);
    part.item.classList.toggle('busy', open.summary.kind === 'running');
    part.close.setAttribute('aria-label', `Close ${name}`);
    part.close.title = withShortcut(`Close ${name}`, 'close');
  }

  return {
    element,
    update(state) {
      element.hidden = state.docs.length === 0;
      const ids = state.docs.map((open) => open.doc.id);
      for (const [id, part] of parts) {
        if (!ids.includes(id)) {
          part.item.remove();
          parts.delete(id);
        }
      }
      state.docs.forEach((open, index) => {
        const id = open.doc.id;
        let part = parts.get(id);
        if (!part) {
          part = build(id);
          parts.set(id, part);
        }
        apply(open, id === state.activeId, part);
        if (list.children[index] !== part.item) list.insertBefore(part.item, list.children[index] ?? null);
      });
      order = ids;
      const active = state.activeId ?? -1;
      if (active !== shownActive) parts.get(active)?.item.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      shownActive = active;
    },
  };
}
