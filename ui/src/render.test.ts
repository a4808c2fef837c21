import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp } from './app';
import { makeDoc, makeEntry } from './testData';

// Document text, names, key points and error messages must show as literal text, never as markup.

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

afterEach(() => clearMocks());

describe('rendering untrusted text', () => {
  it('shows markup in a document, its key points and errors as literal text', async () => {
    const doc = makeDoc(1, `/s/${IMG}.txt`, {
      title: `Title ${SCRIPT}`,
      file_name: `${IMG}.txt`,
      encoding: `<b>bold</b>`,
      sentences: [`Before ${SCRIPT} after.`, `An image ${IMG} here.`],
      paragraphs: [[0, 1]],
      notice: `Kept copy ${IMG}`,
    });
    const entry = makeEntry(1, `/r/${SCRIPT}`, {
      title: IMG,
      file_name: SCRIPT,
      date: '<i>date</i>',
      opened_at: 'x',
      summarized: true,
      snippet: `…before ${IMG} after…`,
    });
    mockWindows('main');
    mockIPC(
      (cmd, args) => {
        switch (cmd) {
          case 'open_document':
            if ((args as { path: string }).path === doc.path) return doc;
            throw { code: 'unreadable', message: `Cannot read ${IMG}` };
          case 'summarize':
            return {
              doc_id: 1,
              key_points: [
                {
                  text: `Point ${SCRIPT} ${IMG}`,
                  evidence: [{ sentence: 1, start: 0, end: 5 }],
                  kind: 'sentence',
                  issues: [],
                },
              ],
              kind: 'sentence',
              model: `<i>model</i>`,
              timings_ms: { embed_ms: 1, rank_ms: 1, total_ms: 2 },
              stored_at: `<b>${IMG}</b>`,
            };
          case 'write_points':
            return {
              doc_id: 1,
              key_points: [
                {
                  text: `Written ${IMG}`,
                  evidence: [{ sentence: 0, start: 0, end: 5 }],
                  kind: 'written',
                  issues: [{ check: 'quote', detail: `${SCRIPT} is not in the statement` }],
                },
              ],
              kind: 'written',
              model: `<i>writer</i>`,
              timings_ms: { embed_ms: 0, rank_ms: 0, total_ms: 2 },
              stored_at: null,
            };
          case 'history_entries':
            return [entry];
          default:
            return [];
        }
      },
      { shouldMockEvents: true },
    );
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    const app = await startApp(root);
    await app.openPaths([doc.path, `/s/${SCRIPT}.txt`]);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="key-point"]')).toHaveLength(1));

    expect(root.querySelectorAll('script, img, b, i')).toHaveLength(0);
    const sentences = [...root.querySelectorAll('[data-testid="sentence"]')].map((span) => span.textContent);
    expect(sentences).toEqual([`Before ${SCRIPT} after.`, `An image ${IMG} here.`]);
    expect(root.querySelector('.doc-title')?.textContent).toBe(`Title ${SCRIPT}`);
    expect(root.querySelector('[data-testid="tab"]')?.textContent).toBe(`Title ${SCRIPT}`);
    // The written point the model returned, flagged with a detail that quotes markup.
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="point-text"]')?.textContent).toBe(`Written ${IMG}`),
    );
    expect(root.querySelector('[data-testid="point-issues"]')?.textContent).toBe(`${SCRIPT} is not in the statement`);
    root.querySelector<HTMLElement>('[data-testid="points-view-sentences"]')?.click();
    expect(root.querySelector('[data-testid="point-text"]')?.textContent).toBe(`Point ${SCRIPT} ${IMG}`);
    expect(root.querySelector('[data-testid="error-banner"]')?.textContent).toContain(`Cannot read ${IMG}`);
    expect(root.querySelector('.encoding')?.textContent).toBe('<b>bold</b>');
    expect(root.textContent).toContain(`${IMG}.txt`);
    expect(root.querySelector('[data-testid="document-notice"]')?.textContent).toBe(`Kept copy ${IMG}`);
    expect(root.querySelector('[data-testid="summary-stored"]')?.textContent).toBe('From history');
    expect(root.querySelector('[data-testid="recent-menu"]')).not.toBeNull();

    // The history panel, searched for a word inside the markup: the match is marked, the rest stays text.
    root.querySelector<HTMLElement>('[data-testid="history-button"]')?.click();
    const search = root.querySelector<HTMLInputElement>('[data-testid="history-search"]');
    if (search) {
      search.value = 'img';
      search.dispatchEvent(new Event('input'));
    }
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="history-snippet"] mark')).toHaveLength(1));
    const row = root.querySelector('[data-testid="history-entry"]');
    expect(row?.querySelector('.history-title')?.textContent).toBe(IMG);
    expect(row?.querySelector('[data-testid="history-snippet"]')?.textContent).toBe(`…before ${IMG} after…`);
    expect(row?.querySelector('[data-testid="history-snippet"] mark')?.textContent).toBe('img');
    expect(row?.querySelector('.history-file')?.getAttribute('title')).toBe(`/r/${SCRIPT}`);
    expect(row?.textContent).toContain('<i>date</i>');
    expect(root.querySelectorAll('script, img, b, i')).toHaveLength(0);
  });
});

describe('source code', () => {
  const sources = import.meta.glob(['./**/*.ts', '../preview/*.ts', '!./**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });

  it('never parses strings as HTML', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const [file, text] of Object.entries(sources)) {
      expect(text, file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/,
      );
    }
  });

  it('has no inline scripts or event handlers in the HTML pages', () => {
    const pages = import.meta.glob(['../index.html', '../preview/index.html'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(pages)).toHaveLength(2);
    for (const [file, html] of Object.entries(pages)) {
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
      for (const tag of String(html).match(/<script[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(tag, file).toMatch(/^<script type="module" src="[^"]+"><\/script>$/);
      }
    }
  });
});
