// A component whose code loads when it is first shown, together with the texts of the screens that
// load on demand, so that it never renders a text key (docs/decisions/017-first-screen.md).
import { lazy, type ComponentType } from 'react';
import { loadMoreTexts } from './i18n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint.
export function lazyWithTexts<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() => Promise.all([load(), loadMoreTexts()]).then(([module]) => module));
}
