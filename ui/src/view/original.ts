import type { DocumentView } from '../bindings';
import { dateLabel, displayTitle, readingTimeLabel, wordsLabel } from '../format';
import { el, prefersReducedMotion } from './dom';
import { icon } from './icons';

// The original statement. Each document's article is built once and kept, so switching tabs is instant
// and each tab keeps its own scroll position.

export type Marks = {
  /** Sentences to highlight (evidence of the hovered, focused or pinned key point). */
  highlighted: readonly number[];
  selected: number | null;
};

export type OriginalPane = {
  element: HTMLElement;
  show(doc: DocumentView | null): void;
  forget(docId: number): void;
  setMarks(docId: number, marks: Marks): void;
  scrollToSentence(docId: number, sentence: number): void;
};

type Rendered = {
  article: HTMLElement;
  spans: Map<number, HTMLElement>;
  scrollTop: number;
  highlighted: Set<number>;
  selected: number | null;
  /** The one sentence reachable with Tab (roving tabindex); arrows move from there. */
  focusable: number | null;
};

function isUtf8(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding.trim());
}

function header(doc: DocumentView): HTMLElement {
  const meta: Array<Node | string> = [];
  if (doc.date !== null && doc.date !== '')
    meta.push(el('time', { attrs: { datetime: doc.date }, text: dateLabel(doc.date) }));
  meta.push(wordsLabel(doc.words), readingTimeLabel(doc.reading_minutes));
  const metaLine = el('p', { class: 'doc-meta' });
  meta.forEach((part, index) => {
    if (index > 0) metaLine.append(el('span', { class: 'meta-sep', text: '·', attrs: { 'aria-hidden': 'true' } }));
    metaLine.append(part);
  });

  const hasTitle = displayTitle(doc) !== doc.file_name;
  const source = el('p', { class: 'doc-source' });
  if (hasTitle) source.append(el('span', { class: 'doc-file', text: doc.file_name, attrs: { title: doc.path } }));
  if (!isUtf8(doc.encoding)) {
    source.append(
      el('span', { class: 'encoding', text: doc.encoding, attrs: { title: `Text encoding: ${doc.encoding}` } }),
    );
  }

  // Set by the backend, e.g. when the file is gone and this is the copy Brief kept of it.
  const notice = doc.notice?.trim()
    ? el('p', { class: 'doc-notice', testid: 'document-notice', attrs: { role: 'note' } }, [
        icon('info', 'icon doc-notice-icon'),
        el('span', { text: doc.notice }),
      ])
    : null;

  return el('header', { class: 'doc-header' }, [
    notice,
    el('h1', {
      class: hasTitle ? 'doc-title' : 'doc-title file-name',
      text: displayTitle(doc),
      attrs: { id: `doc-title-${doc.id}`, title: doc.path },
    }),
    metaLine,
    source.childElementCount > 0 ? source : null,
  ]);
}

export function renderArticle(doc: DocumentView): { article: HTMLElement; spans: Map<number, HTMLElement> } {
  const spans = new Map<number, HTMLElement>();
  const sentenceSpan = (index: number): HTMLElement | null => {
    const text = doc.sentences[index];
    if (text === undefined || spans.has(index)) return null;
    const span = el('span', { class: 'sentence', testid: 'sentence', text, attrs: { tabindex: '-1' } });
    span.dataset.sentence = String(index);
    spans.set(index, span);
    return span;
  };

  // A backend that sends sentences without paragraphs still gets its text shown.
  const paragraphs = doc.paragraphs.length > 0 ? doc.paragraphs : [doc.sentences.map((_, index) => index)];
  const body = el('div', { class: 'doc-body' });
  for (const indices of paragraphs) {
    const paragraph = el('p');
    for (const index of indices) {
      const span = sentenceSpan(index);
      if (!span) continue;
      if (paragraph.childNodes.length > 0) paragraph.append(' ');
      paragraph.append(span);
    }
    if (paragraph.childNodes.length > 0) body.append(paragraph);
  }

  const article = el('article', { class: 'doc', attrs: { 'aria-labelledby': `doc-title-${doc.id}` } }, [
    header(doc),
    body,
  ]);
  return { article, spans };
}

