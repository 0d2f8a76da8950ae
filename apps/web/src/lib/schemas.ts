// The shared zod schemas, for the screens that load on demand (forms, Activity, the overview's
// bulk apply). Import schemas from here, never from '@zomro-dash/shared' directly: zod must be told
// not to compile parsers with `new Function` before the first schema is made (the CSP allows no
// eval; decision 042), and this module's first import does that. The first screen imports no
// schema at all (docs/decisions/017-first-screen.md); eslint holds both rules.
import './zod-config';

export * from '@zomro-dash/shared';
