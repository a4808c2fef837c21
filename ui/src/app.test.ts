import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from './app';
import type { DocumentView, HistoryEntry, Summary } from './bindings';
import { makeDoc, makeEntry, makeSummary, makeWritten, makeWrittenPoint } from './testData';
import { CHUNK_SENTENCES } from './view/original';

// Runs the whole UI in jsdom against a fake backend.

type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;

let calls: Call[] = [];

function fakeBackend(docs: DocumentView[], handlers: Record<string, Handler> = {}): void {
  mockWindows('main');
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      const handler = handlers[cmd];
      if (handler) return handler(args);
      switch (cmd) {
        case 'open_document': {
          const doc = docs.find((candidate) => candidate.path === args.path);
          if (!doc) throw { code: 'not_found', message: `The file ${String(args.path)} was not found.` };
          return doc;
        }
        case 'summarize':
          return makeSummary(Number(args.docId), 2);
        case 'write_points':
          // Writing takes a while; tests about it give their own handler.
          return new Promise(() => undefined);
        case 'history_entries':
        case 'startup_paths':
          return [];
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
}

const commands = (...names: string[]): Call[] => calls.filter((call) => names.includes(call.cmd));
const all = (root: HTMLElement, testid: string): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`),
];
const one = (root: HTMLElement, testid: string): HTMLElement => {
  const found = root.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  if (!found) throw new Error(`no ${testid}`);
  return found;
};
const selectedTab = (root: HTMLElement): string | undefined =>
  all(root, 'tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.dataset.path;

let root: HTMLElement;

async function start(): Promise<App> {
  root = document.createElement('div');
  document.body.append(root);
  return startApp(root);
}

beforeEach(() => {
  calls = [];
  localStorage.clear();
  document.body.replaceChildren();
});

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

describe('opening documents', () => {
  it('calls open_document, then summarize with the remembered number of points', async () => {
    localStorage.setItem('brief.points', '7');
    const doc = makeDoc(11, '/statements/a.txt');
    fakeBackend([doc]);
    const app = await start();
    await app.openPaths(['/statements/a.txt']);
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
    expect(commands('open_document', 'summarize')).toEqual([
      { cmd: 'open_document', args: { path: '/statements/a.txt' } },
      { cmd: 'summarize', args: { docId: 11, points: 7 } },
    ]);
    expect((one(root, 'points-count') as HTMLSelectElement).value).toBe('7');
    expect(all(root, 'sentence').map((span) => span.textContent)).toEqual(doc.sentences);
    expect(one(root, 'original').querySelectorAll('.doc-body p')).toHaveLength(2);
    expect(all(root, 'key-point')[0]?.dataset.evidence).toBe('0,2');
  });

  it('opens command-line paths in order and makes the last one active', async () => {
    const docs = [makeDoc(1, '/s/one.txt'), makeDoc(2, '/s/two.txt')];
    fakeBackend(docs, { startup_paths: () => ['/s/one.txt', '/s/two.txt'] });
    await start();
    expect(commands('open_document').map((call) => call.args.path)).toEqual(['/s/one.txt', '/s/two.txt']);
    expect(all(root, 'tab').map((tab) => tab.dataset.path)).toEqual(['/s/one.txt', '/s/two.txt']);
    expect(selectedTab(root)).toBe('/s/two.txt');
  });

  it('activates the open tab when its path is opened again', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt'), makeDoc(2, '/s/two.txt')]);
    const app = await start();
    await app.openPaths(['/s/one.txt', '/s/two.txt']);
    await app.openPaths(['/s/one.txt']);
    expect(commands('open_document')).toHaveLength(2);
    expect(all(root, 'tab')).toHaveLength(2);
    expect(selectedTab(root)).toBe('/s/one.txt');
  });

  it('shows a failed open in the banner and keeps the active tab', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt')]);
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await app.openPaths(['/s/missing.pdf']);
    const banner = one(root, 'error-banner');
    expect(banner.hidden).toBe(false);
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('Couldn’t open missing.pdf.');
    expect(banner.textContent).toContain('The file /s/missing.pdf was not found.');
    expect(all(root, 'tab')).toHaveLength(1);
    expect(selectedTab(root)).toBe('/s/one.txt');
    banner.querySelector('button')?.click();
    expect(banner.hidden).toBe(true);
  });

  it('switches tabs without summarising again', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt'), makeDoc(2, '/s/two.txt')]);
    const app = await start();
    await app.openPaths(['/s/one.txt', '/s/two.txt']);
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
    all(root, 'tab')[0]?.click();
    expect(selectedTab(root)).toBe('/s/one.txt');
    expect(all(root, 'key-point')).toHaveLength(2);
    all(root, 'tab')[1]?.click();
    expect(commands('summarize')).toHaveLength(2);
  });

  it('closes a tab and activates its neighbour', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt'), makeDoc(2, '/s/two.txt')]);
    const app = await start();
    await app.openPaths(['/s/one.txt', '/s/two.txt']);
    const close = root.querySelector<HTMLButtonElement>('.tab-item.active .tab-close');
    expect(close?.getAttribute('aria-label')).toBe('Close Statement 2');
    close?.click();
    await vi.waitFor(() => expect(commands('close_document')).toEqual([{ cmd: 'close_document', args: { docId: 2 } }]));
    expect(selectedTab(root)).toBe('/s/one.txt');
  });
});

describe('summarising', () => {
  it('shows progress from events, and Cancelled with a way to summarise again', async () => {
    let reject: (reason: unknown) => void = () => undefined;
    let resolve: (summary: Summary) => void = () => undefined;
    let runs = 0;
    fakeBackend([makeDoc(1, '/s/one.txt')], {
      summarize: () => {
        runs += 1;
        return new Promise<Summary>((ok, fail) => {
          resolve = ok;
          reject = fail;
        });
      },
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await emit('summary-progress', { doc_id: 1, stage: 'embedding', done: 12, total: 40 });
    await vi.waitFor(() => expect(one(root, 'progress').textContent).toContain('Reading sentences 12/40'));

    one(root, 'cancel').click();
    await vi.waitFor(() => expect(commands('cancel_summary')).toEqual([{ cmd: 'cancel_summary', args: { docId: 1 } }]));
    reject({ code: 'cancelled', message: 'The summary was cancelled.' });
    await vi.waitFor(() => expect(root.querySelector('.points-body')?.textContent).toContain('Cancelled'));
    expect(root.querySelector('.points-body [role="alert"]')).toBeNull();

    one(root, 'retry').click();
    expect(runs).toBe(2);
    resolve(makeSummary(1, 2));
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
  });

  it('shows a failed summary in the panel with Try again', async () => {
    let fail = true;
    fakeBackend([makeDoc(1, '/s/one.txt')], {
      summarize: () => {
        if (fail) throw { code: 'model_missing', message: 'The model is missing.' };
        return makeSummary(1);
      },
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() =>
      expect(root.querySelector('.points-body [role="alert"]')?.textContent).toContain('The model is missing.'),
    );
    fail = false;
    one(root, 'retry').click();
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
  });

  it('re-summarises the active document when the count changes, and remembers it', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt')]);
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    const count = one(root, 'points-count') as HTMLSelectElement;
    count.value = '9';
    count.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(commands('summarize').slice(-1)[0]?.args).toEqual({ docId: 1, points: 9 }));
    expect(localStorage.getItem('brief.points')).toBe('9');
  });

  it('asks for an automatic count and says how many points it gave', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt')], {
      summarize: (args) => ({ ...makeSummary(1, 3), auto_count: args.points === 'auto' }),
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    const count = one(root, 'points-count') as HTMLSelectElement;
    const auto = (): HTMLOptionElement | undefined => [...count.options].find((option) => option.value === 'auto');
    expect(auto()?.textContent).toBe('Auto');
    count.value = 'auto';
    count.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(commands('summarize').slice(-1)[0]?.args).toEqual({ docId: 1, points: 'auto' }));
    await vi.waitFor(() => expect(auto()?.textContent).toBe('Auto: 3 points'));
    expect(count.value).toBe('auto');
    expect(localStorage.getItem('brief.points')).toBe('auto');
  });
});

describe('evidence and copying', () => {
  it('highlights evidence, pins points and marks points citing a sentence', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt')]);
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
    const [first, second] = all(root, 'key-point');
    const highlighted = (): string[] =>
      all(root, 'sentence')
        .filter((s) => s.classList.contains('highlight'))
        .map((s) => s.dataset.sentence ?? '');

    second?.dispatchEvent(new MouseEvent('mouseenter'));
    expect(highlighted()).toEqual(['3']);
    second?.dispatchEvent(new MouseEvent('mouseleave'));
    expect(highlighted()).toEqual([]);

    first?.querySelector<HTMLElement>('.point-main')?.click();
    expect(first?.classList.contains('pinned')).toBe(true);
    expect(first?.querySelector('.point-main')?.getAttribute('aria-pressed')).toBe('true');
    expect(highlighted()).toEqual(['0', '2']);

    const sentence = all(root, 'sentence')[3];
    sentence?.click();
    expect(sentence?.classList.contains('selected')).toBe(true);
    expect(all(root, 'key-point').map((point) => point.classList.contains('cited'))).toEqual([false, true]);

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(sentence?.classList.contains('selected')).toBe(false);
    expect(first?.classList.contains('pinned')).toBe(false);
    expect(highlighted()).toEqual([]);
  });

  it('copies all key points as plain text or Markdown and confirms it', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt')]);
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
    const copied = (): unknown[] => commands('plugin:clipboard-manager|write_text').map((call) => call.args.text);

    one(root, 'copy-all').click();
    await vi.waitFor(() => expect(copied()).toEqual(['Point about the first.\nPoint about the fourth.']));
    await vi.waitFor(() => expect(one(root, 'toast').textContent).toBe('Copied 2 key points'));

    const format = one(root, 'copy-format') as HTMLSelectElement;
    format.value = 'markdown';
    format.dispatchEvent(new Event('change'));
    expect(localStorage.getItem('brief.copyFormat')).toBe('markdown');
    one(root, 'copy-all').click();
    await vi.waitFor(() =>
      expect(copied()[1]).toBe('# Statement 1\n_2024-07-02_\n\n- Point about the first.\n- Point about the fourth.\n'),
    );
  });

  it('says a file is being opened when reading it takes a while', async () => {
    const doc = makeDoc(1, '/s/large.txt');
    fakeBackend([doc], { open_document: () => new Promise((resolve) => setTimeout(() => resolve(doc), 700)) });
    const app = await start();
    const opened = app.openPaths(['/s/large.txt']);
    await vi.waitFor(() => expect(one(root, 'toast').textContent).toBe('Opening large.txt…'));
    await opened;
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
  });

  it('exports through the backend with both texts and the preferred format first', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt')], { export_text: () => '/out/notes.md' });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
    one(root, 'export').click();
    await vi.waitFor(() => expect(commands('export_text')).toHaveLength(1));
    expect(commands('export_text')[0]?.args).toEqual({
      defaultPath: '/s/Statement 1 - key points.txt',
      markdown: '# Statement 1\n_2024-07-02_\n\n- Point about the first.\n- Point about the fourth.\n',
      plain: 'Point about the first.\nPoint about the fourth.',
      markdownFirst: false,
    });
    await vi.waitFor(() => expect(one(root, 'toast').textContent).toBe('Exported to notes.md'));
  });
});

describe('the Open dialog', () => {
  it('offers statements of every type Brief reads, then all files', async () => {
    fakeBackend([makeDoc(1, '/s/one.docx')], { 'plugin:dialog|open': () => ['/s/one.docx'] });
    await start();
    one(root, 'open-button').click();
    await vi.waitFor(() => expect(all(root, 'tab')).toHaveLength(1));
    const options = commands('plugin:dialog|open')[0]?.args.options as { filters: unknown };
    expect(options.filters).toEqual([
      { name: 'Statements', extensions: ['txt', 'md', 'text', 'html', 'htm', 'docx', 'pdf'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });
});

describe('recent documents', () => {
  it('lists the latest 15 history entries and reopens one by its id', async () => {
    const entry = makeEntry(42, '/s/moved.txt', { title: 'Budget statement' });
    fakeBackend([], {
      history_entries: () => [entry],
      open_history_entry: (args) => makeDoc(7, '/s/moved.txt', { title: `Opened entry ${String(args.id)}` }),
    });
    await start();
    await vi.waitFor(() => expect(one(root, 'recent-list').textContent).toContain('Budget statement'));
    expect(commands('history_entries')[0]?.args).toEqual({ query: '', limit: 15 });
    one(root, 'recent-list').querySelector('button')?.click();
    await vi.waitFor(() => expect(all(root, 'tab')).toHaveLength(1));
    expect(commands('open_history_entry', 'open_document')).toEqual([{ cmd: 'open_history_entry', args: { id: 42 } }]);
    expect(root.querySelector('.doc-title')?.textContent).toBe('Opened entry 42');
  });
});

describe('history', () => {
  const budget = makeEntry(1, '/s/budget.txt', {
    title: 'Budget framework',
    summarized: true,
    opened_at: new Date().toISOString(),
  });
  const defence = makeEntry(2, '/s/defence.txt', { title: null, date: null, words: 1 });
  const panel = (): HTMLElement => one(root, 'history');
  const rows = (): HTMLElement[] => all(root, 'history-entry');
  const search = (): HTMLInputElement => one(root, 'history-search') as HTMLInputElement;
  const panelQueries = (): unknown[] =>
    commands('history_entries')
      .filter((call) => call.args.limit === 200)
      .map((call) => call.args.query);
  const type = (text: string): void => {
    search().value = text;
    search().dispatchEvent(new Event('input'));
  };
  const press = (target: Element, key: string): void => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  };

  it('opens with Ctrl+H and the toolbar button, focuses the search and closes with Escape or the button', async () => {
    fakeBackend([], { history_entries: () => [budget, defence] });
    await start();
    const toggle = one(root, 'history-button');
    expect(panel().hidden).toBe(true);
    expect(toggle.getAttribute('aria-controls')).toBe(panel().id);

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', ctrlKey: true, cancelable: true }));
    expect(panel().hidden).toBe(false);
    expect(panel().getAttribute('role')).toBe('dialog');
    expect(panel().getAttribute('aria-labelledby')).toBe('history-heading');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(search());
    expect(search().placeholder).toBe('Search titles and text');
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(panelQueries()).toEqual(['']);

    press(search(), 'Escape');
    expect(panel().hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.click();
    expect(panel().hidden).toBe(false);
    toggle.click();
    expect(panel().hidden).toBe(true);

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', ctrlKey: true, cancelable: true }));
    toggle.focus();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(panel().hidden).toBe(true);
  });

  it('searches as the person types and shows each entry as text', async () => {
    const found = makeEntry(3, '/s/speech.txt', {
      title: 'Speech on air defence',
      snippet: '…said that air defence is the priority <b>now</b>…',
      summarized: true,
    });
    fakeBackend([], {
      history_entries: (args) => (args.query === 'air defence' ? [found] : [budget, defence]),
    });
    await start();
    one(root, 'history-button').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    // No title: the file name is the heading, and where it lives is shown instead.
    expect(rows()[1]?.querySelector('.history-title')?.textContent).toBe('defence.txt');
    expect(rows()[1]?.querySelector('.history-meta')?.textContent).toContain('/s');
    expect(rows()[1]?.querySelector('.history-meta')?.textContent).toContain('1 word');
    expect(rows()[0]?.querySelector('.history-when')?.textContent).toMatch(/^Today, \d\d:\d\d$/);
    expect(rows()[0]?.querySelector('[data-testid="history-summarized"]')).not.toBeNull();
    expect(rows()[1]?.querySelector('[data-testid="history-summarized"]')).toBeNull();

    type('air');
    type('air defence');
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    // Typing quickly asks once, after the pause.
    expect(panelQueries()).toEqual(['', 'air defence']);
    const row = rows()[0]!;
    expect(row.querySelector('.history-title')?.textContent).toBe('Speech on air defence');
    expect(row.querySelector('.history-meta')?.textContent).toContain('speech.txt');
    expect(row.querySelector('.history-meta')?.textContent).toContain('2 July 2024');
    expect(row.querySelector('.history-meta')?.textContent).toContain('1,234 words');
    expect(row.querySelector('.history-file')?.getAttribute('title')).toBe('/s/speech.txt');
    expect(one(root, 'history-snippet').textContent).toBe('…said that air defence is the priority <b>now</b>…');
    expect(row.querySelector('b')).toBeNull();
    expect([...row.querySelectorAll('.history-snippet mark')].map((mark) => mark.textContent)).toEqual([
      'air',
      'defence',
    ]);
    expect(one(root, 'history').querySelector('.history-status')?.textContent).toBe('1 match');
  });

  it('shows what is empty: no history at all, or nothing matching', async () => {
    fakeBackend([], { history_entries: () => [] });
    await start();
    one(root, 'history-button').click();
    await vi.waitFor(() => expect(one(root, 'history-empty').hidden).toBe(false));
    expect(one(root, 'history-empty').textContent).toContain('No documents yet');
    expect(one(root, 'history-list').hidden).toBe(true);
    type('zeppelin');
    await vi.waitFor(() => expect(one(root, 'history-empty').textContent).toContain('Nothing matches “zeppelin”'));
  });

  it('keeps the answer to the latest search when an older one arrives later', async () => {
    const pending = new Map<string, (entries: HistoryEntry[]) => void>();
    fakeBackend([], {
      history_entries: (args) => {
        if (args.limit !== 200) return [];
        return new Promise<HistoryEntry[]>((resolve) => pending.set(String(args.query), resolve));
      },
    });
    await start();
    one(root, 'history-button').click();
    pending.get('')?.([budget, defence]);
    await vi.waitFor(() => expect(rows()).toHaveLength(2));

    type('bud');
    await vi.waitFor(() => expect(pending.has('bud')).toBe(true));
    type('defence');
    await vi.waitFor(() => expect(pending.has('defence')).toBe(true));
    pending.get('defence')?.([defence]);
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    pending.get('bud')?.([budget]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rows().map((row) => row.dataset.id)).toEqual(['2']);
    expect(rows()[0]?.textContent).toContain('defence.txt');
  });

  it('deletes an entry, then lists the history again', async () => {
    let entries = [budget, defence];
    fakeBackend([], {
      history_entries: () => entries,
      delete_history_entry: (args) => {
        entries = entries.filter((entry) => entry.id !== args.id);
        return null;
      },
    });
    await start();
    one(root, 'history-button').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    const asked = commands('history_entries').length;
    const remove = rows()[0]!.querySelector<HTMLButtonElement>('[data-testid="history-delete"]')!;
    expect(remove.getAttribute('aria-label')).toBe('Delete Budget framework from the history');
    remove.focus();
    remove.click();
    await vi.waitFor(() =>
      expect(commands('delete_history_entry')).toEqual([{ cmd: 'delete_history_entry', args: { id: 1 } }]),
    );
    await vi.waitFor(() => expect(rows().map((row) => row.dataset.id)).toEqual(['2']));
    // The panel and the Recent list are both asked again; focus stays in the list.
    await vi.waitFor(() => expect(commands('history_entries').length).toBeGreaterThanOrEqual(asked + 2));
    expect(
      commands('history_entries')
        .slice(asked)
        .map((call) => call.args.limit)
        .sort(),
    ).toEqual([15, 200]);
    expect(document.activeElement).toBe(rows()[0]?.querySelector('.history-open'));

    press(rows()[0]!.querySelector('.history-open')!, 'Delete');
    await vi.waitFor(() => expect(commands('delete_history_entry')).toHaveLength(2));
    await vi.waitFor(() => expect(one(root, 'history-empty').textContent).toContain('No documents yet'));
    expect(document.activeElement).toBe(search());
  });

  it('clears the history only after it is confirmed', async () => {
    let entries = [budget, defence];
    fakeBackend([], {
      history_entries: () => entries,
      clear_history: () => {
        entries = [];
        return null;
      },
    });
    await start();
    one(root, 'history-button').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    const clear = one(root, 'history-clear');
    const confirm = one(root, 'history-clear-confirm');
    expect(confirm.hidden).toBe(true);

    clear.click();
    expect(commands('clear_history')).toHaveLength(0);
    expect(clear.hidden).toBe(true);
    expect(confirm.hidden).toBe(false);
    expect(confirm.textContent).toContain('Really clear all?');
    expect(document.activeElement).toBe(one(root, 'history-clear-no'));
    one(root, 'history-clear-no').click();
    expect(confirm.hidden).toBe(true);
    expect(clear.hidden).toBe(false);

    // Escape backs out of the question without closing the panel.
    clear.click();
    press(one(root, 'history-clear-no'), 'Escape');
    expect(confirm.hidden).toBe(true);
    expect(one(root, 'history').hidden).toBe(false);
    expect(commands('clear_history')).toHaveLength(0);

    clear.click();
    one(root, 'history-clear-yes').click();
    await vi.waitFor(() => expect(commands('clear_history')).toEqual([{ cmd: 'clear_history', args: {} }]));
    await vi.waitFor(() => expect(one(root, 'history-empty').textContent).toContain('No documents yet'));
    expect(rows()).toHaveLength(0);
    expect((clear as HTMLButtonElement).disabled).toBe(true);
  });

  it('opens an entry as a tab, shows its notice and closes the panel', async () => {
    const notice = 'The file is gone; this is the copy Brief kept when you opened it on 2 July 2024.';
    fakeBackend([], {
      history_entries: () => [budget, defence],
      open_history_entry: (args) =>
        args.id === 2 ? makeDoc(9, '/s/defence.txt', { notice }) : makeDoc(8, '/s/budget.txt'),
    });
    await start();
    one(root, 'history-button').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));

    // Arrow keys move from the search to the rows and between them; Enter opens.
    press(search(), 'ArrowDown');
    expect(document.activeElement).toBe(rows()[0]?.querySelector('.history-open'));
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(rows()[1]?.querySelector('.history-open'));
    expect(rows()[1]?.querySelector('.history-open')?.getAttribute('tabindex')).toBe('0');
    expect(rows()[0]?.querySelector('.history-open')?.getAttribute('tabindex')).toBe('-1');
    press(document.activeElement!, 'Enter');

    await vi.waitFor(() => expect(all(root, 'tab')).toHaveLength(1));
    expect(commands('open_history_entry')).toEqual([{ cmd: 'open_history_entry', args: { id: 2 } }]);
    expect(commands('open_document')).toHaveLength(0);
    expect(selectedTab(root)).toBe('/s/defence.txt');
    expect(one(root, 'history').hidden).toBe(true);
    expect(one(root, 'history-button').getAttribute('aria-expanded')).toBe('false');
    await vi.waitFor(() => expect(document.activeElement).toBe(all(root, 'tab')[0]));
    expect(one(root, 'document-notice').textContent).toBe(notice);
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));

    // A click opens too; a document without a notice shows none.
    one(root, 'history-button').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    rows()[0]?.querySelector<HTMLElement>('.history-open')?.click();
    await vi.waitFor(() => expect(selectedTab(root)).toBe('/s/budget.txt'));
    expect(root.querySelector('[data-testid="document-notice"]')).toBeNull();
    expect(one(root, 'history').hidden).toBe(true);
  });

  it('shows failures of the history in the error banner and keeps the panel open', async () => {
    fakeBackend([], {
      history_entries: (args) => {
        if (args.limit === 200) throw { code: 'history', message: 'The history could not be read.' };
        return [];
      },
      open_history_entry: () => {
        throw { code: 'no_text', message: 'This PDF has no text to read.' };
      },
    });
    await start();
    one(root, 'history-button').click();
    await vi.waitFor(() => expect(one(root, 'error-banner').hidden).toBe(false));
    expect(one(root, 'error-banner').textContent).toContain('Couldn’t search the history.');
    expect(one(root, 'error-banner').textContent).toContain('The history could not be read.');
    expect(one(root, 'history').hidden).toBe(false);
  });

  it('says when opening an entry failed', async () => {
    fakeBackend([], {
      history_entries: () => [makeEntry(4, '/s/scan.pdf', { title: 'Scanned letter' })],
      open_history_entry: () => {
        throw { code: 'no_text', message: 'This PDF has no text to read.' };
      },
    });
    await start();
    one(root, 'history-button').click();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    rows()[0]?.querySelector<HTMLElement>('.history-open')?.click();
    await vi.waitFor(() => expect(one(root, 'error-banner').textContent).toContain('Couldn’t open scan.pdf.'));
    expect(one(root, 'error-banner').textContent).toContain('This PDF has no text to read.');
    expect(one(root, 'history').hidden).toBe(false);
    expect(all(root, 'tab')).toHaveLength(0);
  });
});

describe('written key points', () => {
  type Job = { resolve(summary: Summary): void; reject(reason: unknown): void };
  /** A fake writer whose jobs the test finishes; write_points calls are recorded in `calls` as usual. */
  const writer = (): { jobs: Job[]; handler: Handler } => {
    const jobs: Job[] = [];
    return { jobs, handler: () => new Promise<Summary>((resolve, reject) => jobs.push({ resolve, reject })) };
  };
  const texts = (): string[] => all(root, 'point-text').map((text) => text.textContent ?? '');
  const body = (): HTMLElement => root.querySelector<HTMLElement>('.points-body')!;
  const written = (index: number, doc_id = 1): Promise<void> =>
    emit('written-point', { doc_id, index, point: makeWrittenPoint(index) });
  const writing = (done: number, total = 5): Promise<void> =>
    emit('summary-progress', { doc_id: 1, stage: 'writing', done, total });
  const pressed = (testid: string): string | null => one(root, testid).getAttribute('aria-pressed');
  const copied = (): unknown[] => commands('plugin:clipboard-manager|write_text').map((call) => call.args.text);
  const keySentences = ['Point about the first.', 'Point about the fourth.'];

  it('starts after the key sentences, shows them meanwhile, then streams the written points in order', async () => {
    const { jobs, handler } = writer();
    fakeBackend([makeDoc(1, '/s/one.txt')], { write_points: handler });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() =>
      expect(commands('write_points')).toEqual([{ cmd: 'write_points', args: { docId: 1, points: 5 } }]),
    );
    expect(commands('summarize', 'write_points').map((call) => call.cmd)).toEqual(['summarize', 'write_points']);

    // Before the first point: the note, the progress with Cancel, and the key sentences under them.
    expect(pressed('points-view-written')).toBe('true');
    expect(one(root, 'writing-note').textContent).toBe('Writing key points… key sentences shown meanwhile');
    expect(texts()).toEqual(keySentences);
    await emit('summary-progress', { doc_id: 1, stage: 'loading_writer', done: 0, total: 0 });
    await vi.waitFor(() => expect(one(root, 'writing-progress').textContent).toContain('Loading the writing model…'));
    await writing(0);
    await vi.waitFor(() => expect(one(root, 'writing-progress').textContent).toContain('Writing point 1 of 5…'));
    // The key sentences stay readable meanwhile.
    expect(body().getAttribute('aria-busy')).toBe('false');

    await written(0);
    await vi.waitFor(() => expect(texts()).toEqual(['Written about the first and third.']));
    expect(root.querySelector('[data-testid="writing-note"]')).toBeNull();
    expect(all(root, 'key-point')[0]?.dataset.kind).toBe('written');
    // The progress stays under the points written so far.
    expect(one(root, 'key-points').nextElementSibling).toBe(one(root, 'writing-progress'));
    await writing(1);
    await vi.waitFor(() => expect(one(root, 'writing-progress').textContent).toContain('Writing point 2 of 5…'));
    await written(1);
    await vi.waitFor(() =>
      expect(texts()).toEqual(['Written about the first and third.', 'Written about the fourth.']),
    );

    // Written points link to their evidence like key sentences do.
    const highlighted = (): string[] =>
      all(root, 'sentence')
        .filter((sentence) => sentence.classList.contains('highlight'))
        .map((sentence) => sentence.dataset.sentence ?? '');
    all(root, 'key-point')[0]?.querySelector<HTMLElement>('.point-main')?.click();
    expect(highlighted()).toEqual(['0', '2']);
    all(root, 'sentence')[3]?.click();
    expect(all(root, 'key-point').map((point) => point.classList.contains('cited'))).toEqual([false, true]);

    jobs[0]?.resolve(makeWritten(1, 2));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="writing-progress"]')).toBeNull());
    expect(texts()).toEqual(['Written about the first and third.', 'Written about the fourth.']);
    expect(root.querySelector('.points-meta')?.textContent).toBe('test-writer · first point 3.1 s · all 9.4 s');
    // The same list stayed on screen, so the pin did too.
    expect(all(root, 'key-point')[0]?.classList.contains('pinned')).toBe(true);
  });

  it('switches views with the toggle and Ctrl+Shift+W, and remembers the choice', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt')], { write_points: () => makeWritten(1, 2) });
    let app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() =>
      expect(texts()).toEqual(['Written about the first and third.', 'Written about the fourth.']),
    );
    expect(one(root, 'points-view-written').getAttribute('title')).toMatch(/\((Ctrl|⌘)\+Shift\+W\)$/);
    all(root, 'key-point')[1]?.querySelector<HTMLElement>('.point-main')?.click();

    one(root, 'points-view-sentences').click();
    expect(texts()).toEqual(keySentences);
    expect([pressed('points-view-sentences'), pressed('points-view-written')]).toEqual(['true', 'false']);
    expect(localStorage.getItem('brief.pointsView')).toBe('sentences');
    // The pin meant a written point; it does not carry over to another list.
    expect(root.querySelector('.point.pinned')).toBeNull();

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'W', ctrlKey: true, shiftKey: true }));
    expect(texts()).toEqual(['Written about the first and third.', 'Written about the fourth.']);
    expect(localStorage.getItem('brief.pointsView')).toBe('written');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'W', ctrlKey: true, shiftKey: true }));
    expect(texts()).toEqual(keySentences);

    // The help lists the shortcut.
    expect(one(root, 'help').textContent).toContain('Switch between key sentences and written points');

    // A new window starts in the remembered view, and copies what it shows.
    root.remove();
    clearMocks();
    fakeBackend([makeDoc(1, '/s/one.txt')], { write_points: () => makeWritten(1, 2) });
    app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(commands('write_points')).toHaveLength(2));
    expect(pressed('points-view-sentences')).toBe('true');
    expect(texts()).toEqual(keySentences);
    one(root, 'copy-all').click();
    await vi.waitFor(() => expect(copied()).toEqual(['Point about the first.\nPoint about the fourth.']));
  });

  it('keeps the points written before Cancel, says so without an error, and writes the rest', async () => {
    const { jobs, handler } = writer();
    fakeBackend([makeDoc(1, '/s/one.txt')], { write_points: handler, summarize: () => makeSummary(1, 3) });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    await written(0);
    await written(1);
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));

    one(root, 'writing-cancel').click();
    await vi.waitFor(() => expect(commands('cancel_writing')).toEqual([{ cmd: 'cancel_writing', args: { docId: 1 } }]));
    expect(one(root, 'writing-progress').textContent).toContain('Cancelling…');
    jobs[0]?.reject({ code: 'cancelled', message: 'cancelled' });
    await vi.waitFor(() => expect(one(root, 'writing-stopped').textContent).toContain('Stopped after 2 of 3 points.'));
    expect(texts()).toEqual(['Written about the first and third.', 'Written about the fourth.']);
    expect(root.querySelector('.points-body [role="alert"]')).toBeNull();
    expect(one(root, 'error-banner').hidden).toBe(true);
    expect(one(root, 'writing-restart').textContent).toBe('Write the rest');

    // Writing again keeps what is there until the new job replaces it.
    one(root, 'writing-restart').click();
    await vi.waitFor(() => expect(jobs).toHaveLength(2));
    expect(commands('write_points').map((call) => call.args)).toEqual([
      { docId: 1, points: 5 },
      { docId: 1, points: 5 },
    ]);
    expect(root.querySelector('[data-testid="writing-stopped"]')).toBeNull();
    expect(texts()).toEqual(['Written about the first and third.', 'Written about the fourth.']);
    await emit('written-point', { doc_id: 1, index: 0, point: makeWrittenPoint(0, { text: 'Rewritten first.' }) });
    await written(1);
    await written(2);
    await vi.waitFor(() =>
      expect(texts()).toEqual(['Rewritten first.', 'Written about the fourth.', 'Written about the second.']),
    );
    jobs[1]?.resolve(makeWritten(1, 3));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="writing-progress"]')).toBeNull());
    expect(texts()).toHaveLength(3);
  });

  it('shows the key sentences with Write again when stopped before any point', async () => {
    const { jobs, handler } = writer();
    fakeBackend([makeDoc(1, '/s/one.txt')], { write_points: handler });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    one(root, 'writing-cancel').click();
    jobs[0]?.reject({ code: 'cancelled', message: 'cancelled' });
    await vi.waitFor(() =>
      expect(one(root, 'writing-stopped').textContent).toContain('Stopped before any point was written.'),
    );
    expect(one(root, 'writing-restart').textContent).toBe('Write again');
    expect(texts()).toEqual(keySentences);
    one(root, 'writing-restart').click();
    await vi.waitFor(() => expect(jobs).toHaveLength(2));
    expect(one(root, 'writing-note')).not.toBeNull();
  });

  it('ignores points of a job that a new point count replaced', async () => {
    const { jobs, handler } = writer();
    let finishSummary: (summary: Summary) => void = () => undefined;
    fakeBackend([makeDoc(1, '/s/one.txt')], {
      write_points: handler,
      summarize: () =>
        commands('summarize').length === 1
          ? makeSummary(1, 2)
          : new Promise<Summary>((resolve) => (finishSummary = resolve)),
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    await written(0);
    await vi.waitFor(() => expect(texts()).toEqual(['Written about the first and third.']));

    const count = one(root, 'points-count') as HTMLSelectElement;
    count.value = '7';
    count.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(commands('cancel_writing')).toEqual([{ cmd: 'cancel_writing', args: { docId: 1 } }]));
    expect(one(root, 'progress')).not.toBeNull();
    // The old job goes on writing until the backend stops it; none of that shows.
    await written(1);
    finishSummary(makeSummary(1, 3));
    await vi.waitFor(() => expect(texts()).toEqual([...keySentences, 'Point about the second.']));
    await written(2);
    expect(texts()).toEqual([...keySentences, 'Point about the second.']);
    // The new job starts only once the old one has ended, so it can't take the old one's points.
    expect(commands('write_points')).toHaveLength(1);
    jobs[0]?.reject({ code: 'cancelled', message: 'cancelled' });
    await vi.waitFor(() => expect(commands('write_points')).toHaveLength(2));
    expect(commands('write_points')[1]?.args).toEqual({ docId: 1, points: 7 });
    expect(root.querySelector('[data-testid="writing-stopped"]')).toBeNull();
    expect(one(root, 'writing-note')).not.toBeNull();
    await written(0);
    await vi.waitFor(() => expect(texts()).toEqual(['Written about the first and third.']));
  });

  it('ignores points and progress of another document', async () => {
    const { jobs, handler } = writer();
    fakeBackend([makeDoc(1, '/s/one.txt'), makeDoc(2, '/s/two.txt')], { write_points: handler });
    const app = await start();
    await app.openPaths(['/s/one.txt', '/s/two.txt']);
    await vi.waitFor(() => expect(jobs).toHaveLength(2));
    await written(0, 1);
    await emit('summary-progress', { doc_id: 1, stage: 'writing', done: 1, total: 5 });
    expect(texts()).toEqual(keySentences);
    expect(one(root, 'writing-progress').textContent).toContain('Preparing…');
    all(root, 'tab')[0]?.click();
    expect(texts()).toEqual(['Written about the first and third.']);
    expect(one(root, 'writing-progress').textContent).toContain('Writing point 2 of 5…');
  });

  it('marks flagged points, lists what to check, and copies the flags along', async () => {
    const flagged = makeWrittenPoint(1, {
      issues: [
        { check: 'number', detail: '4,500 is not in the statement' },
        { check: 'modality', detail: 'the statement says “invited Italy to contribute”; this point states it as done' },
      ],
    });
    fakeBackend([makeDoc(1, '/s/one.txt')], {
      write_points: () => ({ ...makeWritten(1, 2), key_points: [makeWrittenPoint(0), flagged] }),
      export_text: () => '/out/notes.txt',
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(all(root, 'point-flag')).toHaveLength(1));
    const [plain, marked] = all(root, 'key-point');
    expect(plain?.querySelector('[data-testid="point-flag"]')).toBeNull();
    expect(plain?.querySelector('[data-testid="point-issues"]')).toBeNull();
    expect(marked?.classList.contains('flagged')).toBe(true);
    expect(one(root, 'point-flag').textContent).toBe('CheckNeeds checking');
    expect(one(root, 'point-flag').querySelector('svg')).not.toBeNull();
    const issues = one(root, 'point-issues');
    expect([...issues.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      '4,500 is not in the statement',
      'the statement says “invited Italy to contribute”; this point states it as done',
    ]);
    // The point's button is described by what to check.
    expect(marked?.querySelector('.point-main')?.getAttribute('aria-describedby')).toBe(issues.id);
    expect(marked?.querySelector('[data-testid="point-text"]')?.textContent).toBe('Written about the fourth.');

    const check =
      'Check: 4,500 is not in the statement; the statement says “invited Italy to contribute”; this point states it as done';
    marked?.querySelector<HTMLElement>('[data-testid="copy-point"]')?.click();
    await vi.waitFor(() => expect(copied()).toEqual([`Written about the fourth. [${check}]`]));
    one(root, 'copy-all').click();
    await vi.waitFor(() =>
      expect(copied()[1]).toBe(`Written about the first and third.\nWritten about the fourth. [${check}]`),
    );
    const format = one(root, 'copy-format') as HTMLSelectElement;
    format.value = 'markdown';
    format.dispatchEvent(new Event('change'));
    one(root, 'copy-all').click();
    await vi.waitFor(() =>
      expect(copied()[2]).toBe(
        `# Statement 1\n_2024-07-02_\n\n- Written about the first and third.\n- Written about the fourth. ⚠ *${check}*\n`,
      ),
    );
    one(root, 'export').click();
    await vi.waitFor(() => expect(commands('export_text')).toHaveLength(1));
    expect(commands('export_text')[0]?.args.plain).toBe(
      `Written about the first and third.\nWritten about the fourth. [${check}]`,
    );
  });

  it('tags a key sentence kept word for word among the written points, and copies it without the tag', async () => {
    const kept = { ...makeSummary(1, 2).key_points[1]! };
    fakeBackend([makeDoc(1, '/s/one.txt')], {
      write_points: () => ({ ...makeWritten(1, 2), key_points: [makeWrittenPoint(0), kept] }),
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(all(root, 'point-quoted')).toHaveLength(1));
    const [rewritten, quoted] = all(root, 'key-point');
    expect(rewritten?.querySelector('[data-testid="point-quoted"]')).toBeNull();
    expect(quoted?.dataset.kind).toBe('sentence');
    expect(one(root, 'point-quoted').textContent).toBe('as in the statement');
    expect(one(root, 'point-quoted').title).toContain('left out a name, number or date');
    quoted?.querySelector<HTMLElement>('[data-testid="copy-point"]')?.click();
    await vi.waitFor(() => expect(copied()).toEqual(['Point about the fourth.']));
    // The Key sentences view shows sentences only: no tag there.
    one(root, 'points-view-sentences').click();
    await vi.waitFor(() => expect(texts()).toEqual(keySentences));
    expect(all(root, 'point-quoted')).toHaveLength(0);
  });

  it('shows a writer failure above the key sentences, and leaves the Key sentences view alone', async () => {
    const message = 'The writing model is missing. Reinstall Brief to restore it.';
    fakeBackend([makeDoc(1, '/s/one.txt')], {
      write_points: () => {
        throw { code: 'model_missing', message };
      },
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(root.querySelector('.points-body [role="alert"]')?.textContent).toContain(message));
    expect(texts()).toEqual(keySentences);
    expect(one(root, 'writing-restart').textContent).toBe('Try again');
    expect(one(root, 'error-banner').hidden).toBe(true);
    // Copying in this state copies the key sentences shown.
    one(root, 'copy-all').click();
    await vi.waitFor(() => expect(copied()).toEqual(['Point about the first.\nPoint about the fourth.']));

    one(root, 'points-view-sentences').click();
    expect(root.querySelector('.points-body [role="alert"]')).toBeNull();
    expect(texts()).toEqual(keySentences);
    expect(root.querySelector('[data-testid="writing-restart"]')).toBeNull();
  });

  it('labels written points read back from history', async () => {
    const storedAt = new Date();
    storedAt.setHours(9, 5, 0, 0);
    fakeBackend([makeDoc(1, '/s/one.txt')], {
      write_points: () => ({ ...makeWritten(1, 2), stored_at: storedAt.toISOString() }),
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() =>
      expect(texts()).toEqual(['Written about the first and third.', 'Written about the fourth.']),
    );
    expect(one(root, 'summary-stored').textContent).toBe('From history · summarised today at 09:05');
    one(root, 'points-view-sentences').click();
    expect(root.querySelector('[data-testid="summary-stored"]')).toBeNull();
  });

  it('stops writing when the document closes', async () => {
    fakeBackend([makeDoc(1, '/s/one.txt')]);
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(commands('write_points')).toHaveLength(1));
    root.querySelector<HTMLButtonElement>('.tab-item.active .tab-close')?.click();
    await vi.waitFor(() => expect(commands('close_document')).toHaveLength(1));
    expect(commands('cancel_writing', 'close_document').map((call) => call.cmd)).toEqual([
      'cancel_writing',
      'close_document',
    ]);
  });
});

