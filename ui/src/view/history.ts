import type { HistoryEntry } from '../bindings';
import { dateLabel, displayTitle, folderOf, matchParts, openedAtLabel, wordsLabel } from '../format';
import { button, el, type Child } from './dom';
import { icon } from './icons';

// The history: documents opened before, searchable by title and text. A panel over the main area (not modal:
// the toolbar and tabs stay usable), shown and hidden by the toolbar's History button, Ctrl+H and Escape.

export const HISTORY_PANEL_ID = 'history-panel';
export const HISTORY_LIMIT = 200;
const SEARCH_DELAY_MS = 150;

export type HistoryHandlers = {
  search(query: string): Promise<readonly HistoryEntry[]>;
  open(entry: HistoryEntry): void;
  remove(entry: HistoryEntry): Promise<void>;
  clear(): Promise<void>;
  failed(heading: string, reason: unknown): void;
  /** The panel was shown or hidden; the toolbar button mirrors it. */
  toggled(open: boolean): void;
};

export type HistoryPanel = {
  element: HTMLElement;
  open(): void;
  /** Hides the panel; focus inside it goes back to where it was before. */
  close(): void;
  isOpen(): boolean;
};

/** Text with the search's words wrapped in <mark>, built from text nodes. */
function marked(text: string, query: string): Child[] {
  return matchParts(text, query).map((part) => (part.match ? el('mark', { text: part.text }) : part.text));
}

function withDots(parts: readonly Node[]): Node[] {
  const out: Node[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(el('span', { class: 'meta-sep', text: '·', attrs: { 'aria-hidden': 'true' } }));
    out.push(part);
  });
  return out;
}

function countLabel(count: number, query: string): string {
  if (query === '') return count === 1 ? '1 document' : `${count} documents`;
  return count === 1 ? '1 match' : `${count} matches`;
}

