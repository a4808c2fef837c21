import * as api from './api';
import type { DocumentView, HistoryEntry, KeyPoint } from './bindings';
import { toAppError } from './errors';
import {
  basename,
  displayTitle,
  keyPointsLabel,
  pointLine,
  siblingPath,
  suggestExportName,
  summaryText,
} from './format';
import {
  clampPoints,
  loadCopyFormat,
  loadPoints,
  loadPointsView,
  saveCopyFormat,
  savePoints,
  savePointsView,
  type CopyFormat,
  type PointCount,
  type PointsView,
} from './settings';
import { commandFor, type Command } from './shortcuts';
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
  findByPath,
  finishSummary,
  finishWriting,
  initialState,
  markCancelling,
  markWritingCancelling,
  pointsSource,
  setPointsView,
  shownPoints,
  startSummary,
  startWriting,
  stopWriting,
  togglePin,
  toggleSentence,
  type AppState,
  type OpenDocument,
} from './state';
import { el } from './view/dom';
import { createAnnouncer, createDropOverlay, createErrorBanner, createToast } from './view/feedback';
import { createHelpDialog } from './view/help';
import { createHistoryPanel, HISTORY_LIMIT } from './view/history';
import { createOriginalPane } from './view/original';
import { createPointsPanel, type PreviewSource } from './view/points';
import { createTabs, PANEL_ID, tabId } from './view/tabs';
import { createToolbar } from './view/toolbar';
import { createWelcome } from './view/welcome';

// Wires state, views and backend together. All state changes go through setState, which re-renders.

export type App = {
  openPaths(paths: readonly string[]): Promise<void>;
};

const noop = (): void => undefined;

/** How many documents the Recent menu and the welcome screen list. */
const RECENT_LIMIT = 15;

function defaultStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

