// Keyboard shortcuts: one table feeds the key handler, the tooltips and the help panel.

export type Command =
  'open' | 'history' | 'close' | 'nextTab' | 'prevTab' | 'copyAll' | 'export' | 'pointsView' | 'help';

export type KeyInput = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: ReadonlyArray<{ command: Command; keys: string[]; description: string }> = [
  { command: 'open', keys: [`${MOD}+O`], description: 'Open statements' },
  // Ctrl on every platform: ⌘H hides the app on macOS.
  { command: 'history', keys: ['Ctrl+H'], description: 'Show or hide the history' },
  { command: 'close', keys: [`${MOD}+W`], description: 'Close the current document' },
  { command: 'nextTab', keys: ['Ctrl+Tab', 'Ctrl+Page Down'], description: 'Next document' },
  { command: 'prevTab', keys: ['Ctrl+Shift+Tab', 'Ctrl+Page Up'], description: 'Previous document' },
  { command: 'copyAll', keys: [`${MOD}+Shift+C`], description: 'Copy all key points' },
  { command: 'export', keys: [`${MOD}+E`], description: 'Export key points to a file' },
  { command: 'pointsView', keys: [`${MOD}+Shift+W`], description: 'Switch between key sentences and written points' },
  { command: 'help', keys: ['F1'], description: 'Show keyboard shortcuts' },
];

/** Shortcuts handled inside a part of the window rather than globally; listed in the help panel only. */
export const LOCAL_KEYS: ReadonlyArray<{ keys: string[]; description: string }> = [
  { keys: ['Esc'], description: 'Clear highlights and selection, close menus and the history' },
  { keys: ['←', '→'], description: 'Move between tabs (when a tab has focus)' },
  { keys: ['Delete'], description: 'Close the focused tab, or delete the focused history entry' },
  { keys: ['↑', '↓'], description: 'Move between sentences (in the original) or documents (in the history)' },
  { keys: ['Enter'], description: 'Pin a key point, select a sentence, or open a document from the history' },
];

/** "Open… (Ctrl+O)" for a button's title. */
export function withShortcut(label: string, command: Command): string {
  const entry = SHORTCUTS.find((shortcut) => shortcut.command === command);
  return entry ? `${label} (${entry.keys[0]})` : label;
}

export function commandFor(event: KeyInput): Command | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.altKey) return null;
  if (key === 'F1' && !mod) return 'help';
  if (!mod) return null;
  if (event.ctrlKey && key === 'Tab') return event.shiftKey ? 'prevTab' : 'nextTab';
  if (event.ctrlKey && key === 'PageDown' && !event.shiftKey) return 'nextTab';
  if (event.ctrlKey && key === 'PageUp' && !event.shiftKey) return 'prevTab';
  if (event.ctrlKey && key === 'h' && !event.shiftKey) return 'history';
  if (event.shiftKey) return key === 'c' ? 'copyAll' : key === 'w' ? 'pointsView' : null;
  if (key === 'o') return 'open';
  if (key === 'w') return 'close';
  if (key === 'e') return 'export';
  return null;
}
