// Dev-only preview: runs the real UI in a browser against a fake backend (mockIPC), to look at it.
// Served by `npm run dev` at /preview/; not part of the production build.
// URL parameters: scenario=doc|welcome|progress|cancelled|error, pin=N (1-based), select=N (sentence index),
// tab=N (1-based), focus=CSS selector, help, recent, still (no transitions, for headless screenshots).

import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import '../src/styles.css';
import { startApp } from '../src/app';
import type { DocumentView, KeyPoint, RecentDocument, Summary } from '../src/bindings';
import fixture from '../../tests/fixtures/statement-lt-it-defence-2024-07-02.txt?raw';

const params = new URLSearchParams(location.search);
const scenario = params.get('scenario') ?? 'doc';

// Headless screenshots freeze the clock, so CSS transitions would be caught half-way.
if (params.has('still')) {
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { transition: none !important; scroll-behavior: auto !important; }';
  document.head.append(style);
}

function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?][”"’]?)\s+(?=[“"A-Z])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function makeDocument(id: number, path: string, text: string, title: string | null, encoding: string): DocumentView {
  let date: string | null = null;
  const body = text.replace(/^\s*date (\d{4}-\d{2}-\d{2})\s*/, (_, found: string) => {
    date = found;
    return '';
  });
  const sentences: string[] = [];
  const paragraphs = body
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => splitSentences(line).map((sentence) => sentences.push(sentence) - 1));
  const words = body.split(/\s+/).filter(Boolean).length;
  return {
    id,
    path,
    file_name: path.split('/').pop() ?? path,
    title,
    date,
    encoding,
    words,
    reading_minutes: Math.max(1, Math.round(words / 230)),
    sentences,
    paragraphs,
  };
}

const second = `Ministry of Finance — Statement on the 2025 budget framework
The Government today approved the medium-term budget framework for 2025–2027. The framework keeps the general government deficit below 3% of GDP in every year.
Spending on defence rises to 3% of GDP in 2025, and investment in energy security is protected. Social benefits will be indexed in line with inflation.
The Minister said the framework balances security needs with fiscal responsibility. The draft budget will be submitted to Parliament by 15 October.`;

const [heading, ...rest] = second.split('\n');
const docs = [
  makeDocument(1, '/home/analyst/Statements/statement-lt-it-defence-2024-07-02.txt', fixture, null, 'UTF-8'),
  makeDocument(
    2,
    '/home/analyst/Statements/finance-budget-framework.txt',
    rest.join('\n'),
    heading ?? null,
    'windows-1252',
  ),
];

// Sentences the fake ranker prefers, best first, with a supporting sentence for some.
const ranking: Record<number, Array<[number, number[]]>> = {
  1: [
    [0, [2]],
    [9, [10]],
    [14, []],
    [4, [5]],
    [17, []],
    [20, [21]],
    [11, []],
    [6, []],
    [19, []],
    [1, []],
    [13, []],
    [7, []],
  ],
  2: [
    [1, [0]],
    [2, []],
    [4, []],
    [5, []],
    [3, []],
  ],
};

function keyPoints(doc: DocumentView, count: number): KeyPoint[] {
  return (ranking[doc.id] ?? [])
    .filter(([sentence]) => sentence < doc.sentences.length)
    .slice(0, count)
    .map(([sentence, extra]) => ({
      text: doc.sentences[sentence] ?? '',
      evidence: [sentence, ...extra].map((index) => ({
        sentence: index,
        start: 0,
        end: (doc.sentences[index] ?? '').length,
      })),
    }));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function summarize(docId: number, points: number): Promise<Summary> {
  const doc = docs.find((candidate) => candidate.id === docId);
  if (!doc) throw { code: 'unknown_document', message: 'This document is no longer open.' };
  const total = doc.sentences.length;
  await emit('summary-progress', { doc_id: docId, stage: 'loading_model', done: 0, total: 0 });
  await sleep(150);
  if (scenario === 'progress' && docId === 1) {
    await emit('summary-progress', { doc_id: docId, stage: 'embedding', done: 12, total });
    return new Promise(() => undefined);
  }
  if (scenario === 'cancelled' && docId === 1) throw { code: 'cancelled', message: 'The summary was cancelled.' };
  if (scenario === 'error' && docId === 1) {
    throw { code: 'model_missing', message: 'The summarisation model is missing. Reinstall Brief to restore it.' };
  }
  for (let done = 4; done <= total; done += 4) {
    await emit('summary-progress', { doc_id: docId, stage: 'embedding', done: Math.min(done, total), total });
    await sleep(40);
  }
  await emit('summary-progress', { doc_id: docId, stage: 'ranking', done: 0, total: 0 });
  await sleep(100);
  return {
    doc_id: docId,
    key_points: keyPoints(doc, points),
    model: 'MiniLM-L6 (local)',
    timings_ms: { embed_ms: 412, rank_ms: 38, total_ms: 463 },
  };
}

const recent: RecentDocument[] = [
  { path: docs[0]!.path, title: null, file_name: docs[0]!.file_name, opened_at: new Date().toISOString() },
  { path: docs[1]!.path, title: docs[1]!.title, file_name: docs[1]!.file_name, opened_at: '2024-07-03T09:12:00Z' },
  {
    path: '/home/analyst/Statements/pm-speech-security-conference.txt',
    title: 'Prime Minister’s speech at the Vilnius Security Conference',
    file_name: 'pm-speech-security-conference.txt',
    opened_at: '2024-06-28T16:40:00Z',
  },
];

mockWindows('main');
mockIPC(
  (cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case 'startup_paths':
        return scenario === 'welcome' ? [] : [docs[1]!.path, docs[0]!.path];
      case 'recent_documents':
        return recent;
      case 'open_document': {
        const doc = docs.find((candidate) => candidate.path === payload.path);
        if (doc) return doc;
        throw { code: 'binary', message: 'This file does not look like text. Brief opens plain-text statements.' };
      }
      case 'summarize':
        return summarize(Number(payload.docId), Number(payload.points));
      case 'plugin:dialog|open':
        return [docs[0]!.path];
      case 'export_text':
        return '/home/analyst/key-points.md';
      default:
        return null;
    }
  },
  { shouldMockEvents: true },
);

const root = document.getElementById('app');
if (root) {
  void startApp(root).then(async (app) => {
    if (scenario === 'error') await app.openPaths(['/home/analyst/Downloads/annual-report.pdf']);
    await sleep(1200);
    const pin = Number(params.get('pin'));
    if (pin > 0) root.querySelectorAll<HTMLElement>('[data-testid="key-point"] .point-main')[pin - 1]?.click();
    const select = params.get('select');
    if (select !== null) root.querySelector<HTMLElement>(`[data-sentence="${select}"]`)?.click();
    const tab = Number(params.get('tab'));
    if (tab > 0) root.querySelectorAll<HTMLElement>('[data-testid="tab"]')[tab - 1]?.click();
    const focus = params.get('focus');
    if (focus) root.querySelector<HTMLElement>(focus)?.focus();
    if (params.has('help')) root.querySelector<HTMLElement>('[data-testid="help-button"]')?.click();
    if (params.has('recent')) root.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.click();
  });
}
