// The web bundle's size budgets, gzipped at level 6 (what a server's gzip typically sends). Sizes are
// exact, so these are budget checks and not timing tests:
// - the first screen: every JavaScript file the browser loads from opening the sign-in page,
//   through signing in and the overview it lands on, to an instance's schedules, in the language
//   that costs most (apps/web/first-path.mjs names the path; e2e/first-screen.spec.ts walks it in
//   Chromium and checks that the browser loads exactly these files);
// - everything: all JavaScript and CSS of the build.
// Reads the chunk graph that the build writes to apps/web/build-report/chunks.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIRST_SCREEN_BUDGET_GZIP_BYTES } from '../apps/web/first-path.mjs';
import { firstScreenFiles } from './first-screen.mjs';

const TOTAL_BUDGET_GZIP_BYTES = 200 * 1024;
const web = join(import.meta.dirname, '..', 'apps', 'web');
// WEB_DIST_DIR: another build to measure (its build-report is beside it), as the BFF serves it.
const dist = process.env.WEB_DIST_DIR ?? join(web, 'dist');
const assets = join(dist, 'assets');

let files;
let perLanguage;
try {
  files = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
  perLanguage = firstScreenFiles(
    JSON.parse(readFileSync(join(dist, '..', 'build-report', 'chunks.json'), 'utf8')),
  );
} catch (error) {
  console.error(
    `no build at ${assets} with its build-report: run the build first (${error.message})`,
  );
  process.exit(1);
}

const gzipped = new Map(
  files.map((name) => [name, gzipSync(readFileSync(join(assets, name)), { level: 6 }).length]),
);

let failed = false;
function report(title, names, budget) {
  let total = 0;
  for (const name of [...names].sort()) {
    const size = gzipped.get(name);
    if (size === undefined) {
      console.error(`the chunk graph names ${name}, which the build does not have`);
      process.exit(1);
    }
    total += size;
    console.log(`  ${name.padEnd(44)} ${String(size).padStart(7)} B gzip`);
  }
  console.log(`${title}: ${total} B gzip; budget ${budget} B`);
  if (total > budget) {
    console.error(`${title} is over its budget by ${total - budget} B gzip`);
    failed = true;
  }
}

for (const [language, names] of perLanguage) {
  report(
    `first screen in ${language} (JavaScript)`,
    names.map((file) => file.replace(/^assets\//, '')),
    FIRST_SCREEN_BUDGET_GZIP_BYTES,
  );
}
report('whole build (JavaScript and CSS)', [...gzipped.keys()], TOTAL_BUDGET_GZIP_BYTES);
if (failed) process.exit(1);
