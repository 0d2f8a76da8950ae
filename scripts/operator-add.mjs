// `npm run operator:add -- <name> [--role viewer]`: adds a team-mode operator to OPERATORS_FILE
// (default data/operators), asking for the password twice without echo. Runs the BFF's own
// command from its TypeScript sources, so nothing needs building first.
import path from 'node:path';
import { pnpm } from './lib.mjs';

const file = path.resolve(process.env.OPERATORS_FILE ?? 'data/operators');
const args = process.argv.slice(2);
process.exit(
  await pnpm(
    '--silent',
    '--filter',
    '@zomro-dash/bff',
    'exec',
    'tsx',
    '--conditions=source',
    'src/cli/operator-add.ts',
    '--file',
    file,
    ...args,
  ),
);
