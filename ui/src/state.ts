import type { DocumentView, KeyPoint, Progress, ProgressStage, Summary, WrittenPoint } from './bindings';
import type { PointCount, PointsView } from './settings';

// Pure application state: which documents are open, which is active, each one's key sentences, written key points
// and selection, and which of the two lists the panel shows.
// Every function returns a new state and leaves its input untouched, so views can compare by reference.

export type SummaryState =
  | { kind: 'running'; request: number; progress: Progress | null; cancelling: boolean }
  | { kind: 'ready'; summary: Summary }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** The key points the model writes after the key sentences are chosen, arriving one at a time. */
export type WritingState =
  | { kind: 'idle' }
  | {
      kind: 'running';
      request: number;
      /** Points asked for. */
      total: number;
      /** Written so far, in order. */
      points: readonly KeyPoint[];
      progress: Progress | null;
      cancelling: boolean;
    }
  | { kind: 'ready'; summary: Summary }
  | { kind: 'stopped'; total: number; points: readonly KeyPoint[] }
  | { kind: 'failed'; message: string };

export type OpenDocument = {
  doc: DocumentView;
  /** The number of key points asked for, shown by the count control while this document is active. */
  points: PointCount;
  summary: SummaryState;
  writing: WritingState;
  /** Index of the key point (in the list on screen) whose evidence stays highlighted. */
  pinned: number | null;
  /** Sentence the reader clicked in the original. */
  selectedSentence: number | null;
};

export type AppState = { docs: readonly OpenDocument[]; activeId: number | null; pointsView: PointsView };

export const initialState: AppState = { docs: [], activeId: null, pointsView: 'written' };

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
export function addDocument(state: AppState, doc: DocumentView, points: PointCount): AppState {
  const existing = findByPath(state, doc.path) ?? findById(state, doc.id);
  if (existing) return activate(state, existing.doc.id);
  const open: OpenDocument = {
    doc,
    points,
    // Request 0 until the caller starts the real one; opening always summarises straight away.
    summary: { kind: 'running', request: 0, progress: null, cancelling: false },
    writing: { kind: 'idle' },
    pinned: null,
    selectedSentence: null,
  };
  return { ...state, docs: [...state.docs, open], activeId: doc.id };
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
  return { ...state, docs, activeId: neighbour ? neighbour.doc.id : null };
}

/** Moves to the next (+1) or previous (-1) tab, wrapping around. */
export function cycle(state: AppState, step: 1 | -1): AppState {
  const count = state.docs.length;
  if (count < 2) return state;
  const index = state.docs.findIndex((open) => open.doc.id === state.activeId);
  const next = state.docs[(index + step + count) % count];
  return next ? activate(state, next.doc.id) : state;
}

export function startSummary(state: AppState, id: number, request: number, points: PointCount): AppState {
  return updateDoc(state, id, (open) => ({
    ...open,
    points,
    summary: { kind: 'running', request, progress: null, cancelling: false },
    // Points written from the old key sentences no longer apply; new ones are written once these are chosen.
    writing: { kind: 'idle' },
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

const WRITING_STAGES: ReadonlySet<ProgressStage> = new Set(['loading_writer', 'writing']);

/** Routes a progress event to the job it belongs to: writing the key points, or choosing the key sentences. */
export function applyProgress(state: AppState, progress: Progress): AppState {
  if (WRITING_STAGES.has(progress.stage)) {
    return updateWriting(state, progress.doc_id, (writing) =>
      writing.kind === 'running' ? { ...writing, progress } : writing,
    );
  }
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

/** Which list the panel shows in a view: the written points once there are any, else the key sentences. */
export function pointsSource(open: OpenDocument, view: PointsView): 'sentences' | 'written' {
  return view === 'written' && writtenPoints(open.writing).length > 0 ? 'written' : 'sentences';
}

function writtenPoints(writing: WritingState): readonly KeyPoint[] {
  switch (writing.kind) {
    case 'running':
    case 'stopped':
      return writing.points;
    case 'ready':
      return writing.summary.key_points;
    default:
      return [];
  }
}

// A pin is an index into the list on screen; when the other list takes its place, the pin would mean another point.
function dropStalePin(open: OpenDocument, wasShowing: 'sentences' | 'written', view: PointsView): OpenDocument {
  return open.pinned !== null && pointsSource(open, view) !== wasShowing ? { ...open, pinned: null } : open;
}

function updateWriting(state: AppState, id: number, change: (writing: WritingState) => WritingState): AppState {
  return updateDoc(state, id, (open) => {
    const writing = change(open.writing);
    if (writing === open.writing) return open;
    return dropStalePin({ ...open, writing }, pointsSource(open, state.pointsView), state.pointsView);
  });
}

export function setPointsView(state: AppState, view: PointsView): AppState {
  if (state.pointsView === view) return state;
  const docs = state.docs.map((open) => dropStalePin(open, pointsSource(open, state.pointsView), view));
  return { ...state, pointsView: view, docs };
}

/** How many points writing will give: one per key sentence, or the count asked for before they are known. */
function writingTotal(open: OpenDocument | undefined): number {
  if (open?.summary.kind === 'ready') return open.summary.summary.key_points.length;
  return typeof open?.points === 'number' ? open.points : 0;
}

/** Starts writing from the key sentences; a restart after Stop keeps what was written until it is replaced. */
export function startWriting(state: AppState, id: number, request: number): AppState {
  return updateWriting(state, id, (writing) => ({
    kind: 'running',
    request,
    total: writingTotal(findById(state, id)),
    points: writing.kind === 'stopped' ? writing.points : [],
    progress: null,
    cancelling: false,
  }));
}

export function markWritingCancelling(state: AppState, id: number): AppState {
  return updateWriting(state, id, (writing) =>
    writing.kind === 'running' && !writing.cancelling ? { ...writing, cancelling: true } : writing,
  );
}

/** Puts a point that was just written in its place; only the running job of a document takes points. */
export function applyWrittenPoint(state: AppState, written: WrittenPoint): AppState {
  return updateWriting(state, written.doc_id, (writing) => {
    // Points come in order; one beyond the next place would leave a gap, and the final summary brings it anyway.
    if (writing.kind !== 'running' || written.index > writing.points.length) return writing;
    const points = [...writing.points];
    points[written.index] = written.point;
    return { ...writing, points };
  });
}

function settleWriting(
  state: AppState,
  id: number,
  request: number,
  settled: (running: Extract<WritingState, { kind: 'running' }>) => WritingState,
): AppState {
  return updateWriting(state, id, (writing) =>
    writing.kind === 'running' && writing.request === request ? settled(writing) : writing,
  );
}

export function finishWriting(state: AppState, id: number, request: number, summary: Summary): AppState {
  return settleWriting(state, id, request, () => ({ kind: 'ready', summary }));
}

export function stopWriting(state: AppState, id: number, request: number): AppState {
  return settleWriting(state, id, request, (running) => ({
    kind: 'stopped',
    total: running.total,
    points: running.points,
  }));
}

export function failWriting(state: AppState, id: number, request: number, message: string): AppState {
  return settleWriting(state, id, request, () => ({ kind: 'failed', message }));
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

/** The key points the panel lists for a document in a view, in order; pins and citations index into these. */
export function shownPoints(open: OpenDocument | undefined, view: PointsView): readonly KeyPoint[] {
  if (open?.summary.kind !== 'ready') return [];
  return pointsSource(open, view) === 'written' ? writtenPoints(open.writing) : open.summary.summary.key_points;
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
