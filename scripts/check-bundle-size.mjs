// The web bundle's size budgets, gzipped at level 6 (what a server's gzip typically sends). Sizes are
// exact, so these are budget checks and not timing tests:
// - the first screen: the JavaScript index.html loads (its module script and every module it
//   preloads — Vite lists each static import there), which is everything from the sign-in page to an
//   instance's schedules; screens used less often load on demand and are not in it;
// - everything: all JavaScript and CSS of the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Issue 12 asks for 100 KB; today's first screen is measured in docs/benchmarks.md. This budget
// holds the line until the work described in docs/decisions/017-first-screen.md gets there.
const FIRST_SCREEN_BUDGET_GZIP_BYTES = 188 * 1024;
// The overview (issue 11) adds about 6 KB, loaded only when /instances opens (decision 050).
const TOTAL_BUDGET_GZIP_BYTES = 208 * 1024;
const dist = join(import.meta.dirname, '..', 'apps', 'web', 'dist');
const assets = join(dist, 'assets');

let files;
let html;
try {
  files = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error(`no build at ${dist}: run the build first`);
  process.exit(1);
}

const gzipped = new Map(
  files.map((name) => [name, gzipSync(readFileSync(join(assets, name)), { level: 6 }).length]),
);
const firstScreen = [
  ...html.matchAll(
    /<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\/assets\/([^"]+\.js)"/g,
  ),
].map((match) => match[1]);

let failed = false;
function report(title, names, budget) {
  let total = 0;
  for (const name of names.sort()) {
    const size = gzipped.get(name);
    if (size === undefined) {
      console.error(`index.html names ${name}, which the build does not have`);
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

report('first screen (JavaScript)', firstScreen, FIRST_SCREEN_BUDGET_GZIP_BYTES);
report('whole build (JavaScript and CSS)', [...gzipped.keys()], TOTAL_BUDGET_GZIP_BYTES);
if (failed) process.exit(1);