export function createHistoryPanel(handlers: HistoryHandlers): HistoryPanel {
  const search = el('input', {
    class: 'history-search-input',
    testid: 'history-search',
    attrs: {
      type: 'search',
      placeholder: 'Search titles and text',
      'aria-label': 'Search the history',
      'aria-controls': 'history-list',
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  const closeButton = button(
    'Close the history',
    { class: 'icon-button', testid: 'history-close', attrs: { title: 'Close (Esc)' } },
    [icon('close')],
  );
  const status = el('p', { class: 'history-status', attrs: { 'aria-live': 'polite' } });
  const clearButton = button('Clear history', {
    class: 'button subtle history-clear',
    testid: 'history-clear',
    attrs: { title: 'Forget every document in the history (the files themselves are kept)' },
  });
  const confirmYes = button('Yes', { class: 'button danger', testid: 'history-clear-yes' });
  const confirmNo = button('No', { class: 'button', testid: 'history-clear-no' });
  const confirm = el(
    'div',
    {
      class: 'history-confirm',
      testid: 'history-clear-confirm',
      attrs: { role: 'group', 'aria-labelledby': 'history-confirm-text' },
    },
    [
      el('span', { class: 'history-confirm-text', text: 'Really clear all?', attrs: { id: 'history-confirm-text' } }),
      confirmYes,
      confirmNo,
    ],
  );
  confirm.hidden = true;

  const list = el('ul', {
    class: 'history-list',
    testid: 'history-list',
    attrs: { id: 'history-list', 'aria-labelledby': 'history-heading' },
  });
  const empty = el('div', { class: 'history-empty', testid: 'history-empty' });
  empty.hidden = true;

  const element = el(
    'section',
    {
      class: 'history',
      testid: 'history',
      attrs: { id: HISTORY_PANEL_ID, role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'history-heading' },
    },
    [
      el('div', { class: 'history-inner' }, [
        el('div', { class: 'history-header' }, [
          el('h2', { class: 'history-heading', text: 'History', attrs: { id: 'history-heading' } }),
          closeButton,
        ]),
        el('div', { class: 'history-search' }, [icon('search', 'icon history-search-icon'), search]),
        el('div', { class: 'history-actions' }, [status, clearButton, confirm]),
        list,
        empty,
      ]),
    ],
  );
  element.hidden = true;

  let entries: readonly HistoryEntry[] = [];
  let loaded = false;
  // Each search gets a number; an answer to anything but the latest one is dropped.
  let searchSeq = 0;
  let timer = 0;
  let returnFocus: HTMLElement | null = null;

  const rows = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('.history-entry')];

  /** Roving tabindex: one row (its Open and Delete buttons) is reachable with Tab; arrows move from there. */
  function setCurrent(index: number): void {
    rows().forEach((row, i) => {
      for (const control of row.querySelectorAll<HTMLElement>('button')) control.tabIndex = i === index ? 0 : -1;
    });
  }

  function focusRow(index: number): void {
    const all = rows();
    if (all.length === 0) return;
    const target = Math.min(Math.max(index, 0), all.length - 1);
    setCurrent(target);
    all[target]?.querySelector<HTMLElement>('.history-open')?.focus();
  }

  function row(entry: HistoryEntry, query: string): HTMLElement {
    const ids = { title: `history-title-${entry.id}`, details: `history-details-${entry.id}` };
    const when = openedAtLabel(entry.opened_at);
    // Untitled entries already show the file name as their title; show where the file lives instead.
    const where = entry.title?.trim() ? entry.file_name : folderOf(entry.path) || entry.file_name;
    const meta: Node[] = [el('span', { class: 'history-file', text: where, attrs: { title: entry.path } })];
    if (entry.date) meta.push(el('time', { text: dateLabel(entry.date), attrs: { datetime: entry.date } }));
    meta.push(el('span', { text: wordsLabel(entry.words) }));
    if (entry.summarized) {
      meta.push(
        el('span', {
          class: 'history-badge',
          testid: 'history-summarized',
          text: 'Summarised',
          attrs: { title: 'Brief kept the key points of this document' },
        }),
      );
    }
    const openButton = el(
      'button',
      {
        class: 'history-open',
        testid: 'history-open',
        attrs: { type: 'button', title: entry.path, 'aria-labelledby': ids.title, 'aria-describedby': ids.details },
      },
      [
        el('span', { class: 'history-line' }, [
          el('span', { class: 'history-title', attrs: { id: ids.title } }, marked(displayTitle(entry), query)),
          when ? el('time', { class: 'history-when', text: when, attrs: { datetime: entry.opened_at } }) : null,
        ]),
        el('span', { class: 'history-details', attrs: { id: ids.details } }, [
          el('span', { class: 'history-meta' }, withDots(meta)),
          entry.snippet
            ? el('span', { class: 'history-snippet', testid: 'history-snippet' }, marked(entry.snippet, query))
            : null,
        ]),
      ],
    );
    const remove = button(
      `Delete ${displayTitle(entry)} from the history`,
      {
        class: 'icon-button history-delete',
        testid: 'history-delete',
        attrs: { title: 'Delete from the history (Delete)' },
      },
      [icon('trash')],
    );
    const item = el('li', { class: 'history-entry', testid: 'history-entry' }, [openButton, remove]);
    item.dataset.id = String(entry.id);
    openButton.addEventListener('click', () => handlers.open(entry));
    remove.addEventListener('click', () => void removeEntry(entry));
    return item;
  }

  function render(found: readonly HistoryEntry[], query: string): void {
    // Rows are rebuilt; keep keyboard focus at the same position in the list.
    const active = document.activeElement;
    const focusedRow = active instanceof Element && list.contains(active) ? active.closest('.history-entry') : null;
    const focusIndex = focusedRow ? rows().indexOf(focusedRow as HTMLElement) : null;

    entries = found;
    loaded = true;
    list.replaceChildren(...found.map((entry) => row(entry, query)));
    list.hidden = found.length === 0;
    list.setAttribute('aria-busy', 'false');
    setCurrent(0);

    empty.hidden = found.length > 0;
    empty.replaceChildren();
    if (found.length === 0) {
      empty.append(
        el('p', {
          class: 'history-empty-title',
          text: query === '' ? 'No documents yet' : `Nothing matches “${query}”`,
        }),
        el('p', {
          class: 'history-empty-hint',
          text: query === '' ? 'Documents you open are listed here.' : 'Try fewer or different words.',
        }),
      );
    }
    status.textContent =
      found.length === 0
        ? query === ''
          ? ''
          : 'No matches'
        : found.length >= HISTORY_LIMIT
          ? `The ${HISTORY_LIMIT} most recent ${query === '' ? 'documents' : 'matches'}`
          : countLabel(found.length, query);
    clearButton.disabled = query === '' && found.length === 0;

    if (focusIndex !== null) {
      if (found.length > 0) focusRow(focusIndex);
      else search.focus();
    }
  }

  function runSearch(): Promise<void> {
    window.clearTimeout(timer);
    const query = search.value.trim();
    const request = ++searchSeq;
    list.setAttribute('aria-busy', 'true');
    return handlers.search(query).then(
      (found) => {
        if (request === searchSeq) render(found, query);
      },
      (reason: unknown) => {
        if (request !== searchSeq) return;
        list.setAttribute('aria-busy', 'false');
        handlers.failed('Couldn’t search the history.', reason);
      },
    );
  }

  async function removeEntry(entry: HistoryEntry): Promise<void> {
    try {
      await handlers.remove(entry);
    } catch (reason) {
      handlers.failed(`Couldn’t delete ${displayTitle(entry)} from the history.`, reason);
      return;
    }
    // Show it gone at once, then ask again so the list is what the backend has.
    render(
      entries.filter((candidate) => candidate.id !== entry.id),
      search.value.trim(),
    );
    await runSearch();
  }

  function showConfirm(): void {
    clearButton.hidden = true;
    confirm.hidden = false;
    confirmNo.focus();
  }

  function hideConfirm(refocus: boolean): void {
    if (confirm.hidden) return;
    const hadFocus = confirm.contains(document.activeElement);
    confirm.hidden = true;
    clearButton.hidden = false;
    if (refocus && hadFocus) clearButton.focus();
  }

  async function clearAll(): Promise<void> {
    confirmYes.disabled = true;
    try {
      await handlers.clear();
    } catch (reason) {
      handlers.failed('Couldn’t clear the history.', reason);
    } finally {
      confirmYes.disabled = false;
    }
    hideConfirm(false);
    search.value = '';
    search.focus();
    await runSearch();
  }

  function isOpen(): boolean {
    return !element.hidden;
  }

  function open(): void {
    if (isOpen()) {
      search.focus();
      return;
    }
    const active = document.activeElement;
    returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    element.hidden = false;
    if (!loaded) list.hidden = true;
    handlers.toggled(true);
    search.focus();
    search.select();
    void runSearch();
  }

  function close(): void {
    if (!isOpen()) return;
    window.clearTimeout(timer);
    searchSeq += 1;
    hideConfirm(false);
    const hadFocus = element.contains(document.activeElement);
    element.hidden = true;
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
    handlers.toggled(false);
  }

  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runSearch(), SEARCH_DELAY_MS);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && rows().length > 0) {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void runSearch();
    }
  });

  list.addEventListener('focusin', (event) => {
    const item = event.target instanceof Element ? event.target.closest('.history-entry') : null;
    if (item) setCurrent(rows().indexOf(item as HTMLElement));
  });
  list.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const item = target?.closest<HTMLElement>('.history-entry');
    if (!target || !item) return;
    const index = rows().indexOf(item);
    const entry = entries.find((candidate) => String(candidate.id) === item.dataset.id);
    const act = (action: () => void): void => {
      event.preventDefault();
      action();
    };
    if (event.key === 'ArrowDown') act(() => focusRow(index + 1));
    else if (event.key === 'ArrowUp') act(() => (index === 0 ? search.focus() : focusRow(index - 1)));
    else if (event.key === 'Home') act(() => focusRow(0));
    else if (event.key === 'End') act(() => focusRow(rows().length - 1));
    else if (event.key === 'Delete' && entry) act(() => void removeEntry(entry));
    // Handled here rather than left to the button's own click, so one Enter opens once.
    else if (event.key === 'Enter' && entry && target.classList.contains('history-open'))
      act(() => handlers.open(entry));
  });

  closeButton.addEventListener('click', close);
  clearButton.addEventListener('click', showConfirm);
  confirmNo.addEventListener('click', () => hideConfirm(true));
  confirmYes.addEventListener('click', () => void clearAll());

  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // The app's own Escape handling (clearing highlights) stays out of it.
    event.preventDefault();
    if (!confirm.hidden) hideConfirm(true);
    else close();
  });

  return { element, open, close, isOpen };
}
