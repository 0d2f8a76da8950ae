// Schemas and types shared by the BFF, the web app and the emulator: one definition per concept.
export * from './weekday.js';
export * from './schedule.js';
export * from './instance.js';
export * from './session.js';
export * from './errors.js';
export * from './plain/next-run.js';
export * from './plain/text.js';
export * from './audit.js';
export * from './retention.js';
export * from './fleet.js';
export * from './protection.js';
export * from './backup.js';
