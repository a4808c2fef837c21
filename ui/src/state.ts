import type { DocumentView, KeyPoint, Progress, Summary } from './bindings';

// Pure application state: which documents are open, which is active, each one's summary and selection.
// Every function returns a new state and leaves its input untouched, so views can compare by reference.

export type SummaryState =
  | { kind: 'running'; request: number; progress: Progress | null; cancelling: boolean }
  | { kind: 'ready'; summary: Summary }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export type OpenDocument = {
  doc: DocumentView;
  /** The number of key points asked for, shown by the count control while this document is active. */
  points: number;
  summary: SummaryState;
  /** Index of the key point whose evidence stays highlighted. */
  pinned: number | null;
  /** Sentence the reader clicked in the original. */
  selectedSentence: number | null;
};

export type AppState = { docs: readonly OpenDocument[]; activeId: number | null };

export const initialState: AppState = { docs: [], activeId: null };

export function findById(state: AppState, id: number): OpenDocument | undefined {
  return state.docs.find((open) => open.doc.id === id);
}

export function findByPath(state: AppState, path: string): OpenDocument | undefined {
  return state.docs.find((open) => open.doc.path === path);
}

export function activeDocument(state: AppState): OpenDocument | undefined {
  return state.activeId === null ? undefined : findById(state, state.activeId);
}

function updateDoc(state: AppState, id: number, change: (open: OpenDocument) => OpenDocument): AppState {
  let changed = false;
  const docs = state.docs.map((open) => {
    if (open.doc.id !== id) return open;
    const next = change(open);
    changed ||= next !== open;
    return next;
  });
  return changed ? { ...state, docs } : state;
}

/** Adds a document and makes it active; a path that is already open just becomes active. */
export function addDocument(state: AppState, doc: DocumentView, points: number): AppState {
  const existing = findByPath(state, doc.path) ?? findById(state, doc.id);
  if (existing) return activate(state, existing.doc.id);
  const open: OpenDocument = {
    doc,
    points,
    // Request 0 until the caller starts the real one; opening always summarises straight away.
    summary: { kind: 'running', request: 0, progress: null, cancelling: false },
    pinned: null,
    selectedSentence: null,
  };
  return { docs: [...state.docs, open], activeId: doc.id };
}

export function activate(state: AppState, id: number): AppState {
  if (state.activeId === id || !findById(state, id)) return state;
  return { ...state, activeId: id };
}

/** Removes a document; closing the active one activates its right neighbour, else its left one. */
export function closeDocument(state: AppState, id: number): AppState {
  const index = state.docs.findIndex((open) => open.doc.id === id);
  if (index < 0) return state;
  const docs = state.docs.filter((_, i) => i !== index);
  if (state.activeId !== id) return { ...state, docs };
  const neighbour = docs[index] ?? docs[index - 1];
  return { docs, activeId: neighbour ? neighbour.doc.id : null };
}

/** Moves to the next (+1) or previous (-1) tab, wrapping around. */
export function cycle(state: AppState, step: 1 | -1): AppState {
  const count = state.docs.length;
  if (count < 2) return state;
  const index = state.docs.findIndex((open) => open.doc.id === state.activeId);
  const next = state.docs[(index + step + count) % count];
  return next ? activate(state, next.doc.id) : state;
}

export function startSummary(state: AppState, id: number, request: number, points: number): AppState {
  return updateDoc(state, id, (open) => ({
    ...open,
    points,
    summary: { kind: 'running', request, progress: null, cancelling: false },
    // Old pins point into the old list of key points.
    pinned: null,
  }));
}

export function markCancelling(state: AppState, id: number): AppState {
  return updateDoc(state, id, (open) =>
    open.summary.kind === 'running' && !open.summary.cancelling
      ? { ...open, summary: { ...open.summary, cancelling: true } }
      : open,
  );
}

export function applyProgress(state: AppState, progress: Progress): AppState {
  return updateDoc(state, progress.doc_id, (open) =>
    open.summary.kind === 'running' ? { ...open, summary: { ...open.summary, progress } } : open,
  );
}

// A late answer to an older request (e.g. before the count changed) must not overwrite the newer one.
function settle(state: AppState, id: number, request: number, summary: SummaryState): AppState {
  return updateDoc(state, id, (open) =>
    open.summary.kind === 'running' && open.summary.request === request ? { ...open, summary } : open,
  );
}

export function finishSummary(state: AppState, id: number, request: number, summary: Summary): AppState {
  return settle(state, id, request, { kind: 'ready', summary });
}

export function cancelSummary(state: AppState, id: number, request: number): AppState {
  return settle(state, id, request, { kind: 'cancelled' });
}

export function failSummary(state: AppState, id: number, request: number, message: string): AppState {
  return settle(state, id, request, { kind: 'failed', message });
}

export function togglePin(state: AppState, id: number, point: number): AppState {
  return updateDoc(state, id, (open) => ({ ...open, pinned: open.pinned === point ? null : point }));
}

export function toggleSentence(state: AppState, id: number, sentence: number): AppState {
  return updateDoc(state, id, (open) => ({
    ...open,
    selectedSentence: open.selectedSentence === sentence ? null : sentence,
  }));
}

export function clearSelection(state: AppState, id: number): AppState {
  return updateDoc(state, id, (open) =>
    open.pinned === null && open.selectedSentence === null ? open : { ...open, pinned: null, selectedSentence: null },
  );
}

export function keyPointsOf(open: OpenDocument | undefined): readonly KeyPoint[] {
  return open?.summary.kind === 'ready' ? open.summary.summary.key_points : [];
}

/** Sentence indices a key point cites, in order, without repeats. */
export function evidenceSentences(point: KeyPoint): number[] {
  return [...new Set(point.evidence.map((evidence) => evidence.sentence))];
}

/** Indices of the key points that cite a sentence. */
export function citingPoints(points: readonly KeyPoint[], sentence: number): number[] {
  const result: number[] = [];
  points.forEach((point, index) => {
    if (point.evidence.some((evidence) => evidence.sentence === sentence)) result.push(index);
  });
  return result;
}
