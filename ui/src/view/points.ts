import type { Progress, Summary } from '../bindings';
import { durationLabel, keyPointsLabel, progressFraction, progressLabel, storedSummaryLabel } from '../format';
import { POINTS_MAX, POINTS_MIN, type CopyFormat } from '../settings';
import { withShortcut } from '../shortcuts';
import { evidenceSentences, type OpenDocument, type SummaryState } from '../state';
import { button, el, prefersReducedMotion, selectBox } from './dom';
import { icon } from './icons';

// The key points panel: count control, the list (or progress / cancelled / error), and copy controls.

export type PreviewSource = 'mouse' | 'focus';

export type PointsHandlers = {
  preview(index: number | null, source: PreviewSource): void;
  pin(index: number): void;
  copyPoint(index: number): Promise<boolean>;
  copyAll(): void;
  setCount(count: number): void;
  setFormat(format: CopyFormat): void;
  cancel(): void;
  retry(): void;
};

export type PointsPanel = {
  element: HTMLElement;
  update(open: OpenDocument | undefined, format: CopyFormat): void;
  setMarks(pinned: number | null, cited: readonly number[]): void;
  scrollToPoint(index: number): void;
};

type ProgressView = {
  fill: HTMLElement;
  track: HTMLElement;
  label: HTMLElement;
  cancel: HTMLButtonElement;
};

function stageName(progress: Progress | null): string {
  if (progress === null) return 'Summarising';
  return progress.stage === 'loading_model'
    ? 'Loading the model'
    : progress.stage === 'embedding'
      ? 'Reading sentences'
      : 'Choosing key points';
}

function focusIsVisible(node: Element): boolean {
  try {
    return node.matches(':focus-visible');
  } catch {
    return true;
  }
}

