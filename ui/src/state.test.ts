import { describe, expect, it } from 'vitest';
import {
  activate,
  activeDocument,
  addDocument,
  applyProgress,
  applyWrittenPoint,
  cancelSummary,
  citingPoints,
  clearSelection,
  closeDocument,
  cycle,
  evidenceSentences,
  failSummary,
  failWriting,
  findById,
  finishSummary,
  finishWriting,
  initialState,
  markWritingCancelling,
  setPointsView,
  shownPoints,
  startSummary,
  startWriting,
  stopWriting,
  togglePin,
  toggleSentence,
  type AppState,
} from './state';
import { makeDoc, makeSummary, makeWritten, makeWrittenPoint } from './testData';

function withDocs(...ids: number[]): AppState {
  return ids.reduce((state, id) => addDocument(state, makeDoc(id), 5), initialState);
}

describe('opening and switching', () => {
  it('makes a newly opened document active', () => {
    const state = withDocs(1, 2);
    expect(state.docs.map((open) => open.doc.id)).toEqual([1, 2]);
    expect(state.activeId).toBe(2);
    expect(activeDocument(state)?.points).toBe(5);
  });

  it('activates the existing tab when the same path is opened again', () => {
    const state = withDocs(1, 2);
    const again = addDocument(state, makeDoc(3, '/statements/doc-1.txt'), 5);
    expect(again.docs).toHaveLength(2);
    expect(again.activeId).toBe(1);
  });

  it('keeps each document’s summary when switching tabs', () => {
    let state = withDocs(1, 2);
    state = startSummary(state, 1, 1, 5);
    state = startSummary(state, 2, 2, 4);
    state = finishSummary(state, 1, 1, makeSummary(1));
    state = finishSummary(state, 2, 2, makeSummary(2, 1));
    const first = findById(state, 1)?.summary;
    const switched = activate(activate(state, 1), 2);
    expect(findById(switched, 1)?.summary).toBe(first);
    expect(activeDocument(switched)?.summary).toEqual({ kind: 'ready', summary: makeSummary(2, 1) });
    expect(activeDocument(switched)?.points).toBe(4);
  });

  it('cycles through tabs in both directions, wrapping around', () => {
    const state = withDocs(1, 2, 3);
    expect(cycle(state, 1).activeId).toBe(1);
    expect(cycle(state, -1).activeId).toBe(2);
    expect(cycle(withDocs(1), 1)).toEqual(withDocs(1));
  });

  it('ignores activating a document that is not open', () => {
    const state = withDocs(1);
    expect(activate(state, 9)).toBe(state);
  });
});

describe('closing', () => {
  it('picks the right neighbour when the active tab closes', () => {
    const state = activate(withDocs(1, 2, 3), 2);
    const closed = closeDocument(state, 2);
    expect(closed.docs.map((open) => open.doc.id)).toEqual([1, 3]);
    expect(closed.activeId).toBe(3);
  });

  it('picks the left neighbour when the last tab closes', () => {
    expect(closeDocument(withDocs(1, 2, 3), 3).activeId).toBe(2);
  });

  it('keeps the active tab when another one closes', () => {
    expect(closeDocument(withDocs(1, 2, 3), 1).activeId).toBe(3);
  });

  it('has no active document after closing the only one', () => {
    expect(closeDocument(withDocs(1), 1)).toEqual({ docs: [], activeId: null, pointsView: 'written' });
  });
});

describe('summaries', () => {
  it('records progress only while running', () => {
    let state = startSummary(withDocs(1), 1, 1, 5);
    const progress = { doc_id: 1, stage: 'embedding' as const, done: 3, total: 9 };
    state = applyProgress(state, progress);
    expect(activeDocument(state)?.summary).toMatchObject({ kind: 'running', progress });
    state = finishSummary(state, 1, 1, makeSummary(1));
    expect(applyProgress(state, progress)).toBe(state);
  });

  it('ignores an answer to an older request', () => {
    let state = startSummary(withDocs(1), 1, 1, 5);
    state = startSummary(state, 1, 2, 7);
    state = cancelSummary(state, 1, 1);
    expect(activeDocument(state)?.summary).toMatchObject({ kind: 'running', request: 2 });
    state = finishSummary(state, 1, 2, makeSummary(1));
    expect(activeDocument(state)?.summary.kind).toBe('ready');
  });

  it('records cancellation and failure', () => {
    const running = startSummary(withDocs(1), 1, 1, 5);
    expect(activeDocument(cancelSummary(running, 1, 1))?.summary).toEqual({ kind: 'cancelled' });
    expect(activeDocument(failSummary(running, 1, 1, 'No model.'))?.summary).toEqual({
      kind: 'failed',
      message: 'No model.',
    });
  });

  it('drops the pin when summarising again', () => {
    let state = finishSummary(startSummary(withDocs(1), 1, 1, 5), 1, 1, makeSummary(1));
    state = togglePin(state, 1, 1);
    expect(activeDocument(state)?.pinned).toBe(1);
    expect(activeDocument(startSummary(state, 1, 2, 6))?.pinned).toBeNull();
  });
});