function toggleAll(spans: Map<number, HTMLElement>, from: Set<number>, to: Set<number>, className: string): void {
  for (const index of from) if (!to.has(index)) spans.get(index)?.classList.remove(className);
  for (const index of to) if (!from.has(index)) spans.get(index)?.classList.add(className);
}

export function createOriginalPane(toggleSentence: (docId: number, sentence: number) => void): OriginalPane {
  const element = el('section', {
    class: 'original-pane',
    testid: 'original',
    attrs: { 'aria-label': 'Original text' },
  });
  const rendered = new Map<number, Rendered>();
  let shownId: number | null = null;

  function setFocusable(view: Rendered, sentence: number | null): void {
    if (view.focusable === sentence) return;
    if (view.focusable !== null) view.spans.get(view.focusable)?.setAttribute('tabindex', '-1');
    view.focusable = sentence;
    if (sentence !== null) view.spans.get(sentence)?.setAttribute('tabindex', '0');
  }

  function sentenceOf(target: EventTarget | null): HTMLElement | null {
    return target instanceof Element ? target.closest<HTMLElement>('[data-sentence]') : null;
  }

  element.addEventListener('click', (event) => {
    const span = sentenceOf(event.target);
    // Selecting a phrase to copy it is not a click on the sentence.
    if (!span || shownId === null || (window.getSelection?.()?.toString() ?? '') !== '') return;
    toggleSentence(shownId, Number(span.dataset.sentence));
  });

  element.addEventListener('keydown', (event) => {
    const span = sentenceOf(event.target);
    const view = shownId === null ? undefined : rendered.get(shownId);
    if (!span || !view || shownId === null) return;
    const index = Number(span.dataset.sentence);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggleSentence(shownId, index);
      return;
    }
    const order = [...view.spans.keys()];
    const position = order.indexOf(index);
    let next: number | undefined;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = order[position + 1];
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = order[position - 1];
    else if (event.key === 'Home') next = order[0];
    else if (event.key === 'End') next = order[order.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    setFocusable(view, next);
    view.spans.get(next)?.focus();
  });

  return {
    element,
    show(doc) {
      const id = doc?.id ?? null;
      if (id === shownId) return;
      const previous = shownId === null ? undefined : rendered.get(shownId);
      if (previous) previous.scrollTop = element.scrollTop;
      shownId = id;
      if (!doc) {
        element.replaceChildren();
        return;
      }
      let view = rendered.get(doc.id);
      if (!view) {
        const { article, spans } = renderArticle(doc);
        view = { article, spans, scrollTop: 0, highlighted: new Set(), selected: null, focusable: null };
        setFocusable(view, spans.keys().next().value ?? null);
        rendered.set(doc.id, view);
      }
      element.replaceChildren(view.article);
      element.scrollTop = view.scrollTop;
    },
    forget(docId) {
      rendered.delete(docId);
    },
    setMarks(docId, marks) {
      const view = rendered.get(docId);
      if (!view) return;
      const highlighted = new Set(marks.highlighted);
      toggleAll(view.spans, view.highlighted, highlighted, 'highlight');
      view.highlighted = highlighted;
      if (view.selected !== marks.selected) {
        if (view.selected !== null) view.spans.get(view.selected)?.classList.remove('selected');
        if (marks.selected !== null) {
          view.spans.get(marks.selected)?.classList.add('selected');
          setFocusable(view, marks.selected);
        }
        view.selected = marks.selected;
      }
    },
    scrollToSentence(docId, sentence) {
      const span = rendered.get(docId)?.spans.get(sentence);
      if (!span || typeof span.scrollIntoView !== 'function') return;
      span.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    },
  };
}
