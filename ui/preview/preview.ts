// Dev-only preview: runs the real UI in a browser against a fake backend (mockIPC), to look at it.
// Served by `npm run dev` at /preview/; not part of the production build.
// URL parameters: scenario=doc|welcome|progress|cancelled|error|writer-missing|writer-stopped, pin=N (1-based),
// select=N (sentence index), tab=N (1-based), focus=CSS selector, help, recent, history (the history panel),
// q=TEXT (search it), entry=N (open the Nth document listed in the history), still (no transitions, for headless
// screenshots), repeat=N (the first document's text N times over, to look at a long document built in parts).

import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import '../src/styles.css';
import { startApp } from '../src/app';
import type { DocumentView, HistoryEntry, KeyPoint, Summary } from '../src/bindings';
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

function makeDocument(
  id: number,
  path: string,
  text: string,
  title: string | null,
  encoding: string,
  notice: string | null = null,
): DocumentView {
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
    headings: [],
    asides: [],
    notice,
  };
}

const second = `Ministry of Finance — Statement on the 2025 budget framework
The Government today approved the medium-term budget framework for 2025–2027. The framework keeps the general government deficit below 3% of GDP in every year.
Spending on defence rises to 3% of GDP in 2025, and investment in energy security is protected. Social benefits will be indexed in line with inflation.
The Minister said the framework balances security needs with fiscal responsibility. The draft budget will be submitted to Parliament by 15 October.`;

const [heading, ...rest] = second.split('\n');
const repeat = Math.max(1, Math.floor(Number(params.get('repeat')) || 1));
const longFixture =
  repeat === 1 ? fixture : fixture + `\n${fixture.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '')}`.repeat(repeat - 1);
const docs = [
  makeDocument(1, '/home/analyst/Statements/statement-lt-it-defence-2024-07-02.txt', longFixture, null, 'UTF-8'),
  makeDocument(
    2,
    '/home/analyst/Statements/finance-budget-framework.txt',
    rest.join('\n'),
    heading ?? null,
    'windows-1252',
  ),
];

const speech = `The Prime Minister opened the Vilnius Security Conference by thanking the allies for their steady support. She said that deterrence on the eastern flank depends on forces that are present, trained and ready. Air defence remains the most urgent gap, and the Government will fund it ahead of other procurement.
Lithuania will host a brigade of allied troops by 2027, and the construction of training areas is on schedule. The Prime Minister called on partners to match commitments with deliveries.`;
const speechPath = '/home/analyst/Statements/pm-speech-security-conference.txt';
const speechTitle = 'Prime Minister’s speech at the Vilnius Security Conference';

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
  3: [
    [1, [0]],
    [2, []],
    [3, []],
    [4, []],
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
      kind: 'sentence' as const,
      issues: [],
    }));
}

// What the fake writer makes of a key sentence (by its index), with the flags the backend's checks would raise.
const written: Record<number, Record<number, Pick<KeyPoint, 'text' | 'issues'>>> = {
  1: {
    0: {
      text: 'Lithuania’s defence priorities with Italy are unchanged; it thanks Italy for its part in Baltic security.',
      issues: [],
    },
    9: {
      text: 'Italy is contributing air defence capabilities to Lithuania under the Rotational Air Defence Model.',
      issues: [
        {
          check: 'modality',
          detail: 'the statement says “invited Italy to contribute”; this point states it as done',
        },
      ],
    },
    14: { text: 'The minister called for a stronger fight against Russian disinformation about Ukraine.', issues: [] },
    4: {
      text: 'About 4,500 Italian troops serve in NATO’s Baltic battle group, and Italian ships patrol the Baltic Sea.',
      issues: [{ check: 'number', detail: '4,500 is not in the statement' }],
    },
    17: { text: 'Lithuania has a new defence industry law to attract investment.', issues: [] },
  },
  2: {
    1: { text: 'The 2025–2027 framework keeps the deficit below 3% of GDP every year.', issues: [] },
    2: { text: 'Defence spending rises to 3% of GDP in 2025; energy security investment is protected.', issues: [] },
    4: { text: 'The Minister says the framework balances security with fiscal responsibility.', issues: [] },
    5: { text: 'The draft budget goes to Parliament by 15 October.', issues: [] },
    3: { text: 'Social benefits will rise with inflation.', issues: [] },
  },
};

