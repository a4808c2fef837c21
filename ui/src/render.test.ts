import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp } from './app';
import { makeDoc } from './testData';

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
              key_points: [{ text: `Point ${SCRIPT} ${IMG}`, evidence: [{ sentence: 1, start: 0, end: 5 }] }],
              model: `<i>model</i>`,
              timings_ms: { embed_ms: 1, rank_ms: 1, total_ms: 2 },
            };
          case 'recent_documents':
            return [{ path: `/r/${SCRIPT}`, title: IMG, file_name: SCRIPT, opened_at: 'x' }];
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
    expect(root.querySelector('[data-testid="point-text"]')?.textContent).toBe(`Point ${SCRIPT} ${IMG}`);
    expect(root.querySelector('[data-testid="error-banner"]')?.textContent).toContain(`Cannot read ${IMG}`);
    expect(root.querySelector('.encoding')?.textContent).toBe('<b>bold</b>');
    expect(root.textContent).toContain(`${IMG}.txt`);
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
