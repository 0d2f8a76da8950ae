// Test environment: English UI, a clean DOM after each test, and <dialog> methods that jsdom lacks.
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { i18n, loadLanguage } from '@/lib/i18n';

if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

// `findBy…` waits up to 5 s (1 s by default): on a busy shared machine the first render of a
// screen, with its modules transformed on demand, can take longer than a second.
configure({ asyncUtilTimeout: 5000 });

// Both languages' texts, so that a test can switch or ask for either.
beforeAll(async () => {
  await Promise.all([loadLanguage('en'), loadLanguage('ru')]);
});

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});
