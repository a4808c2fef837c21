import { describe, expect, it } from 'vitest';
import { commandFor, withShortcut, type KeyInput } from './shortcuts';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commandFor', () => {
  it('maps the documented shortcuts', () => {
    expect(commandFor(key('o', { ctrlKey: true }))).toBe('open');
    expect(commandFor(key('w', { ctrlKey: true }))).toBe('close');
    expect(commandFor(key('Tab', { ctrlKey: true }))).toBe('nextTab');
    expect(commandFor(key('Tab', { ctrlKey: true, shiftKey: true }))).toBe('prevTab');
    expect(commandFor(key('PageDown', { ctrlKey: true }))).toBe('nextTab');
    expect(commandFor(key('PageUp', { ctrlKey: true }))).toBe('prevTab');
    expect(commandFor(key('C', { ctrlKey: true, shiftKey: true }))).toBe('copyAll');
    expect(commandFor(key('e', { metaKey: true }))).toBe('export');
    expect(commandFor(key('F1'))).toBe('help');
    expect(commandFor(key('h', { ctrlKey: true }))).toBe('history');
    expect(commandFor(key('H', { ctrlKey: true }))).toBe('history');
    expect(commandFor(key('W', { ctrlKey: true, shiftKey: true }))).toBe('pointsView');
    expect(commandFor(key('w', { metaKey: true, shiftKey: true }))).toBe('pointsView');
  });

  it('uses Ctrl+H on every platform, leaving ⌘H to the system', () => {
    expect(commandFor(key('h', { metaKey: true }))).toBeNull();
    expect(commandFor(key('h', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(withShortcut('History', 'history')).toBe('History (Ctrl+H)');
  });

  it('leaves other keys alone', () => {
    expect(commandFor(key('o'))).toBeNull();
    expect(commandFor(key('c', { ctrlKey: true }))).toBeNull();
    expect(commandFor(key('o', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandFor(key('Tab'))).toBeNull();
  });

  it('adds the shortcut to tooltips', () => {
    expect(withShortcut('Export', 'export')).toMatch(/^Export \((Ctrl|⌘)\+E\)$/);
  });
});