describe('written key points', () => {
  /** Document 1 with its key sentences chosen and writing started as request 2. */
  const writing = (): AppState =>
    startWriting(finishSummary(startSummary(withDocs(1), 1, 1, 5), 1, 1, makeSummary(1)), 1, 2);
  const point = (index: number) => ({ doc_id: 1, index, point: makeWrittenPoint(index) });
  const texts = (state: AppState): string[] =>
    shownPoints(activeDocument(state), state.pointsView).map((shown) => shown.text);

  it('starts idle and is reset when the key sentences are chosen again', () => {
    expect(activeDocument(withDocs(1))?.writing).toEqual({ kind: 'idle' });
    const state = applyWrittenPoint(writing(), point(0));
    expect(activeDocument(startSummary(state, 1, 3, 7))?.writing).toEqual({ kind: 'idle' });
  });

  it('appends and replaces points by index, and drops one that would leave a gap', () => {
    let state = applyWrittenPoint(writing(), point(0));
    state = applyWrittenPoint(state, point(2));
    state = applyWrittenPoint(state, point(1));
    expect(texts(state)).toEqual(['Written about the first and third.', 'Written about the fourth.']);
    state = applyWrittenPoint(state, { doc_id: 1, index: 0, point: makeWrittenPoint(0, { text: 'Again.' }) });
    expect(texts(state)).toEqual(['Again.', 'Written about the fourth.']);
    expect(applyWrittenPoint(state, { ...point(0), doc_id: 9 })).toBe(state);
  });

  it('shows the key sentences until the first written point, in the Written view only', () => {
    let state = writing();
    expect(texts(state)).toEqual(['Point about the first.', 'Point about the fourth.']);
    state = applyWrittenPoint(state, point(0));
    expect(texts(state)).toEqual(['Written about the first and third.']);
    expect(texts(setPointsView(state, 'sentences'))).toEqual(['Point about the first.', 'Point about the fourth.']);
    expect(shownPoints(activeDocument(startSummary(state, 1, 3, 5)), 'written')).toEqual([]);
  });

  it('routes progress by stage to the writing or the key sentences', () => {
    const state = writing();
    const writingProgress = { doc_id: 1, stage: 'writing' as const, done: 2, total: 5 };
    expect(activeDocument(applyProgress(state, writingProgress))?.writing).toMatchObject({ progress: writingProgress });
    // The key sentences are ready, so a progress event of theirs changes nothing.
    expect(applyProgress(state, { doc_id: 1, stage: 'embedding', done: 1, total: 5 })).toBe(state);
    const summarising = startSummary(withDocs(1), 1, 1, 5);
    expect(applyProgress(summarising, { doc_id: 1, stage: 'loading_writer', done: 0, total: 0 })).toBe(summarising);
  });

  it('keeps the written points when stopped, and a restart starts from them', () => {
    let state = applyWrittenPoint(writing(), point(0));
    state = markWritingCancelling(state, 1);
    expect(activeDocument(state)?.writing).toMatchObject({ kind: 'running', cancelling: true });
    state = stopWriting(state, 1, 2);
    // One written point per key sentence: 2 of them, though 5 were asked for.
    expect(activeDocument(state)?.writing).toEqual({ kind: 'stopped', total: 2, points: [makeWrittenPoint(0)] });
    state = startWriting(state, 1, 3);
    expect(activeDocument(state)?.writing).toMatchObject({
      kind: 'running',
      request: 3,
      points: [makeWrittenPoint(0)],
    });
  });

  it('settles only the current request', () => {
    let state = startWriting(stopWriting(writing(), 1, 2), 1, 3);
    expect(finishWriting(state, 1, 2, makeWritten(1))).toBe(state);
    expect(failWriting(state, 1, 2, 'No model.')).toBe(state);
    state = failWriting(state, 1, 3, 'No model.');
    expect(activeDocument(state)?.writing).toEqual({ kind: 'failed', message: 'No model.' });
    expect(texts(state)).toEqual(['Point about the first.', 'Point about the fourth.']);
    state = finishWriting(startWriting(state, 1, 4), 1, 4, makeWritten(1, 3));
    expect(texts(state)).toHaveLength(3);
  });

  it('drops the pin when another list takes the place of the one it was in', () => {
    let state = togglePin(writing(), 1, 1);
    // The first written point replaces the key sentences on screen.
    state = applyWrittenPoint(state, point(0));
    expect(activeDocument(state)?.pinned).toBeNull();
    state = togglePin(state, 1, 0);
    state = applyWrittenPoint(state, point(1));
    expect(activeDocument(state)?.pinned).toBe(0);
    expect(activeDocument(setPointsView(state, 'sentences'))?.pinned).toBeNull();
    // In the Key sentences view the written points arriving change nothing on screen.
    const sentences = togglePin(setPointsView(writing(), 'sentences'), 1, 1);
    expect(activeDocument(applyWrittenPoint(sentences, point(0)))?.pinned).toBe(1);
  });
});

describe('selection', () => {
  it('toggles the pin and the selected sentence, and Escape clears both', () => {
    let state = togglePin(withDocs(1), 1, 0);
    state = toggleSentence(state, 1, 2);
    expect(activeDocument(state)).toMatchObject({ pinned: 0, selectedSentence: 2 });
    expect(activeDocument(toggleSentence(togglePin(state, 1, 0), 1, 2))).toMatchObject({
      pinned: null,
      selectedSentence: null,
    });
    expect(activeDocument(clearSelection(state, 1))).toMatchObject({ pinned: null, selectedSentence: null });
  });

  it('finds evidence and citing points', () => {
    const { key_points } = makeSummary(1, 3);
    expect(
      evidenceSentences({
        text: 'x',
        evidence: [
          { sentence: 4, start: 0, end: 1 },
          { sentence: 4, start: 2, end: 3 },
          { sentence: 1, start: 0, end: 1 },
        ],
        kind: 'sentence',
        issues: [],
      }),
    ).toEqual([4, 1]);
    expect(citingPoints(key_points, 2)).toEqual([0, 2]);
    expect(citingPoints(key_points, 9)).toEqual([]);
  });
});
