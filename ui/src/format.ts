import type { DocumentView, KeyPoint, Progress } from './bindings';
import type { CopyFormat } from './settings';

// Pure text helpers: what gets copied, exported and shown as labels.

type Heading = Pick<DocumentView, 'title' | 'file_name' | 'date'>;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The heading a reader knows the document by: its title, else its file name. */
export function displayTitle(doc: Pick<DocumentView, 'title' | 'file_name'>): string {
  const title = doc.title === null ? '' : oneLine(doc.title);
  return title === '' ? doc.file_name : title;
}

/** What a flagged point should be checked for, as one line; null when nothing was flagged. */
function checkNote(point: KeyPoint): string | null {
  if (point.issues.length === 0) return null;
  return `Check: ${point.issues.map((issue) => oneLine(issue.detail)).join('; ')}`;
}

/** One key point as copied: a flagged point keeps its flags, so a pasted copy never reads as plain fact. */
export function pointLine(point: KeyPoint, format: CopyFormat): string {
  const text = oneLine(point.text);
  const note = checkNote(point);
  if (note === null) return text;
  return format === 'markdown' ? `${text} ⚠ *${note}*` : `${text} [${note}]`;
}

/** One key point per line and nothing else, ready to paste into notes. */
export function plainText(points: readonly KeyPoint[]): string {
  return points.map((point) => pointLine(point, 'text')).join('\n');
}

export function markdown(doc: Heading, points: readonly KeyPoint[]): string {
  const lines = [`# ${displayTitle(doc)}`];
  if (doc.date !== null && doc.date !== '') lines.push(`_${doc.date}_`);
  lines.push('');
  for (const point of points) lines.push(`- ${pointLine(point, 'markdown')}`);
  return `${lines.join('\n')}\n`;
}

export function summaryText(doc: Heading, points: readonly KeyPoint[], format: CopyFormat): string {
  return format === 'markdown' ? markdown(doc, points) : plainText(points);
}

export function basename(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? path;
}

/** The folder part of a path, without the trailing separator. */
export function folderOf(path: string): string {
  const name = basename(path);
  return path.endsWith(name) ? path.slice(0, path.length - name.length).replace(/[\\/]+$/, '') : '';
}

export function suggestExportName(doc: Pick<DocumentView, 'title' | 'file_name'>, format: CopyFormat): string {
  const fromFile = doc.file_name.replace(/\.[^.]+$/, '');
  const title = doc.title === null ? '' : oneLine(doc.title);
  // Keep only characters that are valid in file names on every desktop OS.
  let base = (title || fromFile).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ');
  base = oneLine(base).replace(/^\.+/, '');
  if (base.length > 80) {
    const cut = base.slice(0, 80);
    const space = cut.lastIndexOf(' ');
    base = (space > 40 ? cut.slice(0, space) : cut).trim();
  }
  if (base === '') base = 'Statement';
  return `${base} - key points.${format === 'markdown' ? 'md' : 'txt'}`;
}

/** A file beside `path` (same folder), keeping the path's own separator. */
export function siblingPath(path: string, fileName: string): string {
  const folder = folderOf(path);
  return folder === '' ? fileName : `${folder}${path.charAt(folder.length)}${fileName}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-07-02" → "2 July 2024"; anything else is shown as given. */
export function dateLabel(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const month = MONTHS[Number(match[2]) - 1];
  const day = Number(match[3]);
  if (month === undefined || day < 1 || day > 31) return date;
  return `${day} ${month} ${match[1]}`;
}

export function readingTimeLabel(minutes: number): string {
  const rounded = Number.isFinite(minutes) ? Math.max(1, Math.round(minutes)) : 1;
  return `${rounded} min read`;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function wordsLabel(words: number): string {
  return words === 1 ? '1 word' : `${numberFormat.format(words)} words`;
}

/** The line under a long document of which only the first part is built so far. */
export function moreSentencesLabel(shown: number, total: number): string {
  return `Showing ${numberFormat.format(shown)} of ${numberFormat.format(total)} sentences — scroll for more`;
}

export function keyPointsLabel(count: number): string {
  return count === 1 ? '1 key point' : `${count} key points`;
}

export function durationLabel(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function progressLabel(progress: Progress | null): string {
  if (progress === null) return 'Preparing…';
  switch (progress.stage) {
    case 'loading_model':
      return 'Loading the model…';
    case 'embedding':
      return progress.total > 0 ? `Reading sentences ${progress.done}/${progress.total}` : 'Reading sentences…';
    case 'ranking':
      return 'Choosing key points';
    case 'loading_writer':
      return 'Loading the writing model…';
    case 'writing':
      // `done` counts the points already written; the one being written is the next.
      return progress.total > 0
        ? `Writing point ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`
        : 'Writing key points…';
  }
}

/** Fraction done for a determinate bar, or null while the stage has no measurable length. */
export function progressFraction(progress: Progress | null): number | null {
  const measured = progress?.stage === 'embedding' || progress?.stage === 'writing';
  if (progress === null || !measured || progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

/** The line under the points written before the person stopped the writing. */
export function stoppedLabel(written: number, total: number): string {
  return written === 0 ? 'Stopped before any point was written.' : `Stopped after ${written} of ${total} points.`;
}

type When = { today: boolean; time: string; day: string };

function localWhen(iso: string, now: Date): When | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  const month = MONTHS[date.getMonth()]?.slice(0, 3) ?? '';
  const year = date.getFullYear() === now.getFullYear() ? '' : ` ${date.getFullYear()}`;
  const today = date.toDateString() === now.toDateString();
  return { today, time: `${hh}:${mm}`, day: `${date.getDate()} ${month}${year}` };
}

/** "Opened today, 14:05" style label for the recent list; empty when the backend's value can't be read. */
export function openedAtLabel(openedAt: string, now: Date = new Date()): string {
  const when = localWhen(openedAt, now);
  if (!when) return '';
  return when.today ? `Today, ${when.time}` : when.day;
}

/** Label for key points read back from history rather than computed now. */
export function storedSummaryLabel(storedAt: string, now: Date = new Date()): string {
  const when = localWhen(storedAt, now);
  if (!when) return 'From history';
  return `From history · summarised ${when.today ? `today at ${when.time}` : `on ${when.day}`}`;
}

export type TextPart = { text: string; match: boolean };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits text into runs that do and don't start with a word of the search (ignoring case), so a view can
 * mark the matches with elements. Quotes and other punctuation around the search's words are ignored.
 */
export function matchParts(text: string, query: string): TextPart[] {
  const words = [
    ...new Set(
      query
        .split(/\s+/)
        .map((word) => word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
        .filter((word) => word !== ''),
    ),
  ].sort((a, b) => b.length - a.length);
  if (text === '') return [];
  if (words.length === 0) return [{ text, match: false }];
  // A word start is the text's start or a character that is neither letter nor digit (no lookbehind: Safari 15).
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escapeRegExp).join('|')})`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = (found.index ?? 0) + (found[1] ?? '').length;
    const matched = found[2] ?? '';
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: matched, match: true });
    last = start + matched.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
