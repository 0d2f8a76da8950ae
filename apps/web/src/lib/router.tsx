// The app's routing on wouter (~2 KB instead of React Router's ~30 KB; docs/decisions/017), with the
// few things the pages need that wouter leaves out: a location store that a form with unsaved
// changes can hold (in-app links and the browser's Back alike), React Router-shaped hooks
// (useNavigate, useLocation, useBlocker) and NavLink. Pages import routing from here only.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentProps,
  type ReactNode,
} from 'react';
import {
  Link as WouterLink,
  Redirect,
  Router as WouterRouter,
  useLocation as useWouterLocation,
  useSearch,
} from 'wouter';

export { Route, Switch, useParams, useRoute, useSearchParams } from 'wouter';

export interface NavigateOptions {
  replace?: boolean;
  /** Kept in the history entry (history.state), read with useLocation().state. */
  state?: unknown;
}

interface Target {
  pathname: string;
  state: unknown;
}

/** A page that may hold navigation back (a form with unsaved changes). */
interface Guard {
  shouldBlock: (current: Target, next: Target) => boolean;
  blocked: (proceed: () => void) => void;
}

// The app shows the browser's location; a Back that a guard holds is undone before anyone sees it.
let guard: Guard | null = null;
/** The address last rendered, to know what a Back leaves (popstate comes after the move). */
let shown = typeof location === 'undefined' ? '/' : location.pathname + location.search;
const listeners = new Set<() => void>();

function publish() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function go(to: string, { replace = false, state = null }: NavigateOptions = {}) {
  history[replace ? 'replaceState' : 'pushState'](state, '', to);
  publish();
}

/** Goes to `to` (a path, with a query if any), unless a guard asks first. */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const next = { pathname: new URL(to, location.href).pathname, state: options.state ?? null };
  const current = { pathname: location.pathname, state: history.state as unknown };
  if (guard?.shouldBlock(current, next)) {
    guard.blocked(() => go(to, options));
    return;
  }
  go(to, options);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    const next = { pathname: location.pathname, state: history.state as unknown };
    const current = { pathname: new URL(shown, location.href).pathname, state: null };
    if (guard?.shouldBlock(current, next)) {
      // The browser has already moved: put the page being left back, and go on only if asked to.
      const target = location.pathname + location.search + location.hash;
      const targetState = history.state as unknown;
      history.pushState(null, '', shown);
      guard.blocked(() => go(target, { state: targetState }));
      return;
    }
    publish();
  });
}

function useShownPathname() {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
function useShownSearch() {
  return useSyncExternalStore(subscribe, () => location.search.replace(/^\?/, ''));
}
function useAppLocation(): [string, (to: string, options?: NavigateOptions) => void] {
  return [useShownPathname(), navigate];
}
useAppLocation.searchHook = useShownSearch;

export function Router({ children }: { children: ReactNode }) {
  const pathname = useShownPathname();
  const search = useShownSearch();
  useLayoutEffect(() => {
    shown = pathname + (search ? `?${search}` : '');
  }, [pathname, search]);
  return (
    <WouterRouter hook={useAppLocation} searchHook={useShownSearch}>
      {children}
    </WouterRouter>
  );
}

export function Link(props: ComponentProps<typeof WouterLink> & NavigateOptions) {
  return <WouterLink {...props} />;
}

/** A link that says it is the current page (`aria-current`) on its path and below it. */
export function NavLink({ to, ...props }: { to: string } & Omit<ComponentProps<'a'>, 'href'>) {
  const [pathname] = useWouterLocation();
  const current = pathname === to || pathname.startsWith(`${to}/`);
  return <WouterLink to={to} aria-current={current ? 'page' : undefined} {...props} />;
}

export function Navigate({ to, replace, state }: { to: string } & NavigateOptions) {
  return <Redirect to={to} replace={replace} state={state} />;
}

export function useNavigate(): typeof navigate {
  return navigate;
}

/** The shown location, shaped like React Router's. */
export function useLocation(): { pathname: string; search: string; state: unknown } {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  return { pathname, search: search ? `?${search}` : '', state: history.state as unknown };
}

export type Blocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };

/**
 * Holds navigation while `shouldBlock` says so (read at navigation time): `state` turns
 * 'blocked', then `proceed()` goes on or `reset()` stays. One guard at a time (the open form).
 */
export function useBlocker(
  shouldBlock: (args: { currentLocation: Target; nextLocation: Target }) => boolean,
): Blocker {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const latest = useRef(shouldBlock);
  useEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => {
    const mine: Guard = {
      shouldBlock: (currentLocation, nextLocation) =>
        latest.current({ currentLocation, nextLocation }),
      blocked: (proceed) => setPending(() => proceed),
    };
    guard = mine;
    return () => {
      if (guard === mine) guard = null;
    };
  }, []);
  const reset = useCallback(() => setPending(null), []);
  if (!pending) return { state: 'unblocked' };
  return {
    state: 'blocked',
    reset,
    proceed: () => {
      setPending(null);
      pending();
    },
  };
}
