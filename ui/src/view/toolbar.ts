import type { RecentDocument } from '../bindings';
import { withShortcut } from '../shortcuts';
import { button, el } from './dom';
import { icon } from './icons';
import { createRecentMenu } from './recentMenu';

export type ToolbarHandlers = {
  open(): void;
  openRecent(path: string): void;
  exportSummary(): void;
  help(): void;
};

export type Toolbar = {
  element: HTMLElement;
  setRecent(recent: readonly RecentDocument[]): void;
  setCanExport(enabled: boolean): void;
  /** Closes the recent menu; true if it was open (so Escape stops there). */
  closeMenus(): boolean;
};

export function createToolbar(handlers: ToolbarHandlers): Toolbar {
  const openButton = button(
    'Open…',
    { class: 'tool-button', testid: 'open-button', attrs: { title: withShortcut('Open statements', 'open') } },
    [icon('open'), el('span', { text: 'Open…' })],
  );
  openButton.addEventListener('click', () => handlers.open());

  const recent = createRecentMenu(handlers.openRecent);

  const exportButton = button(
    'Export',
    { class: 'tool-button', testid: 'export', attrs: { title: withShortcut('Export key points', 'export') } },
    [icon('export'), el('span', { text: 'Export' })],
  );
  exportButton.disabled = true;
  exportButton.addEventListener('click', () => handlers.exportSummary());

  const helpButton = button(
    'Keyboard shortcuts',
    {
      class: 'tool-button icon-only',
      testid: 'help-button',
      attrs: { title: withShortcut('Keyboard shortcuts', 'help') },
    },
    [icon('help')],
  );
  helpButton.addEventListener('click', () => handlers.help());

  const brand = el('div', { class: 'brand' }, [
    icon('logo', 'brand-mark'),
    el('span', { class: 'brand-name', text: 'Brief' }),
  ]);

  const element = el('header', { class: 'toolbar' }, [
    brand,
    el('div', { class: 'toolbar-group' }, [openButton, recent.element]),
    el('div', { class: 'toolbar-spacer' }),
    el('div', { class: 'toolbar-group' }, [exportButton, helpButton]),
  ]);

  return {
    element,
    setRecent: recent.setItems,
    setCanExport(enabled) {
      exportButton.disabled = !enabled;
    },
    closeMenus: recent.close,
  };
}
