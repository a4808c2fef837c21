import { describe, expect, it } from 'vitest';
import type { KeyPoint } from './bindings';
import {
  basename,
  dateLabel,
  displayTitle,
  durationLabel,
  folderOf,
  markdown,
  matchParts,
  moreSentencesLabel,
  openedAtLabel,
  plainText,
  pointLine,
  progressFraction,
  progressLabel,
  readingTimeLabel,
  siblingPath,
  stoppedLabel,
  storedSummaryLabel,
  suggestExportName,
  summaryText,
  wordsLabel,
} from './format';

const point = (text: string, evidence: KeyPoint['evidence'] = []): KeyPoint => ({
  text,
  evidence,
  kind: 'sentence',
  issues: [],
});

const points: KeyPoint[] = [
  point('Lithuania’s priorities remain unchanged.', [{ sentence: 0, start: 0, end: 10 }]),
  point('Italy contributes to Baltic security.', [{ sentence: 2, start: 0, end: 10 }]),
  point('Air defence is a top priority.'),
];

describe('plainText', () => {
  it('puts each key point on its own line and nothing else', () => {
    expect(plainText(points)).toBe(
      'Lithuania’s priorities remain unchanged.\nItaly contributes to Baltic security.\nAir defence is a top priority.',
    );
  });

  it('keeps a point with a line break on one line', () => {
    expect(plainText([point(' First line\n  second line ')])).toBe('First line second line');
  });

  it('is empty without points', () => {
    expect(plainText([])).toBe('');
  });
});

describe('markdown', () => {
  it('has the title, the date and bullets, ending with a newline', () => {
    const doc = { title: 'Defence cooperation with Italy', file_name: 'lt-it.txt', date: '2024-07-02' };
    expect(markdown(doc, points)).toBe(
      '# Defence cooperation with Italy\n_2024-07-02_\n\n- Lithuania’s priorities remain unchanged.\n- Italy contributes to Baltic security.\n- Air defence is a top priority.\n',
    );
  });

  it('falls back to the file name and leaves out a missing date', () => {
    const doc = { title: null, file_name: 'lt-it.txt', date: null };
    expect(markdown(doc, points.slice(0, 1))).toBe('# lt-it.txt\n\n- Lithuania’s priorities remain unchanged.\n');
  });

  it('treats a blank title like a missing one', () => {
    expect(markdown({ title: '   ', file_name: 'a.txt', date: null }, [])).toBe('# a.txt\n\n');
  });

  it('is chosen by summaryText for the markdown format', () => {
    const doc = { title: 'T', file_name: 'a.txt', date: null };
    expect(summaryText(doc, points, 'markdown')).toBe(markdown(doc, points));
    expect(summaryText(doc, points, 'text')).toBe(plainText(points));
  });
});

describe('flagged points', () => {
  const flagged: KeyPoint = {
    ...point('Italy is contributing air defence to Lithuania.'),
    kind: 'written',
    issues: [
      { check: 'modality', detail: 'the statement says “invited Italy to contribute”; this point states it as done' },
      { check: 'number', detail: ' 4,500 is not\nin the statement ' },
    ],
  };
  const check =
    'Check: the statement says “invited Italy to contribute”; this point states it as done; 4,500 is not in the statement';

  it('carry their flags in both formats', () => {
    expect(pointLine(flagged, 'text')).toBe(`Italy is contributing air defence to Lithuania. [${check}]`);
    expect(pointLine(flagged, 'markdown')).toBe(`Italy is contributing air defence to Lithuania. ⚠ *${check}*`);
    const doc = { title: 'T', file_name: 'a.txt', date: null };
    expect(markdown(doc, [points[0]!, flagged])).toBe(
      `# T\n\n- Lithuania’s priorities remain unchanged.\n- Italy is contributing air defence to Lithuania. ⚠ *${check}*\n`,
    );
    expect(plainText([flagged, points[0]!])).toBe(
      `Italy is contributing air defence to Lithuania. [${check}]\nLithuania’s priorities remain unchanged.`,
    );
  });

  it('leave unflagged points as they are', () => {
    expect(pointLine(points[0]!, 'markdown')).toBe('Lithuania’s priorities remain unchanged.');
    expect(pointLine({ ...points[1]!, kind: 'written' }, 'text')).toBe('Italy contributes to Baltic security.');
  });
});

describe('file names', () => {
  it('finds the base name and folder on any platform', () => {
    expect(basename('/home/a/statement.txt')).toBe('statement.txt');
    expect(basename('C:\\Users\\a\\statement.txt')).toBe('statement.txt');
    expect(folderOf('/home/a/statement.txt')).toBe('/home/a');
    expect(folderOf('C:\\Users\\a\\statement.txt')).toBe('C:\\Users\\a');
  });

  it('suggests an export name from the title, else the file name', () => {
    expect(suggestExportName({ title: 'Budget: 2025/2026 plan', file_name: 'x.txt' }, 'markdown')).toBe(
      'Budget 2025 2026 plan - key points.md',
    );
    expect(suggestExportName({ title: null, file_name: 'speech.final.txt' }, 'text')).toBe(
      'speech.final - key points.txt',
    );
  });

  it('shortens very long titles at a word boundary', () => {
    const name = suggestExportName({ title: 'word '.repeat(40), file_name: 'x.txt' }, 'text');
    expect(name.length).toBeLessThanOrEqual(80 + ' - key points.txt'.length);
    expect(name.endsWith('word - key points.txt')).toBe(true);
  });

  it('places the export next to the statement', () => {
    expect(siblingPath('/home/a/statement.txt', 'k.md')).toBe('/home/a/k.md');
    expect(siblingPath('C:\\docs\\s.txt', 'k.md')).toBe('C:\\docs\\k.md');
    expect(siblingPath('s.txt', 'k.md')).toBe('k.md');
  });
});

