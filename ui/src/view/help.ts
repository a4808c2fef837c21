import { LOCAL_KEYS, SHORTCUTS } from '../shortcuts';
import { button, el } from './dom';
import { icon } from './icons';

// Keyboard shortcuts dialog. The native <dialog> gives focus trapping and Escape to close.

export type HelpDialog = { element: HTMLDialogElement; open(): void; close(): void; isOpen(): boolean };

function row(keys: readonly string[], description: string): HTMLElement {
  const combos = el('td', { class: 'keys' });
  keys.forEach((combo, index) => {
    if (index > 0) combos.append(el('span', { class: 'keys-or', text: 'or' }));
    combos.append(el('kbd', { text: combo }));
  });
  return el('tr', {}, [el('th', { text: description, attrs: { scope: 'row' } }), combos]);
}

export function createHelpDialog(): HelpDialog {
  const closeButton = button('Close', { class: 'icon-button', attrs: { title: 'Close (Esc)' } }, [icon('close')]);
  const element = el('dialog', { class: 'help-dialog', testid: 'help', attrs: { 'aria-labelledby': 'help-heading' } }, [
    el('div', { class: 'dialog-content' }, [
      el('div', { class: 'dialog-header' }, [
        el('h2', { text: 'Keyboard shortcuts', attrs: { id: 'help-heading' } }),
        closeButton,
      ]),
      el('table', { class: 'shortcuts' }, [
        el('tbody', {}, [
          ...SHORTCUTS.map((shortcut) => row(shortcut.keys, shortcut.description)),
          ...LOCAL_KEYS.map((local) => row(local.keys, local.description)),
        ]),
      ]),
    ]),
  ]);
  let returnFocus: HTMLElement | null = null;

  function close(): void {
    if (typeof element.close === 'function' && element.open) element.close();
    else element.removeAttribute('open');
  }

  closeButton.addEventListener('click', close);
  element.addEventListener('close', () => returnFocus?.focus());
  // The dialog has no padding of its own, so a click on the dialog element itself is on the backdrop.
  element.addEventListener('click', (event) => {
    if (event.target === element) close();
  });

  return {
    element,
    open() {
      if (element.open) return;
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      closeButton.focus();
    },
    close,
    isOpen: () => element.open,
  };
}
