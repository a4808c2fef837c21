import { describe, expect, it } from 'vitest';
import { loadPoints, loadPointsView, savePoints, savePointsView } from './settings';

const store = (values: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> => ({
  getItem: (key) => values[key] ?? null,
  setItem: (key, value) => void (values[key] = value),
});

describe('points view', () => {
  it('is Written unless Key sentences was chosen', () => {
    expect(loadPointsView(store())).toBe('written');
    expect(loadPointsView(store({ 'brief.pointsView': 'junk' }))).toBe('written');
    const remembered = store();
    savePointsView(remembered, 'sentences');
    expect(remembered.getItem('brief.pointsView')).toBe('sentences');
    expect(loadPointsView(remembered)).toBe('sentences');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: (): void => {
        throw new Error('denied');
      },
    };
    expect(loadPointsView(broken)).toBe('written');
    expect(() => savePointsView(broken, 'sentences')).not.toThrow();
  });
});

describe('number of key points', () => {
  it('is 5 unless chosen, a number from 3 to 12 or automatic by length', () => {
    expect(loadPoints(store())).toBe(5);
    expect(loadPoints(store({ 'brief.points': '40' }))).toBe(12);
    expect(loadPoints(store({ 'brief.points': 'junk' }))).toBe(5);
    const remembered = store();
    savePoints(remembered, 'auto');
    expect(remembered.getItem('brief.points')).toBe('auto');
    expect(loadPoints(remembered)).toBe('auto');
    savePoints(remembered, 7);
    expect(loadPoints(remembered)).toBe(7);
  });
});