export function createPointsPanel(handlers: PointsHandlers): PointsPanel {
  const count = el('select', {
    class: 'select',
    testid: 'points-count',
    attrs: { 'aria-label': 'Number of key points', title: 'Number of key points' },
  });
  for (let n = POINTS_MIN; n <= POINTS_MAX; n++)
    count.append(el('option', { text: `${n} points`, attrs: { value: String(n) } }));
  count.addEventListener('change', () => handlers.setCount(Number(count.value)));

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
  let shownSummary: SummaryState | null = null;
  let progressView: ProgressView | null = null;
  let items: HTMLElement[] = [];
  let lastStage = '';

  function announce(text: string): void {
    if (text === lastStage) return;
    lastStage = text;
    announcer.textContent = text;
  }

  function renderProgress(progress: Progress | null, cancelling: boolean): void {
    if (!progressView) {
      const fill = el('div', { class: 'progress-fill' });
      const track = el(
        'div',
        { class: 'progress-track', attrs: { role: 'progressbar', 'aria-label': 'Summary progress' } },
        [fill],
      );
      const label = el('p', { class: 'progress-label' });
      const cancel = button('Cancel', {
        class: 'button subtle',
        testid: 'cancel',
        attrs: { title: 'Stop summarising' },
      });
      cancel.addEventListener('click', () => handlers.cancel());
      const skeleton = el(
        'div',
        { class: 'skeleton', attrs: { 'aria-hidden': 'true' } },
        [1, 2, 3].map(() => el('div', { class: 'skeleton-item' }, [el('span'), el('span'), el('span')])),
      );
      const root = el('div', { class: 'progress', testid: 'progress' }, [
        el('div', { class: 'progress-card' }, [label, track, cancel]),
        skeleton,
      ]);
      progressView = { fill, track, label, cancel };
      body.replaceChildren(root);
    }
    const fraction = progressFraction(progress);
    progressView.label.textContent = cancelling ? 'Cancelling…' : progressLabel(progress);
    progressView.cancel.disabled = cancelling;
    progressView.track.classList.toggle('indeterminate', fraction === null);
    if (fraction === null) {
      progressView.track.removeAttribute('aria-valuenow');
      progressView.fill.style.removeProperty('width');
    } else {
      progressView.track.setAttribute('aria-valuemin', '0');
      progressView.track.setAttribute('aria-valuemax', '100');
      progressView.track.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
      progressView.fill.style.width = `${fraction * 100}%`;
    }
    announce(cancelling ? 'Cancelling' : stageName(progress));
  }

  function message(kind: 'cancelled' | 'failed', text: string, action: string): HTMLElement {
    const retry = button(action, { class: 'button', testid: 'retry' }, [icon('retry'), el('span', { text: action })]);
    retry.addEventListener('click', () => handlers.retry());
    return el('div', { class: `notice ${kind}`, attrs: kind === 'failed' ? { role: 'alert' } : { role: 'status' } }, [
      kind === 'failed' ? icon('alert', 'icon notice-icon') : null,
      el('p', { class: 'notice-text', text }),
      retry,
    ]);
  }

  function pointItem(summary: Summary, index: number): HTMLElement {
    const point = summary.key_points[index];
    const text = point?.text ?? '';
    const main = el('button', { class: 'point-main', attrs: { type: 'button', 'aria-pressed': 'false' } }, [
      el('span', { class: 'point-number', text: String(index + 1), attrs: { 'aria-hidden': 'true' } }),
      el('span', { class: 'point-text', testid: 'point-text', text }),
    ]);
    const copy = button(
      `Copy key point ${index + 1}`,
      { class: 'icon-button point-copy', testid: 'copy-point', attrs: { title: 'Copy this key point' } },
      [icon('copy')],
    );
    const li = el('li', { class: 'point', testid: 'key-point' }, [main, copy]);
    li.dataset.evidence = point ? evidenceSentences(point).join(',') : '';

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

  function renderReady(summary: Summary): void {
    if (summary.key_points.length === 0) {
      body.replaceChildren(
        el('div', { class: 'notice' }, [
          el('p', { class: 'notice-text', text: 'Brief found no key points in this statement.' }),
        ]),
      );
      return;
    }
    items = summary.key_points.map((_, index) => pointItem(summary, index));
    const list = el(
      'ol',
      { class: 'points-list', testid: 'key-points', attrs: { role: 'list', 'aria-label': 'Key points' } },
      items,
    );
    const timing = summary.timings_ms;
    const meta = el('p', {
      class: 'points-meta',
      text: `${summary.model} · ${durationLabel(timing.total_ms)}`,
      attrs: { title: `Reading ${durationLabel(timing.embed_ms)}, choosing ${durationLabel(timing.rank_ms)}` },
    });
    const hint = el('p', {
      class: 'points-hint',
      text: 'Select a point to highlight its sources in the original. Click a sentence to see which points cite it.',
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
    body.replaceChildren(list, hint, meta);
    if (stored) body.append(stored);
  }

  function renderBody(state: SummaryState, finishedRun: boolean): void {
    const hadFocus = body.contains(document.activeElement);
    if (state.kind !== 'running') progressView = null;
    items = [];
    switch (state.kind) {
      case 'running':
        renderProgress(state.progress, state.cancelling);
        break;
      case 'ready':
        renderReady(state.summary);
        // Only a run finishing is news; switching to a ready tab is not.
        if (finishedRun) announce(`${keyPointsLabel(state.summary.key_points.length)} ready`);
        break;
      case 'cancelled':
        body.replaceChildren(message('cancelled', 'Cancelled', 'Summarise again'));
        announce('Cancelled');
        break;
      case 'failed':
        body.replaceChildren(message('failed', state.message, 'Try again'));
        announce('');
        break;
    }
    body.setAttribute('aria-busy', String(state.kind === 'running'));
    // Keep keyboard users in the panel when the control they used disappears.
    if (hadFocus && !body.contains(document.activeElement)) {
      (body.querySelector<HTMLElement>('.point-main, button') ?? body).focus();
    }
  }

  return {
    element,
    update(open, copyFormat) {
      format.value = copyFormat;
      count.disabled = !open;
      if (open) count.value = String(open.points);
      const ready = open?.summary.kind === 'ready' && open.summary.summary.key_points.length > 0;
      copyAll.disabled = !ready;
      const id = open?.doc.id ?? null;
      const summary = open?.summary ?? null;
      if (id === shownDoc && summary === shownSummary) return;
      const finishedRun = id === shownDoc && shownSummary?.kind === 'running';
      const sameRun =
        id === shownDoc &&
        summary?.kind === 'running' &&
        shownSummary?.kind === 'running' &&
        summary.request === shownSummary.request;
      if (id !== shownDoc) {
        progressView = null;
        body.scrollTop = 0;
      }
      shownDoc = id;
      shownSummary = summary;
      if (!summary) {
        items = [];
        body.replaceChildren();
      } else if (sameRun && summary.kind === 'running') {
        renderProgress(summary.progress, summary.cancelling);
      } else {
        renderBody(summary, finishedRun);
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
