// What wouter imports as `use-sync-external-store/shim`: React 19's own hook (vite.config.ts).
export { useSyncExternalStore } from 'react';
