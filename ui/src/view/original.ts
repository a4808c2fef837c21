import type { DocumentView } from '../bindings';
import { dateLabel, displayTitle, moreSentencesLabel, readingTimeLabel, wordsLabel } from '../format';
import { el, prefersReducedMotion } from './dom';
import { icon } from './icons';

// The original statement. Each document's article is built once and kept, so switching tabs is instant
// and each tab keeps its own scroll position.
//
// Long documents (up to hundreds of thousands of sentences) are built in chunks: the first at once, the next
// ones as the reader nears the end of what is built, or when something needs a sentence further down
// (ensureRendered). What is built is always the document from its start, in order. Each chunk is a part
// (div.doc-part) the engine skips as a whole while it is out of view; with one box per paragraph instead,
// every frame would cost time in proportion to all that was built.

/**
 * Sentences built per chunk: in Chromium about 5–10 ms of DOM work on a slow machine, well under the 50 ms that
 * makes a task long even at worst, yet dozens of screens of text ahead of the reader. A document of up to one
 * and a half chunks, the usual case by far, is built whole at once.
 */
export const CHUNK_SENTENCES = 1000;
/** A chunk ends at a paragraph's end; only a paragraph that would take it past this is split. */
const CHUNK_MAX = 2 * CHUNK_SENTENCES;
/** How long one step of building towards a far sentence may take before the window gets a turn. */
const SLICE_MS = 12;
/** For a part's height before it is first laid out: characters per line and line heights, as in styles.css. */
const CHARS_PER_LINE = 85;
const LINE_EM = 1.65;
const PARAGRAPH_GAP_EM = 1.05;

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
  doc: DocumentView;
  paragraphs: ReadonlyArray<readonly number[]>;
  /** Section headings, shown as headings; transcript asides, shown quietly. */
  headings: ReadonlySet<number>;
  asides: ReadonlySet<number>;
  article: HTMLElement;
  body: HTMLElement;
  /** The status line after the built part while there is more; it builds the next chunk when clicked. */
  more: HTMLButtonElement;
  spans: Map<number, HTMLElement>;
  /** Where building continues: the paragraph, how far into it, and its element when it is built in part. */
  next: { paragraph: number; offset: number; element: HTMLElement | null };
  /** Paragraph entries not yet built. */
  remaining: number;
  /** A sentence being built towards in steps, and what to do with it once it exists. */
  reveal: { target: Target; then: (span: HTMLElement) => void } | null;
  revealTimer: number | null;
  scrollTop: number;
  highlighted: Set<number>;
  selected: number | null;
  /** The one sentence reachable with Tab (roving tabindex); arrows move from there. */
  focusable: number | null;
};

// Marks are kept by index, so a sentence built after they were set comes out marked.

/** A sentence index, or the end of the document (its last sentence, with everything before it built). */
type Target = number | 'end';

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

function createView(doc: DocumentView): Rendered {
  // A backend that sends sentences without paragraphs still gets its text shown.
  const paragraphs = doc.paragraphs.length > 0 ? doc.paragraphs : [doc.sentences.map((_, index) => index)];
  let remaining = 0;
  for (const indices of paragraphs) remaining += indices.length;
  const body = el('div', { class: 'doc-body' });
  const more = el('button', {
    class: 'doc-more',
    testid: 'original-more',
    attrs: { type: 'button', title: 'Show more of the document' },
  });
  const article = el('article', { class: 'doc', attrs: { 'aria-labelledby': `doc-title-${doc.id}` } }, [
    header(doc),
    body,
    more,
  ]);
  return {
    doc,
    paragraphs,
    headings: new Set(doc.headings),
    asides: new Set(doc.asides),
    article,
    body,
    more,
    spans: new Map(),
    next: { paragraph: 0, offset: 0, element: null },
    remaining,
    reveal: null,
    revealTimer: null,
    scrollTop: 0,
    highlighted: new Set(),
    selected: null,
    focusable: null,
  };
}

function isComplete(view: Rendered): boolean {
  return view.next.paragraph >= view.paragraphs.length;
}

function sentenceSpan(view: Rendered, index: number | undefined): HTMLElement | null {
  if (index === undefined) return null;
  const text = view.doc.sentences[index];
  if (text === undefined || view.spans.has(index)) return null;
  // Built by hand rather than with el(): this runs for every sentence of the document.
  const span = document.createElement('span');
  let className = view.asides.has(index) ? 'sentence aside' : 'sentence';
  if (view.highlighted.has(index)) className += ' highlight';
  if (view.selected === index) className += ' selected';
  span.className = className;
  span.setAttribute('data-testid', 'sentence');
  span.setAttribute('data-sentence', String(index));
  span.setAttribute('tabindex', view.focusable === index ? '0' : '-1');
  span.textContent = text;
  view.spans.set(index, span);
  return span;
}

/**
 * Builds the next chunk: whole paragraphs up to about CHUNK_SENTENCES, or all that is left if that is little.
 * Each chunk is a part of its own, so the engine can skip laying out parts out of view as a whole.
 */
