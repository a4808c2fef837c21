import { button, el } from './dom';
import { icon } from './icons';

// Transient and persistent messages: the error banner, the toast and a screen-reader announcer.

export type ErrorBanner = {
  element: HTMLElement;
  show(heading: string, message: string): void;
  hide(): void;
};

export function createErrorBanner(): ErrorBanner {
  const list = el('ul', { class: 'banner-list' });
  const dismiss = button('Dismiss', { class: 'icon-button', attrs: { title: 'Dismiss' } }, [icon('close')]);
  const element = el('div', { class: 'banner', testid: 'error-banner', attrs: { role: 'alert' } }, [
    icon('alert', 'icon banner-icon'),
    list,
    dismiss,
  ]);
  element.hidden = true;
  dismiss.addEventListener('click', () => hide());

  function hide(): void {
    element.hidden = true;
    list.replaceChildren();
  }

  return {
    element,
    // Several files can fail in one go; keep each message until the person dismisses them.
    show(heading, message) {
      list.append(el('li', {}, [el('strong', { text: heading }), ' ', el('span', { text: message })]));
      element.hidden = false;
    },
    hide,
  };
}

export type Toast = { element: HTMLElement; show(text: string): void };

export function createToast(): Toast {
  const element = el('div', { class: 'toast', testid: 'toast', attrs: { role: 'status', 'aria-live': 'polite' } });
  let timer = 0;
  return {
    element,
    show(text) {
      window.clearTimeout(timer);
      element.textContent = text;
      element.classList.add('visible');
      timer = window.setTimeout(() => {
        element.classList.remove('visible');
        timer = window.setTimeout(() => (element.textContent = ''), 300);
      }, 3000);
    },
  };
}

export function createAnnouncer(): { element: HTMLElement; say(text: string): void } {
  const element = el('div', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  return {
    element,
    say(text) {
      // Clearing first makes the same sentence be read again.
      element.textContent = '';
      window.setTimeout(() => (element.textContent = text), 50);
    },
  };
}

export function createDropOverlay(): { element: HTMLElement; setVisible(visible: boolean): void } {
  const element = el('div', { class: 'drop-overlay', attrs: { 'aria-hidden': 'true' } }, [
    el('div', { class: 'drop-card' }, [
      icon('drop', 'icon drop-icon'),
      el('p', { text: 'Drop statements to open them' }),
    ]),
  ]);
  return {
    element,
    setVisible(visible) {
      element.classList.toggle('visible', visible);
    },
  };
}