function writtenPoints(doc: DocumentView, count: number): KeyPoint[] {
  return keyPoints(doc, count).map((point) => {
    const sentence = point.evidence[0]?.sentence ?? -1;
    return { ...point, kind: 'written' as const, ...(written[doc.id]?.[sentence] ?? { text: point.text, issues: [] }) };
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function summarize(docId: number, points: number): Promise<Summary> {
  const doc = docs.find((candidate) => candidate.id === docId);
  if (!doc) throw { code: 'unknown_document', message: 'This document is no longer open.' };
  // The finance statement was summarised before: its five key points come back from history at once.
  if (docId === 2 && points === 5) {
    await sleep(60);
    return {
      doc_id: docId,
      key_points: keyPoints(doc, points),
      kind: 'sentence',
      auto_count: false,
      model: 'MiniLM-L6 (local)',
      timings_ms: { embed_ms: 298, rank_ms: 21, write_ms: 0, first_point_ms: 0, total_ms: 330 },
      stored_at: '2024-07-03T09:13:00Z',
    };
  }
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
  const step = Math.max(4, Math.ceil(total / 12));
  for (let done = step; done <= total; done += step) {
    await emit('summary-progress', { doc_id: docId, stage: 'embedding', done: Math.min(done, total), total });
    await sleep(40);
  }
  await emit('summary-progress', { doc_id: docId, stage: 'ranking', done: 0, total: 0 });
  await sleep(100);
  return {
    doc_id: docId,
    key_points: keyPoints(doc, points),
    kind: 'sentence',
    auto_count: false,
    model: 'MiniLM-L6 (local)',
    timings_ms: { embed_ms: 412, rank_ms: 38, write_ms: 0, first_point_ms: 0, total_ms: 463 },
    stored_at: null,
  };
}

// Writing jobs that were asked to stop, by document.
const stopWriting = new Set<number>();
let writerLoaded = false;

async function writePoints(docId: number, points: number): Promise<Summary> {
  const doc = docs.find((candidate) => candidate.id === docId);
  if (!doc) throw { code: 'unknown_document', message: 'This document is no longer open.' };
  const all = writtenPoints(doc, points);
  const summary: Summary = {
    doc_id: docId,
    key_points: all,
    kind: 'written',
    auto_count: false,
    model: 'Qwen2.5 1.5B (local)',
    timings_ms: { embed_ms: 0, rank_ms: 0, write_ms: 0, first_point_ms: 2600, total_ms: 2600 * all.length },
    stored_at: null,
  };
  // The finance statement's written points were stored too.
  if (docId === 2 && points === 5) return { ...summary, stored_at: '2024-07-03T09:13:00Z' };
  stopWriting.delete(docId);
  if (!writerLoaded) {
    await emit('summary-progress', { doc_id: docId, stage: 'loading_writer', done: 0, total: 0 });
    await sleep(1500);
    if (scenario === 'writer-missing') {
      throw {
        code: 'model_missing',
        message: 'The writing model is missing. Reinstall Brief to restore it; key sentences still work.',
      };
    }
    writerLoaded = true;
  }
  for (const [index, point] of all.entries()) {
    await emit('summary-progress', { doc_id: docId, stage: 'writing', done: index, total: all.length });
    await sleep(1800);
    // writer-stopped: as if Cancel was clicked while the third point was being written.
    if (stopWriting.has(docId) || (scenario === 'writer-stopped' && index === 2)) {
      throw { code: 'cancelled', message: 'cancelled' };
    }
    await emit('written-point', { doc_id: docId, index, point });
  }
  return summary;
}

// The history: each entry with the text the fake search looks in.
type StoredEntry = Omit<HistoryEntry, 'snippet'> & { text: string };

let stored: StoredEntry[] = [
  {
    id: 1,
    path: docs[0]!.path,
    file_name: docs[0]!.file_name,
    title: null,
    date: docs[0]!.date,
    opened_at: new Date().toISOString(),
    words: docs[0]!.words,
    summarized: true,
    text: docs[0]!.sentences.join(' '),
  },
  {
    id: 2,
    path: docs[1]!.path,
    file_name: docs[1]!.file_name,
    title: docs[1]!.title,
    date: null,
    opened_at: '2024-07-03T09:12:00Z',
    words: docs[1]!.words,
    summarized: true,
    text: docs[1]!.sentences.join(' '),
  },
  {
    id: 3,
    path: speechPath,
    file_name: 'pm-speech-security-conference.txt',
    title: speechTitle,
    date: '2024-06-28',
    opened_at: '2024-06-28T16:40:00Z',
    words: speech.split(/\s+/).length,
    summarized: false,
    text: speech.replace(/\n/g, ' '),
  },
  {
    id: 4,
    path: '/home/analyst/Downloads/nato-summit-communique.pdf',
    file_name: 'nato-summit-communique.pdf',
    title: 'Washington Summit Declaration',
    date: '2024-07-10',
    opened_at: '2024-07-11T08:05:00Z',
    words: 5120,
    summarized: true,
    text: 'We, the Heads of State and Government of the North Atlantic Alliance, have gathered in Washington to celebrate the 75th anniversary of our Alliance. Air defence and deterrence remain at the heart of our commitments.',
  },
  {
    id: 5,
    path: '/home/analyst/Documents/minister-interview.docx',
    file_name: 'minister-interview.docx',
    title: null,
    date: null,
    opened_at: '2024-05-02T13:30:00Z',
    words: 860,
    summarized: false,
    text: 'In an interview the Minister of Defence spoke about conscription, reserve training and the new brigade.',
  },
];

function snippet(text: string, query: string): string | null {
  const at = query === '' ? -1 : text.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return null;
  const start = Math.max(0, at - 50);
  const end = Math.min(text.length, at + query.length + 70);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

async function historyEntries(query: string, limit: number): Promise<HistoryEntry[]> {
  // Answer slower for short queries, so typing exercises the UI's dropping of stale answers.
  await sleep(query.length < 3 ? 120 : 30);
  const needle = query.trim().toLowerCase();
  return stored
    .filter((entry) =>
      [entry.title ?? '', entry.file_name, entry.text].some((field) => field.toLowerCase().includes(needle)),
    )
    .sort((a, b) => b.opened_at.localeCompare(a.opened_at))
    .slice(0, limit)
    .map(({ text, ...entry }) => ({ ...entry, snippet: snippet(text, query.trim()) }));
}

function openHistoryEntry(id: number): DocumentView {
  const entry = stored.find((candidate) => candidate.id === id);
  if (!entry) throw { code: 'history', message: 'This entry is no longer in the history.' };
  const open = docs.find((doc) => doc.path === entry.path);
  if (open) return open;
  if (entry.path === speechPath) {
    // The file was moved away since; Brief opens the copy it kept.
    const doc = makeDocument(
      3,
      speechPath,
      speech,
      speechTitle,
      'UTF-8',
      'The file is gone; this is the copy Brief kept when you opened it on 28 June 2024.',
    );
    docs.push(doc);
    return doc;
  }
  if (entry.file_name.endsWith('.pdf')) {
    throw { code: 'no_text', message: 'This PDF has no text to read; it may be a scan. Brief needs a text layer.' };
  }
  throw { code: 'not_found', message: `${entry.path} is gone, and Brief kept no copy of it.` };
}

mockWindows('main');
mockIPC(
  (cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case 'startup_paths':
        return scenario === 'welcome' ? [] : [docs[1]!.path, docs[0]!.path];
      case 'history_entries':
        return historyEntries(String(payload.query ?? ''), Number(payload.limit));
      case 'open_history_entry':
        return openHistoryEntry(Number(payload.id));
      case 'delete_history_entry':
        stored = stored.filter((entry) => entry.id !== Number(payload.id));
        return null;
      case 'clear_history':
        stored = [];
        return null;
      case 'open_document': {
        const doc = docs.find((candidate) => candidate.path === payload.path);
        if (doc) return doc;
        throw {
          code: 'binary',
          message: 'This file does not look like a statement. Brief opens text, Markdown, HTML, Word and PDF files.',
        };
      }
      case 'summarize':
        return summarize(Number(payload.docId), Number(payload.points));
      case 'write_points':
        return writePoints(Number(payload.docId), Number(payload.points));
      case 'cancel_writing':
        stopWriting.add(Number(payload.docId));
        return null;
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
    const entry = Number(params.get('entry'));
    if (params.has('history') || params.has('q') || entry > 0) {
      root.querySelector<HTMLElement>('[data-testid="history-button"]')?.click();
      const search = root.querySelector<HTMLInputElement>('[data-testid="history-search"]');
      const query = params.get('q');
      if (search && query) {
        search.value = query;
        search.dispatchEvent(new Event('input'));
      }
      if (entry > 0) {
        await sleep(400);
        root.querySelectorAll<HTMLElement>('[data-testid="history-open"]')[entry - 1]?.click();
      }
    }
  });
}
