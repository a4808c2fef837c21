import type { KeyPoint, Progress, Summary } from '../bindings';
import {
  durationLabel,
  keyPointsLabel,
  progressFraction,
  progressLabel,
  stoppedLabel,
  storedSummaryLabel,
} from '../format';
import { POINTS_MAX, POINTS_MIN, parsePoints, type CopyFormat, type PointCount, type PointsView } from '../settings';
import { withShortcut } from '../shortcuts';
import { evidenceSentences, shownPoints, type OpenDocument, type SummaryState, type WritingState } from '../state';
import { button, el, prefersReducedMotion, selectBox, srOnly } from './dom';
import { icon } from './icons';

// The key points panel: view switch and count control, the list (or progress / cancelled / error), and copy controls.
// The Written view lists the points the model wrote; until the first arrives (or when writing fails) it shows the
// key sentences under a note, so there is always something to read.

export type PreviewSource = 'mouse' | 'focus';

export type PointsHandlers = {
  preview(index: number | null, source: PreviewSource): void;
  pin(index: number): void;
  copyPoint(index: number): Promise<boolean>;
  copyAll(): void;
  setCount(count: PointCount): void;
  setFormat(format: CopyFormat): void;
  setView(view: PointsView): void;
  cancel(): void;
  retry(): void;
  cancelWriting(): void;
  writeAgain(): void;
};

export type PointsPanel = {
  element: HTMLElement;
  update(open: OpenDocument | undefined, view: PointsView, format: CopyFormat): void;
  setMarks(pinned: number | null, cited: readonly number[]): void;
  scrollToPoint(index: number): void;
};

const AUTO_LABEL = 'Auto';
const AUTO_TITLE = 'As many key points as the document’s length calls for: 5 for a release, up to 12 for a long speech';

/** A background job the panel shows progress for: choosing the key sentences, or writing the key points. */
type Job = {
  testid: string;
  label: string;
  cancelTestid: string;
  cancelTitle: string;
  /** Announced before the first progress event. */
  starting: string;
  cancel(): void;
};

type ProgressView = {
  job: Job;
  fill: HTMLElement;
  track: HTMLElement;
  label: HTMLElement;
  cancel: HTMLButtonElement;
};

function stageName(progress: Progress): string {
  switch (progress.stage) {
    case 'loading_model':
      return 'Loading the model';
    case 'embedding':
      return 'Reading sentences';
    case 'ranking':
      return 'Choosing key points';
    case 'loading_writer':
      return 'Loading the writing model';
    case 'writing':
      return 'Writing key points';
  }
}

function focusIsVisible(node: Element): boolean {
  try {
    return node.matches(':focus-visible');
  } catch {
    return true;
  }
}

const hint = (): HTMLElement =>
  el('p', {
    class: 'points-hint',
    text: 'Select a point to highlight its sources in the original. Click a sentence to see which points cite it.',
  });

