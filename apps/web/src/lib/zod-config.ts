// Imported first by main.tsx, before any schema exists: the Content-Security-Policy allows no
// eval, so zod must not try to compile its parsers with `new Function` (it decides when a schema
// is made, and the attempt alone is reported as a violation). Decision 042.
import { z } from 'zod';

z.config({ jitless: true });
