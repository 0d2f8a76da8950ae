// What `npm start` may skip: the install when the lockfile and the package manifests are as they
// were at the last install, the build when no source changed since the last build. A stamp holds
// a hash of each; it lives in node_modules (a fresh clone has none, so everything runs once).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Folders that are outputs or dependencies, never sources. */
const SKIPPED = new Set(['node_modules', 'dist', 'build-report', 'test-results', '.git', 'data']);
const PACKAGE_ROOTS = ['apps', 'packages'];
const STAMP = path.join('node_modules', '.zomro-dash-stamp.json');

function filesUnder(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function hashFiles(root, files) {
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function packageDirs(root) {
  return PACKAGE_ROOTS.flatMap((top) => {
    const dir = path.join(root, top);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => path.join(dir, name))
      .filter((full) => statSync(full).isDirectory());
  });
}

/** The hash of what an install depends on: the lockfile, the workspace file, every manifest. */
export function installHash(root) {
  const files = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc']
    .map((name) => path.join(root, name))
    .filter((file) => existsSync(file));
  for (const dir of packageDirs(root)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) files.push(manifest);
  }
  return hashFiles(root, files);
}

/** The hash of what a build depends on: every file of every package, but outputs and modules. */
export function buildHash(root) {
  const files = ['package.json', 'pnpm-lock.yaml', 'tsconfig.base.json', 'tsconfig.json']
    .map((name) => path.join(root, name))
    .filter((file) => existsSync(file));
  for (const dir of packageDirs(root)) filesUnder(dir, files);
  return hashFiles(root, files);
}

export function readStamp(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, STAMP), 'utf8'));
  } catch {
    return {};
  }
}

/** Records one step's hash once that step succeeded (the install first creates node_modules). */
export function writeStamp(root, step, hash) {
  if (!existsSync(path.join(root, 'node_modules'))) return;
  writeFileSync(path.join(root, STAMP), JSON.stringify({ ...readStamp(root), [step]: hash }));
}

/** Whether `step` must run: its hash differs from the stamp's, or one of its outputs is missing. */
export function isStale(root, step, hash, outputs) {
  if (readStamp(root)[step] !== hash) return true;
  return outputs.some((output) => !existsSync(path.join(root, output)));
}