export function createPointsPanel(handlers: PointsHandlers): PointsPanel {
  const summaryJob: Job = {
    testid: 'progress',
    label: 'Summary progress',
    cancelTestid: 'cancel',
    cancelTitle: 'Stop summarising',
    starting: 'Summarising',
    cancel: () => handlers.cancel(),
  };
  const writingJob: Job = {
    testid: 'writing-progress',
    label: 'Writing progress',
    cancelTestid: 'writing-cancel',
    cancelTitle: 'Stop writing; the points written so far stay',
    starting: 'Writing key points',
    cancel: () => handlers.cancelWriting(),
  };

  const viewButton = (view: PointsView, text: string, title: string): HTMLButtonElement => {
    const node = button(text, {
      class: 'segment',
      testid: `points-view-${view}`,
      attrs: { 'aria-pressed': 'false', title: withShortcut(title, 'pointsView') },
    });
    node.addEventListener('click', () => handlers.setView(view));
    return node;
  };
  const viewButtons: Record<PointsView, HTMLButtonElement> = {
    sentences: viewButton('sentences', 'Key sentences', 'Show the sentences Brief chose from the statement'),
    written: viewButton('written', 'Written', 'Show key points written by the local model'),
  };

  const count = el('select', {
    class: 'select',
    testid: 'points-count',
    attrs: { 'aria-label': 'Number of key points', title: 'Number of key points' },
  });
  for (let n = POINTS_MIN; n <= POINTS_MAX; n++)
    count.append(el('option', { text: `${n} points`, attrs: { value: String(n) } }));
  // Auto: 5 for a release, more for a longer document (up to 12); once chosen it says how many.
  const autoOption = el('option', { text: AUTO_LABEL, attrs: { value: 'auto', title: AUTO_TITLE } });
  count.append(autoOption);
  count.addEventListener('change', () => handlers.setCount(parsePoints(count.value)));

  const format = el(
    'select',
    { class: 'select', testid: 'copy-format', attrs: { id: 'copy-format', title: 'Format used by Copy all' } },
    [
      el('option', { text: 'Plain text', attrs: { value: 'text' } }),
      el('option', { text: 'Markdown', attrs: { value: 'markdown' } }),
    ],
  );
  format.addEventListener('change', () => handlers.setFormat(format.value === 'markdown' ? 'markdown' : 'text'));

  const copyAll = button(
    'Copy all',
    { class: 'button', testid: 'copy-all', attrs: { title: withShortcut('Copy all key points', 'copyAll') } },
    [icon('copy'), el('span', { text: 'Copy all' })],
  );
  copyAll.addEventListener('click', () => handlers.copyAll());

  const body = el('div', { class: 'points-body', attrs: { tabindex: '-1' } });
  // Announces stage changes only; the visible counter changes too often to be read out.
  const announcer = el('span', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });

  const element = el('aside', { class: 'points-pane', attrs: { 'aria-labelledby': 'points-heading' } }, [
    el('div', { class: 'points-header' }, [
      el('h2', { class: 'points-heading', text: 'Key points', attrs: { id: 'points-heading' } }),
      el('div', { class: 'segmented', attrs: { role: 'group', 'aria-label': 'Key points to show' } }, [
        viewButtons.sentences,
        viewButtons.written,
      ]),
      selectBox(count, icon('chevron', 'icon select-chevron')),
    ]),
    body,
    el('div', { class: 'points-footer' }, [
      el('label', { class: 'footer-label', text: 'Copy as', attrs: { for: 'copy-format' } }),
      selectBox(format, icon('chevron', 'icon select-chevron')),
      copyAll,
    ]),
    announcer,
  ]);

  let shownDoc: number | null = null;
  let shownView: PointsView | null = null;
  let shownSummary: SummaryState | null = null;
  let shownWriting: WritingState | null = null;
  let progressView: ProgressView | null = null;
  let items: HTMLElement[] = [];
  let lastStage = '';

  function announce(text: string): void {
    if (text === lastStage) return;
    lastStage = text;
    announcer.textContent = text;
  }

  function progressCard(job: Job, note: string | null): HTMLElement {
    const fill = el('div', { class: 'progress-fill' });
    const track = el('div', { class: 'progress-track', attrs: { role: 'progressbar', 'aria-label': job.label } }, [
      fill,
    ]);
    const label = el('p', { class: 'progress-label' });
    const cancel = button('Cancel', {
      class: 'button subtle',
      testid: job.cancelTestid,
      attrs: { title: job.cancelTitle },
    });
    cancel.addEventListener('click', () => job.cancel());
    progressView = { job, fill, track, label, cancel };
    return el('div', { class: note === null ? 'progress-card' : 'progress-card has-note', testid: job.testid }, [
      note === null ? null : el('p', { class: 'progress-note', testid: 'writing-note', text: note }),
      label,
      track,
      cancel,
    ]);
  }

  function showProgress(progress: Progress | null, cancelling: boolean): void {
    if (!progressView) return;
    const { job, fill, track, label, cancel } = progressView;
    const fraction = progressFraction(progress);
    label.textContent = cancelling ? 'Cancelling…' : progressLabel(progress);
    cancel.disabled = cancelling;
    track.classList.toggle('indeterminate', fraction === null);
    if (fraction === null) {
      track.removeAttribute('aria-valuenow');
      fill.style.removeProperty('width');
    } else {
      track.setAttribute('aria-valuemin', '0');
      track.setAttribute('aria-valuemax', '100');
      track.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
      fill.style.width = `${fraction * 100}%`;
    }
    announce(cancelling ? 'Cancelling' : progress ? stageName(progress) : job.starting);
  }

  function summaryProgress(): HTMLElement {
    const skeleton = el(
      'div',
      { class: 'skeleton', attrs: { 'aria-hidden': 'true' } },
      [1, 2, 3].map(() => el('div', { class: 'skeleton-item' }, [el('span'), el('span'), el('span')])),
    );
    return el('div', { class: 'progress' }, [progressCard(summaryJob, null), skeleton]);
  }

  function message(
    kind: 'cancelled' | 'failed',
    text: string,
    action: { label: string; testid: string; run(): void },
  ): HTMLElement {
    const retry = button(action.label, { class: 'button', testid: action.testid }, [
      icon('retry'),
      el('span', { text: action.label }),
    ]);
    retry.addEventListener('click', () => action.run());
    return el('div', { class: `notice ${kind}`, attrs: kind === 'failed' ? { role: 'alert' } : { role: 'status' } }, [
      kind === 'failed' ? icon('alert', 'icon notice-icon') : null,
      el('p', { class: 'notice-text', text }),
      retry,
    ]);
  }

  /** The marker and the list of what to check, for a point the backend flagged as possibly unfaithful. */
  function flagParts(point: KeyPoint, index: number): { flag: HTMLElement; issues: HTMLElement; id: string } {
    const id = `point-issues-${index}`;
    const flag = el(
      'span',
      { class: 'point-flag', testid: 'point-flag', attrs: { title: 'Check this point against the original' } },
      [icon('warning'), el('span', { text: 'Check', attrs: { 'aria-hidden': 'true' } }), srOnly('Needs checking')],
    );
    const issues = el(
      'ul',
      { class: 'point-issues', testid: 'point-issues', attrs: { id, 'aria-label': 'What to check' } },
      point.issues.map((issue) => el('li', { text: issue.detail })),
    );
    return { flag, issues, id };
  }

  /** Among written points, a key sentence kept as the statement writes it (the model's version lost a fact, or it wrote none) says so. */
  function quotedTag(): HTMLElement {
    return el('span', {
      class: 'point-quoted',
      testid: 'point-quoted',
      text: 'as in the statement',
      attrs: {
        title:
          "The statement's own sentence: the writing model's shorter version left out a name, number or date, or it wrote none",
      },
    });
  }

  function pointItem(point: KeyPoint, index: number, amongWritten: boolean): HTMLElement {
    const flagged = point.issues.length > 0 ? flagParts(point, index) : null;
    const text = el('span', { class: 'point-text', testid: 'point-text', text: point.text });
    const marker = flagged ? flagged.flag : amongWritten && point.kind === 'sentence' ? quotedTag() : null;
    const main = el('button', { class: 'point-main', attrs: { type: 'button', 'aria-pressed': 'false' } }, [
      el('span', { class: 'point-number', text: String(index + 1), attrs: { 'aria-hidden': 'true' } }),
      // The marker follows the text's last word, so it reads as part of the point and takes no width of its own.
      marker ? el('span', { class: 'point-content' }, [text, ' ', marker]) : text,
    ]);
    if (flagged) main.setAttribute('aria-describedby', flagged.id);
    const copy = button(
      `Copy key point ${index + 1}`,
      { class: 'icon-button point-copy', testid: 'copy-point', attrs: { title: 'Copy this key point' } },
      [icon('copy')],
    );
    const li = el('li', { class: flagged ? 'point flagged' : 'point', testid: 'key-point' }, [
      main,
      copy,
      flagged?.issues,
    ]);
    li.dataset.evidence = evidenceSentences(point).join(',');
    li.dataset.kind = point.kind;
    li.dataset.index = String(index);

    main.addEventListener('click', () => handlers.pin(index));
    // A mouse click also focuses the button; only keyboard focus should keep a highlight on its own.
    main.addEventListener('focus', () => {
      if (focusIsVisible(main)) handlers.preview(index, 'focus');
    });
    main.addEventListener('blur', () => handlers.preview(null, 'focus'));
    li.addEventListener('mouseenter', () => handlers.preview(index, 'mouse'));
    li.addEventListener('mouseleave', () => handlers.preview(null, 'mouse'));
    copy.addEventListener('click', () => {
      void handlers.copyPoint(index).then((copied) => {
        if (!copied) return;
        copy.replaceChildren(icon('check'));
        copy.classList.add('done');
        window.setTimeout(() => {
          copy.replaceChildren(icon('copy'));
          copy.classList.remove('done');
        }, 1500);
      });
    });
    return li;
  }

  /** The list on screen; `items` follows it, since pins and marks index into it. */
  function pointList(points: readonly KeyPoint[], written: boolean): HTMLElement {
    const label = written ? 'Written key points' : 'Key points';
    items = points.map((point, index) => pointItem(point, index, written));
    return el(
      'ol',
      { class: 'points-list', testid: 'key-points', attrs: { role: 'list', 'aria-label': label } },
      items,
    );
  }

  function summaryParts(summary: Summary): HTMLElement[] {
    if (summary.key_points.length === 0) {
      return [
        el('div', { class: 'notice' }, [
          el('p', { class: 'notice-text', text: 'Brief found no key points in this statement.' }),
        ]),
      ];
    }
    const written = summary.kind === 'written';
    const timing = summary.timings_ms;
    const meta = el('p', {
      class: 'points-meta',
      text: written
        ? `${summary.model} · first point ${durationLabel(timing.first_point_ms)} · all ${durationLabel(timing.total_ms)}`
        : `${summary.model} · ${durationLabel(timing.total_ms)}`,
      attrs: written
        ? { title: 'Time from the start of writing to the first point, and to the last' }
        : { title: `Reading ${durationLabel(timing.embed_ms)}, choosing ${durationLabel(timing.rank_ms)}` },
    });
    // Key points read back from history rather than computed now say so, quietly.
    const stored = summary.stored_at
      ? el('p', {
          class: 'points-meta points-stored',
          testid: 'summary-stored',
          text: storedSummaryLabel(summary.stored_at),
          attrs: { title: 'These key points were stored when the document was summarised before' },
        })
      : null;
    const parts = [pointList(summary.key_points, written), hint(), meta];
    if (stored) parts.push(stored);
    return parts;
  }

  function stoppedLine(written: number, total: number): HTMLElement {
    const action = written === 0 ? 'Write again' : 'Write the rest';
    const restart = button(action, { class: 'button', testid: 'writing-restart' }, [
      icon('retry'),
      el('span', { text: action }),
    ]);
    restart.addEventListener('click', () => handlers.writeAgain());
    return el('div', { class: 'writing-status', testid: 'writing-stopped', attrs: { role: 'status' } }, [
      el('p', { class: 'writing-status-text', text: stoppedLabel(written, total) }),
      restart,
    ]);
  }

  /** The Written view; `sentences` are the key sentences, shown while there are no written points to show. */
  function writtenParts(sentences: Summary, writing: WritingState): HTMLElement[] {
    switch (writing.kind) {
      case 'idle':
        return summaryParts(sentences);
      case 'running': {
        if (writing.points.length > 0)
          return [pointList(writing.points, true), progressCard(writingJob, null), hint()];
        const note = 'Writing key points… key sentences shown meanwhile';
        return [progressCard(writingJob, note), ...summaryParts(sentences)];
      }
      case 'ready':
        // A model that wrote nothing leaves the key sentences as the best there is.
        return summaryParts(writing.summary.key_points.length > 0 ? writing.summary : sentences);
      case 'stopped': {
        const line = stoppedLine(writing.points.length, writing.total);
        if (writing.points.length === 0) return [line, ...summaryParts(sentences)];
        return [pointList(writing.points, true), line, hint()];
      }
      case 'failed': {
        const retry = { label: 'Try again', testid: 'writing-restart', run: () => handlers.writeAgain() };
        return [message('failed', writing.message, retry), ...summaryParts(sentences)];
      }
    }
  }

  /** A selector for the control that has keyboard focus in the body, to put focus back after building it again. */
  function focusedControl(): string | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || active === body || !body.contains(active)) return null;
    const index = items.findIndex((item) => item.contains(active));
    if (index >= 0)
      return `[data-index="${index}"] .${active.classList.contains('point-copy') ? 'point-copy' : 'point-main'}`;
    return active.dataset.testid ? `[data-testid="${active.dataset.testid}"]` : null;
  }

  type News = { summaryDone: boolean; writingDone: boolean };

  function renderBody(open: OpenDocument, view: PointsView, news: News): void {
    const hadFocus = body.contains(document.activeElement);
    const focused = focusedControl();
    progressView = null;
    items = [];
    const { summary, writing } = open;
    switch (summary.kind) {
      case 'running':
        body.replaceChildren(summaryProgress());
        showProgress(summary.progress, summary.cancelling);
        break;
      case 'ready':
        if (view === 'sentences') {
          body.replaceChildren(...summaryParts(summary.summary));
        } else {
          body.replaceChildren(...writtenParts(summary.summary, writing));
          if (writing.kind === 'running') showProgress(writing.progress, writing.cancelling);
          else if (writing.kind === 'stopped') announce('Stopped');
          else if (writing.kind === 'failed') announce('');
        }
        // Only a run finishing is news; switching to a ready tab is not.
        if (news.writingDone && writing.kind === 'ready')
          announce(`${keyPointsLabel(writing.summary.key_points.length)} written`);
        else if (news.summaryDone) announce(`${keyPointsLabel(summary.summary.key_points.length)} ready`);
        break;
      case 'cancelled':
        body.replaceChildren(
          message('cancelled', 'Cancelled', { label: 'Summarise again', testid: 'retry', run: () => handlers.retry() }),
        );
        announce('Cancelled');
        break;
      case 'failed':
        body.replaceChildren(
          message('failed', summary.message, { label: 'Try again', testid: 'retry', run: () => handlers.retry() }),
        );
        announce('');
        break;
    }
    // Only choosing the key sentences leaves nothing to read; while points are written the list can be read.
    body.setAttribute('aria-busy', String(summary.kind === 'running'));
    // Keep keyboard users in the panel, on the same control if it is still there (points arrive while they read).
    if (hadFocus && !body.contains(document.activeElement)) {
      const again = focused === null ? null : body.querySelector<HTMLElement>(focused);
      (again ?? body.querySelector<HTMLElement>('.point-main, button') ?? body).focus();
    }
  }

  return {
    element,
    update(open, view, copyFormat) {
      format.value = copyFormat;
      count.disabled = !open;
      if (open) count.value = String(open.points);
      const chosen = open?.summary.kind === 'ready' ? open.summary.summary : null;
      autoOption.textContent = chosen?.auto_count ? `Auto: ${chosen.key_points.length} points` : AUTO_LABEL;
      viewButtons.sentences.setAttribute('aria-pressed', String(view === 'sentences'));
      viewButtons.written.setAttribute('aria-pressed', String(view === 'written'));
      copyAll.disabled = shownPoints(open, view).length === 0;
      const id = open?.doc.id ?? null;
      const summary = open?.summary ?? null;
      // Points being written change nothing in the key sentences view.
      const writing = view === 'written' ? (open?.writing ?? null) : null;
      if (id === shownDoc && view === shownView && summary === shownSummary && writing === shownWriting) return;
      const same = id === shownDoc && view === shownView;
      const news: News = {
        summaryDone: id === shownDoc && shownSummary?.kind === 'running',
        writingDone: same && shownWriting?.kind === 'running',
      };
      // Only the progress moved: update the card in place rather than restart its animation.
      const sameSummaryRun =
        same &&
        summary?.kind === 'running' &&
        shownSummary?.kind === 'running' &&
        summary.request === shownSummary.request;
      const sameWritingRun =
        same &&
        summary === shownSummary &&
        writing?.kind === 'running' &&
        shownWriting?.kind === 'running' &&
        writing.request === shownWriting.request &&
        writing.points === shownWriting.points;
      if (id !== shownDoc) {
        progressView = null;
        body.scrollTop = 0;
      }
      shownDoc = id;
      shownView = view;
      shownSummary = summary;
      shownWriting = writing;
      if (!open) {
        items = [];
        body.replaceChildren();
      } else if (sameSummaryRun && open.summary.kind === 'running') {
        showProgress(open.summary.progress, open.summary.cancelling);
      } else if (sameWritingRun && open.writing.kind === 'running') {
        showProgress(open.writing.progress, open.writing.cancelling);
      } else {
        renderBody(open, view, news);
      }
    },
    setMarks(pinned, cited) {
      items.forEach((item, index) => {
        const isPinned = index === pinned;
        item.classList.toggle('pinned', isPinned);
        item.classList.toggle('cited', cited.includes(index));
        item.querySelector('.point-main')?.setAttribute('aria-pressed', String(isPinned));
      });
    },
    scrollToPoint(index) {
      items[index]?.scrollIntoView?.({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    },
  };
}