export async function startApp(root: HTMLElement): Promise<App> {
  const storage = defaultStorage() ?? memoryStorage();
  let state: AppState = { ...initialState, pointsView: loadPointsView(storage) };
  let copyFormat: CopyFormat = loadCopyFormat(storage);
  let preferredPoints = loadPoints(storage);
  // Transient highlight sources; the pinned point lives in state.
  const preview: Record<PreviewSource, number | null> = { mouse: null, focus: null };
  let requestSeq = 0;
  let openQueue: Promise<void> = Promise.resolve();
  // The writing job in flight per document. Its events carry no job id, so a new job waits for the old one to end.
  const writingJobs = new Map<number, Promise<unknown>>();

  const toolbar = createToolbar({
    open: () => void chooseFiles(),
    openRecent: (entry) => void openEntry(entry),
    toggleHistory,
    exportSummary: () => void exportSummary(),
    help: () => help.open(),
  });
  const tabs = createTabs({
    activate(id) {
      setState(activate(state, id));
      // Choosing a tab means "show me that document".
      history.close();
    },
    close: closeDoc,
  });
  const banner = createErrorBanner();
  const welcome = createWelcome(
    () => void chooseFiles(),
    (entry) => void openEntry(entry),
  );
  const original = createOriginalPane(selectSentence);
  const points = createPointsPanel({
    preview(index, source) {
      preview[source] = index;
      applyMarks(activeDocument(state));
    },
    pin: pinPoint,
    copyPoint,
    copyAll: () => void copyAll(),
    setCount,
    setFormat(format) {
      copyFormat = format;
      saveCopyFormat(storage, format);
    },
    setView,
    cancel: cancelActive,
    retry() {
      const open = activeDocument(state);
      if (open) void summarise(open.doc.id, open.points);
    },
    cancelWriting: cancelActiveWriting,
    writeAgain() {
      const open = activeDocument(state);
      if (open) void write(open.doc.id);
    },
  });
  const toast = createToast();
  const announcer = createAnnouncer();
  const overlay = createDropOverlay();
  const help = createHelpDialog();
  const history = createHistoryPanel({
    search: (query) => api.historyEntries(query, HISTORY_LIMIT),
    open(entry) {
      void openEntry(entry).then((opened) => {
        // The panel closed itself; put keyboard focus on the document's tab.
        if (opened && !history.isOpen() && state.activeId !== null)
          document.getElementById(tabId(state.activeId))?.focus();
      });
    },
    async remove(entry) {
      await api.deleteHistoryEntry(entry.id);
      void refreshRecent();
    },
    async clear() {
      await api.clearHistory();
      void refreshRecent();
    },
    failed: showError,
    toggled(open) {
      toolbar.setHistoryOpen(open);
      if (!open && (document.activeElement === null || document.activeElement === document.body)) {
        // Focus was in the panel and had nowhere to go back to.
        const next = state.activeId === null ? null : document.getElementById(tabId(state.activeId));
        if (next) next.focus();
        else toolbar.focusHistory();
      }
    },
  });

  const workspace = el('div', { class: 'workspace', attrs: { id: PANEL_ID, role: 'tabpanel' } }, [
    original.element,
    points.element,
  ]);
  const main = el('main', { class: 'main' }, [welcome.element, workspace, history.element]);
  root.classList.add('app');
  root.replaceChildren(
    toolbar.element,
    tabs.element,
    banner.element,
    main,
    toast.element,
    announcer.element,
    overlay.element,
    help.element,
  );

  function setState(next: AppState): void {
    if (next === state) return;
    // Previews refer to the list on screen; a new tab or a new list of key points invalidates them.
    const before = activeDocument(state);
    const after = activeDocument(next);
    if (
      next.activeId !== state.activeId ||
      after?.summary !== before?.summary ||
      (after && before && pointsSource(after, next.pointsView) !== pointsSource(before, state.pointsView))
    ) {
      preview.mouse = null;
      preview.focus = null;
    }
    state = next;
    render();
  }

  function render(): void {
    const open = activeDocument(state);
    tabs.update(state);
    welcome.element.hidden = open !== undefined;
    workspace.hidden = open === undefined;
    if (open) workspace.setAttribute('aria-labelledby', tabId(open.doc.id));
    original.show(open?.doc ?? null);
    points.update(open, state.pointsView, copyFormat);
    toolbar.setCanExport(shownPoints(open, state.pointsView).length > 0);
    applyMarks(open);
    document.title = open ? `${displayTitle(open.doc)} – Brief` : 'Brief';
  }

  function applyMarks(open: OpenDocument | undefined): void {
    if (!open) return;
    const keyPoints = shownPoints(open, state.pointsView);
    const shown = preview.mouse ?? preview.focus ?? open.pinned;
    const point = shown === null ? undefined : keyPoints[shown];
    original.setMarks(open.doc.id, {
      highlighted: point ? evidenceSentences(point) : [],
      selected: open.selectedSentence,
    });
    points.setMarks(open.pinned, open.selectedSentence === null ? [] : citingPoints(keyPoints, open.selectedSentence));
  }

  function showError(heading: string, reason: unknown): void {
    banner.show(heading, toAppError(reason).message);
  }

  async function refreshRecent(): Promise<void> {
    try {
      const recent: HistoryEntry[] = await api.historyEntries('', RECENT_LIMIT);
      toolbar.setRecent(recent);
      welcome.setRecent(recent);
    } catch {
      // The list is a convenience; without it the app still works.
    }
  }

  async function chooseFiles(): Promise<void> {
    try {
      await openPaths(await api.pickDocuments());
    } catch (reason) {
      showError('Couldn’t show the file chooser.', reason);
    }
  }

  // Opens run one after another so the last path given ends up active, as on the command line.
  function queueOpen<T>(task: () => Promise<T>): Promise<T> {
    const run = openQueue.then(task);
    openQueue = run.then(noop, noop);
    return run;
  }

  function openPaths(paths: readonly string[]): Promise<void> {
    return queueOpen(async () => {
      if (paths.length === 0) return;
      for (const path of paths) await openOne(path, basename(path), () => api.openDocument(path));
      await refreshRecent();
    });
  }

  /** Opens a document from the history; true when it is now the active tab. */
  function openEntry(entry: HistoryEntry): Promise<boolean> {
    return queueOpen(async () => {
      const opened = await openOne(entry.path, entry.file_name, () => api.openHistoryEntry(entry.id));
      await refreshRecent();
      return opened;
    });
  }

  function toggleHistory(): void {
    if (history.isOpen()) history.close();
    else history.open();
  }

  /** Opens a document (or activates its tab) and closes the history over it; false when it failed. */
  async function openOne(path: string, name: string, load: () => Promise<DocumentView>): Promise<boolean> {
    const opened = await loadOne(path, name, load);
    if (opened) history.close();
    return opened;
  }

  async function loadOne(path: string, name: string, load: () => Promise<DocumentView>): Promise<boolean> {
    const existing = findByPath(state, path);
    if (existing) {
      setState(activate(state, existing.doc.id));
      return true;
    }
    root.classList.add('opening');
    // Reading a large file takes a while: say so rather than leave the window silent.
    const announce = (): void => toast.show(`Opening ${name}…`);
    const firstNotice = window.setTimeout(announce, 400);
    const laterNotices = window.setInterval(announce, 2800);
    try {
      const doc = await load();
      // The backend may have resolved a relative or differently spelled path to one already open.
      const duplicate = findByPath(state, doc.path);
      if (duplicate) {
        if (duplicate.doc.id !== doc.id) void api.closeDocument(doc.id).catch(noop);
        setState(activate(state, duplicate.doc.id));
        return true;
      }
      setState(addDocument(state, doc, preferredPoints));
      if (doc.notice) announcer.say(doc.notice);
      void summarise(doc.id, preferredPoints);
      return true;
    } catch (reason) {
      showError(`Couldn’t open ${name}.`, reason);
      return false;
    } finally {
      window.clearTimeout(firstNotice);
      window.clearInterval(laterNotices);
      root.classList.remove('opening');
    }
  }

  async function summarise(docId: number, count: PointCount): Promise<void> {
    const before = findById(state, docId);
    const inFlight = before?.summary.kind === 'running' && before.summary.request !== 0;
    const request = ++requestSeq;
    // Mark the new request first so the old one's "cancelled" answer is ignored.
    setState(startSummary(state, docId, request, count));
    // Points written from the old key sentences are dropped with them.
    if (before?.writing.kind === 'running') void api.cancelWriting(docId).catch(noop);
    if (inFlight) await api.cancelSummary(docId).catch(noop);
    if (!findById(state, docId)) return;
    try {
      const summary = await api.summarize(docId, count);
      setState(finishSummary(state, docId, request, summary));
      const after = findById(state, docId)?.summary;
      if (after?.kind === 'ready' && after.summary === summary) void write(docId);
    } catch (reason) {
      const error = toAppError(reason);
      setState(
        error.code === 'cancelled'
          ? cancelSummary(state, docId, request)
          : failSummary(state, docId, request, error.message),
      );
    }
  }

  /** Has the model write key points from the document's key sentences; the written points stream in as events. */
  async function write(docId: number): Promise<void> {
    const keySentences = findById(state, docId)?.summary;
    // Events of the job before (say, one just cancelled) would otherwise land in this one.
    await writingJobs.get(docId)?.catch(noop);
    const open = findById(state, docId);
    // Asked again meanwhile, or the key sentences changed (their own summary starts a new job).
    if (!open || open.summary !== keySentences || open.summary.kind !== 'ready' || open.writing.kind === 'running')
      return;
    const request = ++requestSeq;
    setState(startWriting(state, docId, request));
    const job = api.writePoints(docId, open.points);
    writingJobs.set(docId, job);
    try {
      const written = await job;
      setState(finishWriting(state, docId, request, written));
    } catch (reason) {
      const error = toAppError(reason);
      setState(
        error.code === 'cancelled'
          ? stopWriting(state, docId, request)
          : failWriting(state, docId, request, error.message),
      );
    } finally {
      if (writingJobs.get(docId) === job) writingJobs.delete(docId);
    }
  }

  function cancelActiveWriting(): void {
    const open = activeDocument(state);
    if (open?.writing.kind !== 'running') return;
    const docId = open.doc.id;
    setState(markWritingCancelling(state, docId));
    api.cancelWriting(docId).catch((reason: unknown) => showError('Couldn’t stop writing the key points.', reason));
  }

  function setView(view: PointsView): void {
    savePointsView(storage, view);
    setState(setPointsView(state, view));
  }

  function toggleView(): void {
    const view = state.pointsView === 'written' ? 'sentences' : 'written';
    setView(view);
    announcer.say(view === 'written' ? 'Showing written key points' : 'Showing key sentences');
  }

  function cancelActive(): void {
    const open = activeDocument(state);
    if (open?.summary.kind !== 'running') return;
    const docId = open.doc.id;
    setState(markCancelling(state, docId));
    api.cancelSummary(docId).catch((reason: unknown) => showError('Couldn’t cancel the summary.', reason));
  }

  function setCount(count: PointCount): void {
    preferredPoints = clampPoints(count);
    savePoints(storage, preferredPoints);
    const open = activeDocument(state);
    if (open) void summarise(open.doc.id, preferredPoints);
  }

  function closeDoc(docId: number): void {
    const open = findById(state, docId);
    if (!open) return;
    const hadFocus = root.contains(document.activeElement) && document.activeElement !== document.body;
    setState(closeDocument(state, docId));
    original.forget(docId);
    const running = open.summary.kind === 'running' && open.summary.request !== 0;
    const writing = open.writing.kind === 'running';
    void (async () => {
      if (running) await api.cancelSummary(docId).catch(noop);
      if (writing) await api.cancelWriting(docId).catch(noop);
      await api.closeDocument(docId).catch(noop);
    })();
    // Focus was on something that no longer exists; put it somewhere sensible.
    if (hadFocus && (document.activeElement === null || document.activeElement === document.body)) {
      const next = state.activeId === null ? null : document.getElementById(tabId(state.activeId));
      (next ?? root.querySelector<HTMLElement>('[data-testid="welcome-open"]'))?.focus();
    }
  }

  function pinPoint(index: number): void {
    const open = activeDocument(state);
    if (!open) return;
    setState(togglePin(state, open.doc.id, index));
    const point = shownPoints(open, state.pointsView)[index];
    const first = point ? evidenceSentences(point)[0] : undefined;
    if (activeDocument(state)?.pinned === index && first !== undefined) original.scrollToSentence(open.doc.id, first);
  }

  function selectSentence(docId: number, sentence: number): void {
    setState(toggleSentence(state, docId, sentence));
    const open = findById(state, docId);
    if (!open || open.selectedSentence !== sentence || open.summary.kind !== 'ready') return;
    const citing = citingPoints(shownPoints(open, state.pointsView), sentence);
    const first = citing[0];
    if (first !== undefined) points.scrollToPoint(first);
    const numbers = citing.map((index) => index + 1);
    announcer.say(
      numbers.length === 0
        ? 'No key point cites this sentence.'
        : numbers.length === 1
          ? `Cited by key point ${numbers[0]}.`
          : `Cited by key points ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}.`,
    );
  }

  async function copyPoint(index: number): Promise<boolean> {
    const point = shownPoints(activeDocument(state), state.pointsView)[index];
    if (!point) return false;
    try {
      await api.copyText(pointLine(point, copyFormat));
      toast.show(`Copied key point ${index + 1}`);
      return true;
    } catch (reason) {
      toast.show(`Couldn’t copy: ${toAppError(reason).message}`);
      return false;
    }
  }

  /** The active document and its key points, or null (saying so) when there are none to `verb`. */
  function pointsFor(verb: string): { open: OpenDocument; keyPoints: readonly KeyPoint[] } | null {
    const open = activeDocument(state);
    const keyPoints = shownPoints(open, state.pointsView);
    if (!open || keyPoints.length === 0) {
      toast.show(`There are no key points to ${verb} yet`);
      return null;
    }
    return { open, keyPoints };
  }

  async function copyAll(): Promise<void> {
    const active = pointsFor('copy');
    if (!active) return;
    const { open, keyPoints } = active;
    try {
      await api.copyText(summaryText(open.doc, keyPoints, copyFormat));
      toast.show(`Copied ${keyPointsLabel(keyPoints.length)}`);
    } catch (reason) {
      toast.show(`Couldn’t copy: ${toAppError(reason).message}`);
    }
  }

  async function exportSummary(): Promise<void> {
    const active = pointsFor('export');
    if (!active) return;
    const { open, keyPoints } = active;
    try {
      const suggested = siblingPath(open.doc.path, suggestExportName(open.doc, copyFormat));
      const texts = {
        markdown: summaryText(open.doc, keyPoints, 'markdown'),
        plain: summaryText(open.doc, keyPoints, 'text'),
      };
      const path = await api.exportText(suggested, texts, copyFormat);
      if (path === null) return;
      toast.show(`Exported to ${basename(path)}`);
    } catch (reason) {
      showError('Couldn’t export the key points.', reason);
    }
  }

  function run(command: Command): void {
    const open = activeDocument(state);
    switch (command) {
      case 'open':
        void chooseFiles();
        break;
      case 'close':
        if (open) closeDoc(open.doc.id);
        break;
      case 'history':
        toggleHistory();
        break;
      case 'nextTab':
      case 'prevTab': {
        const tabHadFocus = document.activeElement?.getAttribute('role') === 'tab';
        setState(cycle(state, command === 'nextTab' ? 1 : -1));
        history.close();
        if (tabHadFocus && state.activeId !== null) document.getElementById(tabId(state.activeId))?.focus();
        break;
      }
      case 'copyAll':
        void copyAll();
        break;
      case 'export':
        void exportSummary();
        break;
      case 'pointsView':
        toggleView();
        break;
      case 'help':
        if (help.isOpen()) help.close();
        else help.open();
        break;
    }
  }

  window.addEventListener('keydown', (event) => {
    // An app whose root has left the page (as in tests) no longer takes keys.
    if (event.defaultPrevented || !root.isConnected) return;
    if (event.key === 'Escape') {
      if (help.isOpen() || toolbar.closeMenus()) return;
      if (history.isOpen()) {
        history.close();
        return;
      }
      const open = activeDocument(state);
      if (open) setState(clearSelection(state, open.doc.id));
      return;
    }
    const command = commandFor(event);
    // While the help dialog is modal, only F1 (to close it) applies.
    if (command === null || (help.isOpen() && command !== 'help')) return;
    event.preventDefault();
    run(command);
  });

  render();

  // Listeners come first so no progress event of a startup document is missed.
  await Promise.all([
    api.onProgress((progress) => setState(applyProgress(state, progress))).catch(noop),
    api.onWrittenPoint((written) => setState(applyWrittenPoint(state, written))).catch(noop),
    api
      .onDrop((drop) => {
        overlay.setVisible(drop.type === 'hover');
        if (drop.type === 'drop') void openPaths(drop.paths);
      })
      .catch(noop),
  ]);
  void refreshRecent();
  const startup = await api.startupPaths().catch((): string[] => []);
  if (Array.isArray(startup)) await openPaths(startup).catch(noop);

  return { openPaths };
}
