import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentView } from './bindings';
import { makeDoc } from './testData';
import { CHUNK_SENTENCES, createOriginalPane, type OriginalPane } from './view/original';

// The original pane on its own: long documents are built a chunk at a time.

/** A document of `count` one-sentence paragraphs (or one paragraph of them all when `together`). */
function longDoc(id: number, count: number, together = false): DocumentView {
  const sentences = Array.from({ length: count }, (_, index) => `Sentence ${index}.`);
  return makeDoc(id, `/s/long-${id}.txt`, {
    sentences,
    paragraphs: together ? [] : sentences.map((_, index) => [index]),
  });
}

/** IntersectionObserver as far as the pane uses it; `report` plays the browser telling it about a target. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  readonly observed = new Set<Element>();
  observeCalls = 0;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeObserver.instances.push(this);
  }
  observe(target: Element): void {
    this.observed.add(target);
    this.observeCalls += 1;
  }
  unobserve(target: Element): void {
    this.observed.delete(target);
  }
  disconnect(): void {
    this.observed.clear();
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  report(target: Element, isIntersecting: boolean): void {
    const entry = { target, isIntersecting } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

let pane: OriginalPane;

const sentences = (): HTMLElement[] => [...pane.element.querySelectorAll<HTMLElement>('[data-testid="sentence"]')];
const indices = (): number[] => sentences().map((span) => Number(span.dataset.sentence));
const upTo = (count: number): number[] => Array.from({ length: count }, (_, index) => index);
const more = (): HTMLElement | null => pane.element.querySelector<HTMLElement>('[data-testid="original-more"]');
const sentence = (index: number): HTMLElement | null =>
  pane.element.querySelector<HTMLElement>(`[data-sentence="${index}"]`);
const press = (target: Element, key: string): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
};

function open(doc: DocumentView): void {
  pane = createOriginalPane(() => undefined);
  document.body.replaceChildren(pane.element);
  pane.show(doc);
}

beforeEach(() => {
  FakeObserver.instances = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

// Sizes below are in chunks, so the tests hold whatever CHUNK_SENTENCES is tuned to.
const C = CHUNK_SENTENCES;
const number = (value: number): string => value.toLocaleString('en-US');

describe('building a long document in chunks', () => {
  it('builds the next chunk when the scroll sentinel comes into view, until all is built', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    open(longDoc(1, 3.5 * C));
    const observer = FakeObserver.instances[0];
    if (!observer) throw new Error('no observer');
    expect(observer.options?.root).toBe(pane.element);
    expect(indices()).toEqual(upTo(C));
    const sentinel = more();
    if (!sentinel) throw new Error('no status line');
    expect([...observer.observed]).toEqual([sentinel]);

    observer.report(sentinel, false);
    expect(sentences()).toHaveLength(C);

    observer.report(sentinel, true);
    expect(indices()).toEqual(upTo(2 * C));
    expect(sentinel.textContent).toBe(`Showing ${number(2 * C)} of ${number(3.5 * C)} sentences — scroll for more`);
    // Observed afresh, so a window that still shows the end asks for another chunk.
    expect(observer.observeCalls).toBe(2);
    expect(observer.observed.has(sentinel)).toBe(true);

    // The rest is no more than one and a half chunks: it comes in one go, and the sentinel goes.
    observer.report(sentinel, true);
    expect(indices()).toEqual(upTo(3.5 * C));
    expect(more()).toBeNull();
    expect(observer.observed.size).toBe(0);
  });

  it('watches only the shown document', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    open(longDoc(1, 4 * C));
    const observer = FakeObserver.instances[0];
    const first = more();
    pane.show(longDoc(2, 5 * C));
    const second = more();
    expect(second).not.toBe(first);
    expect([...(observer?.observed ?? [])]).toEqual([second]);
    if (first) observer?.report(first, true);
    expect(sentences()).toHaveLength(C);
    pane.show(makeDoc(3));
    expect(observer?.observed.size).toBe(0);
  });

  it('marks sentences built after their marks were set', () => {
    open(longDoc(1, 10 * C));
    const far = 3 * C + 5;
    const selected = 2 * C + 7;
    pane.setMarks(1, { highlighted: [10, far], selected });
    expect(sentence(10)?.classList.contains('highlight')).toBe(true);
    expect(sentence(far)).toBeNull();
    for (let click = 0; click < 3; click++) more()?.click();
    expect(sentence(far)?.classList.contains('highlight')).toBe(true);
    expect(sentence(far - 1)?.classList.contains('highlight')).toBe(false);
    expect(sentence(selected)?.classList.contains('selected')).toBe(true);
    // The selected sentence is the one Tab reaches.
    expect(sentence(selected)?.getAttribute('tabindex')).toBe('0');
    expect(sentence(0)?.getAttribute('tabindex')).toBe('-1');

    pane.setMarks(1, { highlighted: [far], selected: null });
    expect(sentence(10)?.classList.contains('highlight')).toBe(false);
    expect(sentence(far)?.classList.contains('highlight')).toBe(true);
    expect(sentence(selected)?.classList.contains('selected')).toBe(false);
  });

  it('moves with the arrow keys past the built part, and to the very end with End', async () => {
    open(longDoc(1, 9 * C));
    const last = sentence(C - 1);
    if (!last) throw new Error('no sentence');
    last.focus();
    press(last, 'ArrowDown');
    expect(document.activeElement).toBe(sentence(C));
    expect(sentence(C)?.getAttribute('tabindex')).toBe('0');
    expect(last.getAttribute('tabindex')).toBe('-1');
    expect(indices()).toEqual(upTo(2 * C));

    press(document.activeElement ?? last, 'ArrowUp');
    expect(document.activeElement).toBe(last);
    press(last, 'Home');
    expect(document.activeElement).toBe(sentence(0));

    press(sentence(0) ?? last, 'End');
    await vi.waitFor(() => expect(document.activeElement).toBe(sentence(9 * C - 1)), { timeout: 20_000 });
    expect(indices()).toEqual(upTo(9 * C));
    expect(more()).toBeNull();
  }, 30_000);

  it('splits a paragraph too long for one chunk and continues it', () => {
    const doc = longDoc(1, 2.5 * C, true);
    open(doc);
    const paragraphs = (): NodeListOf<Element> => pane.element.querySelectorAll('.doc-body p');
    expect(paragraphs()).toHaveLength(1);
    expect(indices()).toEqual(upTo(C));
    more()?.click();
    expect(paragraphs()).toHaveLength(1);
    expect(indices()).toEqual(upTo(2.5 * C));
    expect(paragraphs()[0]?.textContent).toBe(doc.sentences.join(' '));
    expect(more()).toBeNull();
    // Arrow keys still go from sentence to sentence across the chunks.
    const edge = sentence(C - 1);
    edge?.focus();
    if (edge) press(edge, 'ArrowDown');
    expect(document.activeElement).toBe(sentence(C));
  });

  it('builds towards a far sentence in steps, then scrolls to it; forgetting the document stops it', async () => {
    const scrolled: Element[] = [];
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', {
      configurable: true,
      value(this: HTMLElement) {
        scrolled.push(this);
      },
    });
    try {
      open(longDoc(1, 20 * C));
      const far = 12 * C + 345;
      pane.scrollToSentence(1, far);
      // Not all at once: the window gets its turn between steps.
      expect(sentences().length).toBeLessThan(far);
      await vi.waitFor(() => expect(scrolled).toEqual([sentence(far)]), { timeout: 20_000 });
      expect(indices()).toEqual(upTo(13 * C));

      pane.scrollToSentence(1, 20 * C - 1);
      const built = sentences().length;
      pane.forget(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sentences()).toHaveLength(built);

      // Nothing to build towards.
      open(longDoc(2, 5 * C));
      pane.scrollToSentence(2, 5 * C);
      pane.scrollToSentence(2, -1);
      expect(sentences()).toHaveLength(C);
      expect(scrolled).toHaveLength(1);
    } finally {
      Reflect.deleteProperty(HTMLElement.prototype, 'scrollIntoView');
    }
  }, 30_000);

  it('builds a document of up to one and a half chunks at once, with no status line', () => {
    open(longDoc(1, 1.5 * C));
    expect(indices()).toEqual(upTo(1.5 * C));
    expect(more()).toBeNull();
    const parts = pane.element.querySelectorAll<HTMLElement>('.doc-part');
    expect(parts).toHaveLength(1);
    // Until it is first laid out, a part stands in with a height estimated from its text.
    expect(parts[0]?.style.getPropertyValue('--part-height')).toMatch(/^\d+em$/);
  });
});

describe('the structure of a statement', () => {
  it('shows section headings as headings and asides quietly, as text', () => {
    open(
      makeDoc(1, '/s/speech.txt', {
        sentences: ['Energy security', 'We will build <b>two</b> new lines.', '(Applause.)', 'Thank you.'],
        paragraphs: [[0], [1, 2], [3]],
        headings: [0],
        asides: [2],
      }),
    );
    const heading = pane.element.querySelector('.doc-body h2.doc-heading');
    expect(heading?.textContent).toBe('Energy security');
    expect(pane.element.querySelectorAll('.doc-body p')).toHaveLength(2);
    expect(sentence(1)?.textContent).toBe('We will build <b>two</b> new lines.');
    expect(sentence(1)?.querySelector('b')).toBeNull();
    expect(sentence(2)?.classList.contains('aside')).toBe(true);
    expect(sentence(1)?.classList.contains('aside')).toBe(false);
  });
});
