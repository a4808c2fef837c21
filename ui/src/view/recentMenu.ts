import type { HistoryEntry } from '../bindings';
import { displayTitle, folderOf, openedAtLabel } from '../format';
import { button, el } from './dom';
import { icon } from './icons';

// "Recent" toolbar button with a popup menu, following the ARIA menu button pattern.

export type RecentMenu = {
  element: HTMLElement;
  setItems(recent: readonly HistoryEntry[]): void;
  close(): boolean;
};

export function createRecentMenu(openRecent: (entry: HistoryEntry) => void): RecentMenu {
  let items: readonly HistoryEntry[] = [];

  const trigger = button(
    'Recent documents',
    {
      class: 'tool-button',
      attrs: {
        'aria-haspopup': 'menu',
        'aria-expanded': 'false',
        'aria-controls': 'recent-menu',
        title: 'Recent documents',
      },
    },
    [icon('recent'), el('span', { text: 'Recent' }), icon('chevron', 'icon chevron')],
  );
  const menu = el('div', {
    class: 'menu',
    testid: 'recent-menu',
    attrs: { id: 'recent-menu', role: 'menu', 'aria-label': 'Recent documents' },
  });
  menu.hidden = true;
  const element = el('div', { class: 'menu-anchor' }, [trigger, menu]);

  const menuItems = (): HTMLElement[] => [
    ...menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])'),
  ];

  function render(): void {
    if (items.length === 0) {
      menu.replaceChildren(
        el('div', {
          class: 'menu-empty',
          text: 'No recent documents yet',
          attrs: { role: 'menuitem', 'aria-disabled': 'true', tabindex: '-1' },
        }),
      );
      return;
    }
    menu.replaceChildren(
      ...items.map((item) => {
        const when = openedAtLabel(item.opened_at);
        // Untitled entries already show the file name as their title; show where the file lives instead.
        const where = item.title?.trim() ? item.file_name : folderOf(item.path) || item.file_name;
        const entry = el(
          'button',
          { class: 'menu-item', attrs: { type: 'button', role: 'menuitem', tabindex: '-1', title: item.path } },
          [
            el('span', { class: 'menu-item-title', text: displayTitle(item) }),
            el('span', { class: 'menu-item-meta', text: when ? `${where} · ${when}` : where }),
          ],
        );
        entry.addEventListener('click', () => {
          close();
          trigger.focus();
          openRecent(item);
        });
        return entry;
      }),
    );
  }

  function isOpen(): boolean {
    return !menu.hidden;
  }

  function show(focusIndex: number): void {
    render();
    menu.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    const entries = menuItems();
    const target = entries[(focusIndex + entries.length) % Math.max(entries.length, 1)];
    (target ?? menu.querySelector<HTMLElement>('[role="menuitem"]'))?.focus();
    document.addEventListener('pointerdown', onOutside, true);
  }

  function close(): boolean {
    if (!isOpen()) return false;
    menu.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', onOutside, true);
    return true;
  }

  function onOutside(event: Event): void {
    if (event.target instanceof Node && !element.contains(event.target)) close();
  }

  trigger.addEventListener('click', () => (isOpen() ? close() : show(0)));
  trigger.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 0 : -1);
    }
  });

  menu.addEventListener('keydown', (event) => {
    const entries = menuItems();
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number): void => {
      event.preventDefault();
      entries[(to + entries.length) % Math.max(entries.length, 1)]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entries.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      trigger.focus();
    } else if (event.key === 'Tab') close();
  });

  return {
    element,
    setItems(recent) {
      items = recent;
      if (isOpen()) render();
    },
    close,
  };
}
