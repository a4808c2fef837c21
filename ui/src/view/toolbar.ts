import type { HistoryEntry } from '../bindings';
import { withShortcut } from '../shortcuts';
import { button, el } from './dom';
import { icon } from './icons';
import { HISTORY_PANEL_ID } from './history';
import { createRecentMenu } from './recentMenu';

export type ToolbarHandlers = {
  open(): void;
  openRecent(entry: HistoryEntry): void;
  toggleHistory(): void;
  exportSummary(): void;
  help(): void;
};

export type Toolbar = {
  element: HTMLElement;
  setRecent(recent: readonly HistoryEntry[]): void;
  /** Mirrors whether the history panel is shown. */
  setHistoryOpen(open: boolean): void;
  focusHistory(): void;
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

  const historyButton = button(
    'History',
    {
      class: 'tool-button',
      testid: 'history-button',
      attrs: {
        title: withShortcut('Search the documents opened before', 'history'),
        'aria-expanded': 'false',
        'aria-controls': HISTORY_PANEL_ID,
      },
    },
    [icon('history'), el('span', { text: 'History' })],
  );
  historyButton.addEventListener('click', () => handlers.toggleHistory());

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
    el('div', { class: 'toolbar-group' }, [openButton, recent.element, historyButton]),
    el('div', { class: 'toolbar-spacer' }),
    el('div', { class: 'toolbar-group' }, [exportButton, helpButton]),
  ]);

  return {
    element,
    setRecent: recent.setItems,
    setHistoryOpen(open) {
      historyButton.setAttribute('aria-expanded', String(open));
    },
    focusHistory() {
      historyButton.focus();
    },
    setCanExport(enabled) {
      exportButton.disabled = !enabled;
    },
    closeMenus: recent.close,
  };
}