describe('labels', () => {
  it('uses the title or the file name', () => {
    expect(displayTitle({ title: ' A  title ', file_name: 'a.txt' })).toBe('A title');
    expect(displayTitle({ title: null, file_name: 'a.txt' })).toBe('a.txt');
  });

  it('formats dates, words and reading time', () => {
    expect(dateLabel('2024-07-02')).toBe('2 July 2024');
    expect(dateLabel('July 2024')).toBe('July 2024');
    expect(wordsLabel(1)).toBe('1 word');
    expect(wordsLabel(1234)).toBe('1,234 words');
    expect(readingTimeLabel(0)).toBe('1 min read');
    expect(readingTimeLabel(4)).toBe('4 min read');
    expect(durationLabel(850)).toBe('850 ms');
    expect(durationLabel(1234)).toBe('1.2 s');
    expect(moreSentencesLabel(12000, 235000)).toBe('Showing 12,000 of 235,000 sentences — scroll for more');
  });

  it('describes each progress stage', () => {
    expect(progressLabel(null)).toBe('Preparing…');
    expect(progressLabel({ doc_id: 1, stage: 'loading_model', done: 0, total: 0 })).toBe('Loading the model…');
    expect(progressLabel({ doc_id: 1, stage: 'embedding', done: 12, total: 40 })).toBe('Reading sentences 12/40');
    expect(progressLabel({ doc_id: 1, stage: 'ranking', done: 0, total: 0 })).toBe('Choosing key points');
    expect(progressFraction({ doc_id: 1, stage: 'embedding', done: 10, total: 40 })).toBe(0.25);
    expect(progressFraction({ doc_id: 1, stage: 'ranking', done: 0, total: 0 })).toBeNull();
  });

  it('describes writing, counting the point being written', () => {
    expect(progressLabel({ doc_id: 1, stage: 'loading_writer', done: 0, total: 0 })).toBe('Loading the writing model…');
    expect(progressLabel({ doc_id: 1, stage: 'writing', done: 2, total: 5 })).toBe('Writing point 3 of 5…');
    expect(progressLabel({ doc_id: 1, stage: 'writing', done: 5, total: 5 })).toBe('Writing point 5 of 5…');
    expect(progressFraction({ doc_id: 1, stage: 'writing', done: 2, total: 5 })).toBe(0.4);
    expect(progressFraction({ doc_id: 1, stage: 'loading_writer', done: 0, total: 0 })).toBeNull();
    expect(stoppedLabel(2, 5)).toBe('Stopped after 2 of 5 points.');
    expect(stoppedLabel(0, 5)).toBe('Stopped before any point was written.');
  });
});

describe('dates of history', () => {
  const now = new Date(2024, 6, 3, 18, 0);

  it('says today with the time, else the day', () => {
    expect(openedAtLabel(new Date(2024, 6, 3, 9, 5).toISOString(), now)).toBe('Today, 09:05');
    expect(openedAtLabel(new Date(2024, 5, 28, 9, 5).toISOString(), now)).toBe('28 Jun');
    expect(openedAtLabel(new Date(2023, 11, 1, 9, 5).toISOString(), now)).toBe('1 Dec 2023');
    expect(openedAtLabel('not a date', now)).toBe('');
  });

  it('labels key points read back from history', () => {
    expect(storedSummaryLabel(new Date(2024, 6, 3, 14, 5).toISOString(), now)).toBe(
      'From history · summarised today at 14:05',
    );
    expect(storedSummaryLabel(new Date(2024, 6, 2, 14, 5).toISOString(), now)).toBe(
      'From history · summarised on 2 Jul',
    );
    expect(storedSummaryLabel('<b>', now)).toBe('From history');
  });
});

describe('matchParts', () => {
  const marked = (text: string, query: string): string =>
    matchParts(text, query)
      .map((part) => (part.match ? `[${part.text}]` : part.text))
      .join('');

  it('marks words of the search where words start, ignoring case', () => {
    expect(marked('Air defence and the Defence Council', 'defence')).toBe('Air [defence] and the [Defence] Council');
    expect(marked('Air defence', 'AIR def')).toBe('[Air] [def]ence');
    expect(marked('undefended', 'def')).toBe('undefended');
    expect(marked('“Quoted” words', '"quoted"')).toBe('“[Quoted]” words');
  });

  it('keeps the text whole, including characters that mean something in patterns', () => {
    expect(marked('Costs (3.5%) rose', '(3.5%)')).toBe('Costs ([3.5]%) rose');
    expect(marked('a+b or a.b', 'a+b')).toBe('[a+b] or a.b');
    expect(marked('<img src=x>', 'img')).toBe('<[img] src=x>');
    expect(matchParts('Nothing to find', '   ')).toEqual([{ text: 'Nothing to find', match: false }]);
    expect(matchParts('', 'x')).toEqual([]);
  });

  it('marks a longer word over its own prefix', () => {
    expect(marked('defence budget', 'def defence')).toBe('[defence] budget');
  });
});