function buildChunk(view: Rendered): void {
  const { paragraphs, next } = view;
  const budget = view.remaining <= CHUNK_SENTENCES * 1.5 ? view.remaining : CHUNK_SENTENCES;
  const part = el('div', { class: 'doc-part' });
  let walked = 0;
  let heightEm = 0;
  while (walked < budget && next.paragraph < paragraphs.length) {
    const indices = paragraphs[next.paragraph] ?? [];
    // A section heading is a paragraph of its own (brief-document puts it on its own line).
    const paragraph = next.element ?? el(view.headings.has(indices[0] ?? -1) ? 'h2' : 'p');
    if (paragraph.tagName === 'H2') paragraph.className = 'doc-heading';
    // A paragraph too long for the chunk is split where the chunk is full, and continued by the next one.
    const left = indices.length - next.offset;
    const end = next.offset + (left <= CHUNK_MAX - walked ? left : budget - walked);
    let characters = 0;
    for (let position = next.offset; position < end; position++) {
      const span = sentenceSpan(view, indices[position]);
      if (!span) continue;
      if (paragraph.firstChild !== null) paragraph.appendChild(document.createTextNode(' '));
      paragraph.appendChild(span);
      characters += (span.textContent?.length ?? 0) + 1;
    }
    // A paragraph continued from the last chunk is in the body already.
    if (paragraph.parentNode === null && paragraph.firstChild !== null) {
      part.appendChild(paragraph);
      heightEm += Math.ceil(characters / CHARS_PER_LINE) * LINE_EM + PARAGRAPH_GAP_EM;
    }
    walked += end - next.offset;
    if (end < indices.length) {
      next.offset = end;
      next.element = paragraph;
    } else {
      next.paragraph += 1;
      next.offset = 0;
      next.element = null;
    }
  }
  view.remaining -= walked;
  if (part.firstChild === null) return;
  // Stands in for the part's height until it is first laid out (styles.css: contain-intrinsic-size).
  part.style.setProperty('--part-height', `${Math.ceil(heightEm)}em`);
  view.body.appendChild(part);
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

  const shownView = (): Rendered | undefined => (shownId === null ? undefined : rendered.get(shownId));

  // Builds the next chunk when the status line at the end of the built part comes within a screen of view.
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            const view = shownView();
            const entry = entries.filter((candidate) => candidate.target === view?.more).pop();
            if (!view || !entry?.isIntersecting || isComplete(view)) return;
            renderChunk(view);
            // Observing again reports at once whether the end is still near (a tall window, a fast scroll).
            if (!isComplete(view)) {
              observer?.unobserve(view.more);
              observer?.observe(view.more);
            }
          },
          { root: element, rootMargin: '0px 0px 100% 0px' },
        )
      : null;

  function renderChunk(view: Rendered): void {
    buildChunk(view);
    if (!isComplete(view)) {
      view.more.textContent = moreSentencesLabel(view.spans.size, view.doc.sentences.length);
      return;
    }
    if (view.more.parentNode === null) return;
    const hadFocus = document.activeElement === view.more;
    observer?.unobserve(view.more);
    view.more.remove();
    if (hadFocus) focusSentence(view, lastRenderedSpan(view));
  }

  /**
   * Builds the document up to and including the chunk holding the target sentence (for a sentence in no
   * paragraph, all of it) and returns its element; stops early, returning nothing, once `deadline`
   * (a performance.now() time) has passed. Every path to a sentence that may not be built yet comes here.
   */
  function ensureRendered(view: Rendered, target: Target, deadline = Infinity): HTMLElement | undefined {
    if (target !== 'end' && view.doc.sentences[target] === undefined) return undefined;
    while ((target === 'end' || !view.spans.has(target)) && !isComplete(view)) {
      renderChunk(view);
      if (performance.now() >= deadline) break;
    }
    if (target !== 'end') return view.spans.get(target);
    return isComplete(view) ? (lastRenderedSpan(view) ?? undefined) : undefined;
  }

  /**
   * Calls `then` with the sentence's element once it is built: at once when that is quick, else after building
   * towards it a slice at a time so the window stays responsive. A newer request replaces an unfinished one.
   */
  function reveal(view: Rendered, target: Target, then: (span: HTMLElement) => void): void {
    if (view.revealTimer !== null) window.clearTimeout(view.revealTimer);
    view.revealTimer = null;
    view.reveal = target !== 'end' && view.doc.sentences[target] === undefined ? null : { target, then };
    revealStep(view);
  }

  function revealStep(view: Rendered): void {
    view.revealTimer = null;
    const target = view.reveal;
    if (!target) return;
    const span = ensureRendered(view, target.target, performance.now() + SLICE_MS);
    if (span || isComplete(view)) {
      view.reveal = null;
      if (span) target.then(span);
      return;
    }
    view.revealTimer = window.setTimeout(() => revealStep(view), 0);
  }

  function scrollToSpan(view: Rendered, span: HTMLElement, wasBuilt: boolean): void {
    if (typeof span.scrollIntoView !== 'function') return;
    // A smooth scroll keeps to the place it worked out at the start, but parts of a long document first laid
    // out on the way (their height was an estimate until then) move the sentence from there: far off, jump.
    const pane = element.getBoundingClientRect();
    const near =
      view.body.childElementCount <= 1 || Math.abs(span.getBoundingClientRect().top - pane.top) <= 3 * pane.height;
    const smooth = !prefersReducedMotion() && wasBuilt && near;
    span.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    if (smooth || typeof requestAnimationFrame !== 'function') return;
    // An engine without scroll anchoring may still move it as the parts around it are laid out: look again.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const box = span.getBoundingClientRect();
        const now = element.getBoundingClientRect();
        const away = box.bottom < now.top || box.top > now.bottom;
        if (span.isConnected && away) span.scrollIntoView({ block: 'center' });
      }),
    );
  }

  function lastRenderedSpan(view: Rendered): HTMLElement | null {
    const last = view.body.lastElementChild?.lastElementChild?.lastElementChild;
    return last instanceof HTMLElement ? last : null;
  }

  /** The sentence before or after `span` in reading order, building the next chunk when it is the last built. */
  function neighbour(view: Rendered, span: HTMLElement, step: 1 | -1): HTMLElement | null {
    const sibling = step > 0 ? span.nextElementSibling : span.previousElementSibling;
    if (sibling instanceof HTMLElement) return sibling;
    const paragraph = span.parentElement;
    const part = paragraph?.parentElement;
    const nextParagraph =
      step > 0
        ? (paragraph?.nextElementSibling ?? part?.nextElementSibling?.firstElementChild)
        : (paragraph?.previousElementSibling ?? part?.previousElementSibling?.lastElementChild);
    const found = step > 0 ? nextParagraph?.firstElementChild : nextParagraph?.lastElementChild;
    if (found instanceof HTMLElement) return found;
    if (step < 0 || isComplete(view)) return null;
    renderChunk(view);
    return neighbour(view, span, step);
  }

  function setFocusable(view: Rendered, sentence: number | null): void {
    if (view.focusable === sentence) return;
    if (view.focusable !== null) view.spans.get(view.focusable)?.setAttribute('tabindex', '-1');
    view.focusable = sentence;
    if (sentence !== null) view.spans.get(sentence)?.setAttribute('tabindex', '0');
  }

  function focusSentence(view: Rendered, span: HTMLElement | null): void {
    if (!span) return;
    setFocusable(view, Number(span.dataset.sentence));
    span.focus();
  }

  function sentenceOf(target: EventTarget | null): HTMLElement | null {
    return target instanceof Element ? target.closest<HTMLElement>('[data-sentence]') : null;
  }

  element.addEventListener('click', (event) => {
    const view = shownView();
    if (view && event.target instanceof Node && view.more.contains(event.target)) {
      renderChunk(view);
      return;
    }
    const span = sentenceOf(event.target);
    // Selecting a phrase to copy it is not a click on the sentence.
    if (!span || shownId === null || (window.getSelection?.()?.toString() ?? '') !== '') return;
    toggleSentence(shownId, Number(span.dataset.sentence));
  });

  element.addEventListener('keydown', (event) => {
    const span = sentenceOf(event.target);
    const view = shownView();
    if (!span || !view || shownId === null) return;
    const index = Number(span.dataset.sentence);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggleSentence(shownId, index);
      return;
    }
    if (event.key === 'End') {
      event.preventDefault();
      // The end of a long document may take a moment to build; by then focus may have gone elsewhere.
      reveal(view, 'end', (target) => {
        if (shownId === view.doc.id && element.contains(document.activeElement)) focusSentence(view, target);
      });
      return;
    }
    let next: HTMLElement | null = null;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = neighbour(view, span, 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = neighbour(view, span, -1);
    else if (event.key === 'Home') next = sentenceOf(view.body.querySelector('[data-sentence]'));
    else return;
    if (!next) return;
    event.preventDefault();
    focusSentence(view, next);
  });

  return {
    element,
    show(doc) {
      const id = doc?.id ?? null;
      if (id === shownId) return;
      const previous = shownView();
      if (previous) previous.scrollTop = element.scrollTop;
      shownId = id;
      observer?.disconnect();
      if (!doc) {
        element.replaceChildren();
        return;
      }
      let view = rendered.get(doc.id);
      if (!view) {
        view = createView(doc);
        renderChunk(view);
        setFocusable(view, view.spans.keys().next().value ?? null);
        rendered.set(doc.id, view);
      }
      element.replaceChildren(view.article);
      element.scrollTop = view.scrollTop;
      if (!isComplete(view)) observer?.observe(view.more);
    },
    forget(docId) {
      const view = rendered.get(docId);
      if (!view) return;
      if (view.revealTimer !== null) window.clearTimeout(view.revealTimer);
      view.reveal = null;
      rendered.delete(docId);
    },
    setMarks(docId, marks) {
      const view = rendered.get(docId);
      if (!view) return;
      // Only built sentences change here; the rest take their marks when they are built.
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
      const view = rendered.get(docId);
      if (!view) return;
      const wasBuilt = view.spans.has(sentence);
      reveal(view, sentence, (span) => {
        if (shownId === docId) scrollToSpan(view, span, wasBuilt);
      });
    },
  };
}
