import type { HistoryEntry } from '../bindings';
import { displayTitle, openedAtLabel } from '../format';
import { SHORTCUTS } from '../shortcuts';
import { button, el } from './dom';
import { icon } from './icons';

// Start screen shown while no document is open.

export type Welcome = {
  element: HTMLElement;
  setRecent(recent: readonly HistoryEntry[]): void;
};

export function createWelcome(open: () => void, openRecent: (entry: HistoryEntry) => void): Welcome {
  const openKeys = SHORTCUTS.find((shortcut) => shortcut.command === 'open')?.keys[0] ?? '';
  const openButton = button('Open a statement', { class: 'button primary large', testid: 'welcome-open' }, [
    icon('open'),
    el('span', { text: 'Open a statement' }),
  ]);
  openButton.addEventListener('click', open);

  const recentList = el('ul', {
    class: 'recent-list',
    testid: 'recent-list',
    attrs: { 'aria-labelledby': 'recent-heading' },
  });
  const recentSection = el('section', { class: 'welcome-recent' }, [
    el('h2', { class: 'section-heading', text: 'Recent', attrs: { id: 'recent-heading' } }),
    recentList,
  ]);
  recentSection.hidden = true;

  const element = el('section', { class: 'welcome', attrs: { 'aria-labelledby': 'welcome-heading' } }, [
    el('div', { class: 'welcome-inner' }, [
      icon('logo', 'welcome-mark'),
      el('h1', { class: 'welcome-heading', text: 'Read statements in brief', attrs: { id: 'welcome-heading' } }),
      el('p', {
        class: 'welcome-lead',
        text: 'Brief picks out the key points of a press release or speech and shows, beside the original, the sentences each point comes from.',
      }),
      el('div', { class: 'welcome-actions' }, [
        openButton,
        el('p', { class: 'welcome-hint' }, [el('kbd', { text: openKeys }), ' or drop files anywhere in this window']),
      ]),
      el('p', { class: 'welcome-local' }, [icon('shield'), 'Everything runs on this computer. Nothing is uploaded.']),
      recentSection,
    ]),
  ]);

  return {
    element,
    setRecent(recent) {
      recentSection.hidden = recent.length === 0;
      recentList.replaceChildren(
        ...recent.map((item) => {
          const when = openedAtLabel(item.opened_at);
          const entry = el('button', { class: 'recent-item', attrs: { type: 'button', title: item.path } }, [
            icon('file', 'icon recent-icon'),
            el('span', { class: 'recent-text' }, [
              el('span', { class: 'recent-title', text: displayTitle(item) }),
              el('span', { class: 'recent-path', text: item.path }),
            ]),
            when ? el('span', { class: 'recent-when', text: when }) : null,
          ]);
          entry.addEventListener('click', () => openRecent(item));
          return el('li', {}, [entry]);
        }),
      );
    },
  };
}
