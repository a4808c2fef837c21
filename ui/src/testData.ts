import type { DocumentView, HistoryEntry, Summary } from './bindings';

// Small documents and summaries shared by the tests.

export function makeDoc(
  id: number,
  path = `/statements/doc-${id}.txt`,
  overrides: Partial<DocumentView> = {},
): DocumentView {
  return {
    id,
    path,
    file_name: path.split('/').pop() ?? path,
    title: `Statement ${id}`,
    date: '2024-07-02',
    encoding: 'UTF-8',
    words: 24,
    reading_minutes: 1,
    sentences: ['First sentence.', 'Second sentence.', 'Third sentence.', 'Fourth sentence.'],
    paragraphs: [
      [0, 1],
      [2, 3],
    ],
    notice: null,
    ...overrides,
  };
}

export function makeSummary(docId: number, count = 2): Summary {
  const key_points = [
    {
      text: 'Point about the first.',
      evidence: [
        { sentence: 0, start: 0, end: 15 },
        { sentence: 2, start: 0, end: 15 },
      ],
    },
    { text: 'Point about the fourth.', evidence: [{ sentence: 3, start: 0, end: 16 }] },
    {
      text: 'Point about the second.',
      evidence: [
        { sentence: 1, start: 0, end: 16 },
        { sentence: 2, start: 0, end: 15 },
      ],
    },
  ].slice(0, count);
  return {
    doc_id: docId,
    key_points,
    model: 'test-model',
    timings_ms: { embed_ms: 5, rank_ms: 1, total_ms: 7 },
    stored_at: null,
  };
}

export function makeEntry(
  id: number,
  path = `/statements/doc-${id}.txt`,
  overrides: Partial<HistoryEntry> = {},
): HistoryEntry {
  return {
    id,
    path,
    file_name: path.split('/').pop() ?? path,
    title: `Statement ${id}`,
    date: '2024-07-02',
    opened_at: '2024-07-03T09:12:00Z',
    words: 1234,
    summarized: false,
    snippet: null,
    ...overrides,
  };
}
