// The web bundle's size budget: the JavaScript and CSS a first visit downloads, gzipped, must stay
// under BUDGET_GZIP_BYTES. Sizes are exact, so this is a budget check and not a timing test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 200 * 1024;
const assets = join(import.meta.dirname, '..', 'apps', 'web', 'dist', 'assets');

let files;
try {
  files = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
} catch {
  console.error(`no build at ${assets}: run the build first`);
  process.exit(1);
}

let raw = 0;
let gzip = 0;
for (const name of files.sort()) {
  const bytes = readFileSync(join(assets, name));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(
    `${name.padEnd(40)} ${String(bytes.length).padStart(8)} B  ${String(zipped).padStart(7)} B gzip`,
  );
}
console.log(`total ${raw} B, ${gzip} B gzip; budget ${BUDGET_GZIP_BYTES} B gzip`);
if (gzip > BUDGET_GZIP_BYTES) {
  console.error(`the web bundle is over its budget by ${gzip - BUDGET_GZIP_BYTES} B gzip`);
  process.exit(1);
}
