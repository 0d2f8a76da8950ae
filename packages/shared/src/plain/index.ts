// The shared package without zod: constants, rules and helpers the web app's first screen needs
// (its JavaScript budget leaves no room for zod; docs/decisions/017-first-screen.md). Every name
// here is also exported by the package's root, next to the schemas built from it.
export * from './audit.js';
export * from './backup.js';
export * from './errors.js';
export * from './fleet.js';
export * from './instance.js';
export * from './next-run.js';
export * from './protection.js';
export * from './provider-time.js';
export * from './retention.js';
export * from './schedule.js';
export * from './session.js';
export * from './text.js';
export * from './weekday.js';
