import type { DocumentView, HistoryEntry, KeyPoint, Summary } from './bindings';

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
    headings: [],
    asides: [],
    notice: null,
    ...overrides,
  };
}

const sentencePoint = (text: string, sentences: number[]): KeyPoint => ({
  text,
  evidence: sentences.map((sentence) => ({ sentence, start: 0, end: 15 })),
  kind: 'sentence',
  issues: [],
});

export function makeSummary(docId: number, count = 2): Summary {
  const key_points = [
    sentencePoint('Point about the first.', [0, 2]),
    sentencePoint('Point about the fourth.', [3]),
    sentencePoint('Point about the second.', [1, 2]),
  ].slice(0, count);
  return {
    doc_id: docId,
    key_points,
    kind: 'sentence',
    auto_count: false,
    model: 'test-model',
    timings_ms: { embed_ms: 5, rank_ms: 1, write_ms: 0, first_point_ms: 0, total_ms: 7 },
    stored_at: null,
  };
}

/** The `index`th of the points the fake writer writes; each cites other sentences than the key sentence before it. */
export function makeWrittenPoint(index: number, overrides: Partial<KeyPoint> = {}): KeyPoint {
  const written: Array<[string, number[]]> = [
    ['Written about the first and third.', [0, 2]],
    ['Written about the fourth.', [3]],
    ['Written about the second.', [1]],
  ];
  const [text, sentences] = written[index] ?? [`Written point ${index + 1}.`, [0]];
  return { ...sentencePoint(text, sentences), kind: 'written', ...overrides };
}

export function makeWritten(docId: number, count = 2): Summary {
  return {
    doc_id: docId,
    key_points: Array.from({ length: count }, (_, index) => makeWrittenPoint(index)),
    kind: 'written',
    auto_count: false,
    model: 'test-writer',
    timings_ms: { embed_ms: 0, rank_ms: 0, write_ms: 0, first_point_ms: 3100, total_ms: 9400 },
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