describe('summaries from history', () => {
  it('labels key points read back from history, and only those', async () => {
    const storedAt = new Date();
    storedAt.setHours(9, 5, 0, 0);
    fakeBackend([makeDoc(1, '/s/one.txt'), makeDoc(2, '/s/two.txt')], {
      summarize: (args) =>
        args.docId === 1 ? { ...makeSummary(1), stored_at: storedAt.toISOString() } : makeSummary(2),
    });
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
    expect(one(root, 'summary-stored').textContent).toBe('From history · summarised today at 09:05');
    expect(root.querySelector('.points-meta')?.textContent).toBe('test-model · 7 ms');
    await app.openPaths(['/s/two.txt']);
    await vi.waitFor(() => expect(selectedTab(root)).toBe('/s/two.txt'));
    await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));
    expect(root.querySelector('[data-testid="summary-stored"]')).toBeNull();
  });
});

describe('long documents', () => {
  // Sizes are in chunks where it matters, so the tests hold whatever CHUNK_SENTENCES is tuned to.
  const C = CHUNK_SENTENCES;
  const number = (value: number): string => value.toLocaleString('en-US');
  /** A document of `count` one-sentence paragraphs. */
  const longDoc = (id: number, path: string, count: number): DocumentView => {
    const sentences = Array.from({ length: count }, (_, index) => `Sentence ${index}.`);
    return makeDoc(id, path, { sentences, paragraphs: sentences.map((_, index) => [index]) });
  };
  const indices = (): number[] => all(root, 'sentence').map((span) => Number(span.dataset.sentence));
  const upTo = (count: number): number[] => Array.from({ length: count }, (_, index) => index);
  const more = (): HTMLElement | null => root.querySelector<HTMLElement>('[data-testid="original-more"]');
  const sentence = (index: number): HTMLElement | null =>
    root.querySelector<HTMLElement>(`[data-sentence="${index}"]`);

  it('shows the start of a long document at once, then builds through far evidence of a pinned point', async () => {
    const doc = longDoc(1, '/s/long.txt', 100_000);
    fakeBackend([doc], {
      summarize: () => ({
        ...makeSummary(1),
        key_points: [
          {
            text: 'Far.',
            evidence: [90_000, 95_000].map((sentence) => ({ sentence, start: 0, end: 5 })),
            kind: 'sentence',
            issues: [],
          },
          { text: 'Near.', evidence: [{ sentence: 3, start: 0, end: 5 }], kind: 'sentence', issues: [] },
        ],
      }),
    });
    const scrolled: Element[] = [];
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', {
      configurable: true,
      value(this: HTMLElement) {
        // The tab strip scrolls its active tab into view too.
        if (this.dataset.testid === 'sentence') scrolled.push(this);
      },
    });
    try {
      const app = await start();
      await app.openPaths(['/s/long.txt']);
      // Far fewer elements than sentences: just the first chunk.
      expect(all(root, 'sentence').length).toBeLessThanOrEqual(2000);
      expect(indices()).toEqual(upTo(C));
      expect(more()?.textContent).toBe(`Showing ${number(C)} of 100,000 sentences — scroll for more`);
      await vi.waitFor(() => expect(all(root, 'key-point')).toHaveLength(2));

      all(root, 'key-point')[0]?.querySelector<HTMLElement>('.point-main')?.click();
      // Built in steps, so the window is not frozen until sentence 90,000 exists.
      expect(all(root, 'sentence').length).toBeLessThan(90_000);
      await vi.waitFor(() => expect(scrolled).toHaveLength(1), { timeout: 60_000 });
      const far = sentence(90_000);
      expect(scrolled[0]).toBe(far);
      expect(far?.classList.contains('highlight')).toBe(true);
      expect(far?.textContent).toBe('Sentence 90000.');
      // Everything before it, in order, through the end of its chunk.
      const through = Math.ceil(90_001 / C) * C;
      expect(indices()).toEqual(upTo(through));
      expect(more()?.textContent).toBe(`Showing ${number(through)} of 100,000 sentences — scroll for more`);

      // The other evidence sentence, built later, comes out highlighted too.
      expect(sentence(95_000)).toBeNull();
      while (!sentence(95_000) && more()) more()?.click();
      expect(sentence(95_000)?.classList.contains('highlight')).toBe(true);
      expect(sentence(94_999)?.classList.contains('highlight')).toBe(false);
    } finally {
      Reflect.deleteProperty(HTMLElement.prototype, 'scrollIntoView');
    }
  }, 90_000);

  it('says how much is shown, builds more when asked, and drops the line once all is shown', async () => {
    const total = 3.5 * C;
    fakeBackend([longDoc(1, '/s/long.txt', total)]);
    const app = await start();
    await app.openPaths(['/s/long.txt']);
    expect(indices()).toEqual(upTo(C));
    expect(more()?.textContent).toBe(`Showing ${number(C)} of ${number(total)} sentences — scroll for more`);
    expect(more()?.tagName).toBe('BUTTON');

    more()?.click();
    expect(indices()).toEqual(upTo(2 * C));
    expect(more()?.textContent).toBe(`Showing ${number(2 * C)} of ${number(total)} sentences — scroll for more`);
    // Clicking it is not clicking a sentence.
    expect(root.querySelector('.sentence.selected')).toBeNull();

    more()?.click();
    expect(indices()).toEqual(upTo(total));
    expect(more()).toBeNull();
    expect(one(root, 'original').querySelectorAll('.doc-body p')).toHaveLength(total);
  });

  it('shows a short document whole, with no status line', async () => {
    const doc = makeDoc(1, '/s/one.txt');
    fakeBackend([doc, longDoc(2, '/s/chunk-and-a-half.txt', 1.5 * C)]);
    const app = await start();
    await app.openPaths(['/s/one.txt']);
    expect(all(root, 'sentence').map((span) => span.textContent)).toEqual(doc.sentences);
    expect(more()).toBeNull();
    // A little over a chunk is not worth a second step.
    await app.openPaths(['/s/chunk-and-a-half.txt']);
    expect(indices()).toEqual(upTo(1.5 * C));
    expect(more()).toBeNull();
  });
});
