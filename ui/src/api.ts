import { writeText } from '@tauri-apps/plugin-clipboard-manager';
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open } from '@tauri-apps/plugin-dialog';
import type { DocumentView, HistoryEntry, Progress, Summary, WrittenPoint } from './bindings';
import type { CopyFormat, PointCount } from './settings';

// Typed wrappers around the backend and the Tauri plugins; the only module that talks to Tauri.

export type DropEvent = { type: 'hover' } | { type: 'leave' } | { type: 'drop'; paths: string[] };

export function openDocument(path: string): Promise<DocumentView> {
  return invoke<DocumentView>('open_document', { path });
}

export function summarize(docId: number, points: PointCount): Promise<Summary> {
  return invoke<Summary>('summarize', { docId, points });
}

export function cancelSummary(docId: number): Promise<void> {
  return invoke<void>('cancel_summary', { docId });
}

/**
 * Has the local language model write the key points in its own words, one `written-point` event each; resolves
 * with all of them (at once when they are read back from the history). A later call for the document cancels this one.
 */
export function writePoints(docId: number, points: PointCount): Promise<Summary> {
  return invoke<Summary>('write_points', { docId, points });
}

/** Stops writing; the `writePoints` call rejects with the code `cancelled`. */
export function cancelWriting(docId: number): Promise<void> {
  return invoke<void>('cancel_writing', { docId });
}

export function closeDocument(docId: number): Promise<void> {
  return invoke<void>('close_document', { docId });
}

/** Documents opened before, most recently opened first; `query` ('' for all) searches titles and text. */
export function historyEntries(query: string, limit: number): Promise<HistoryEntry[]> {
  return invoke<HistoryEntry[]>('history_entries', { query, limit });
}

/** Opens a history entry's file, or the copy kept of it when the file is gone (then `notice` says so). */
export function openHistoryEntry(id: number): Promise<DocumentView> {
  return invoke<DocumentView>('open_history_entry', { id });
}

export function deleteHistoryEntry(id: number): Promise<void> {
  return invoke<void>('delete_history_entry', { id });
}

export function clearHistory(): Promise<void> {
  return invoke<void>('clear_history');
}

export function startupPaths(): Promise<string[]> {
  return invoke<string[]>('startup_paths');
}

/**
 * Asks where to export (the backend shows the save dialog, so the UI never names a path to write)
 * and writes Markdown for a .md file, plain text otherwise. The saved path, or null when cancelled.
 */
export function exportText(
  defaultPath: string,
  texts: { markdown: string; plain: string },
  preferred: CopyFormat,
): Promise<string | null> {
  return invoke<string | null>('export_text', { defaultPath, ...texts, markdownFirst: preferred === 'markdown' });
}

export function onProgress(handler: (progress: Progress) => void): Promise<UnlistenFn> {
  return listen<Progress>('summary-progress', (event) => handler(event.payload));
}

export function onWrittenPoint(handler: (event: WrittenPoint) => void): Promise<UnlistenFn> {
  return listen<WrittenPoint>('written-point', (event) => handler(event.payload));
}

export function onDrop(handler: (event: DropEvent) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === 'drop') handler({ type: 'drop', paths: payload.paths });
    else if (payload.type === 'leave') handler({ type: 'leave' });
    else handler({ type: 'hover' });
  });
}

/** File types Brief reads: plain text, Markdown, HTML, Word and PDF. */
const DOCUMENT_EXTENSIONS = ['txt', 'md', 'text', 'html', 'htm', 'docx', 'pdf'];

/** Asks for statements to open; an empty list when the person cancels. */
export async function pickDocuments(): Promise<string[]> {
  const chosen = await open({
    title: 'Open statements',
    multiple: true,
    directory: false,
    filters: [
      { name: 'Statements', extensions: DOCUMENT_EXTENSIONS },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (chosen === null) return [];
  return Array.isArray(chosen) ? chosen : [chosen];
}

export function copyText(text: string): Promise<void> {
  return writeText(text);
}
