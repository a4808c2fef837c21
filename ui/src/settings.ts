// Preferences remembered between sessions. Storage can be unavailable or hold junk; never throw.

export type CopyFormat = 'text' | 'markdown';

/** Which key points the panel lists: sentences taken from the statement, or points the model wrote. */
export type PointsView = 'sentences' | 'written';

/** How many key points to ask for: a number, or 'auto' for a count that grows with the document's length. */
export type PointCount = number | 'auto';

export const POINTS_MIN = 3;
export const POINTS_MAX = 12;
export const POINTS_DEFAULT = 5;

const POINTS_KEY = 'brief.points';
const FORMAT_KEY = 'brief.copyFormat';
const VIEW_KEY = 'brief.pointsView';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function read(store: KeyValueStore, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

function write(store: KeyValueStore, key: string, value: string): void {
  try {
    store.setItem(key, value);
  } catch {
    // Private mode or full storage: the choice just isn't remembered.
  }
}

export function clampPoints(value: PointCount): PointCount {
  if (value === 'auto') return value;
  if (!Number.isFinite(value)) return POINTS_DEFAULT;
  return Math.min(POINTS_MAX, Math.max(POINTS_MIN, Math.round(value)));
}

/** A count control's value ('auto' or a number) as a count. */
export function parsePoints(raw: string): PointCount {
  return raw === 'auto' ? 'auto' : clampPoints(Number.parseInt(raw, 10));
}

export function loadPoints(store: KeyValueStore): PointCount {
  const raw = read(store, POINTS_KEY);
  return raw === null ? POINTS_DEFAULT : parsePoints(raw);
}

export function savePoints(store: KeyValueStore, points: PointCount): void {
  write(store, POINTS_KEY, String(clampPoints(points)));
}

export function isCopyFormat(value: unknown): value is CopyFormat {
  return value === 'text' || value === 'markdown';
}

export function loadCopyFormat(store: KeyValueStore): CopyFormat {
  const raw = read(store, FORMAT_KEY);
  return isCopyFormat(raw) ? raw : 'text';
}

export function saveCopyFormat(store: KeyValueStore, format: CopyFormat): void {
  write(store, FORMAT_KEY, format);
}

export function loadPointsView(store: KeyValueStore): PointsView {
  return read(store, VIEW_KEY) === 'sentences' ? 'sentences' : 'written';
}

export function savePointsView(store: KeyValueStore, view: PointsView): void {
  write(store, VIEW_KEY, view);
}
