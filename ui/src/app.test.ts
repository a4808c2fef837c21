import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from './app';
import type { DocumentView, Summary } from './bindings';
import { makeDoc, makeSummary } from './testData';

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
        case 'recent_documents':
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
