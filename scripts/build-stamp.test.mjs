// npm start skips the install and the build when nothing they depend on changed; any change to a
// source, a manifest or the lockfile, or a missing output, makes them run again.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHash, installHash, isStale, writeStamp } from './build-stamp.mjs';

function workspace() {
  const root = mkdtempSync(path.join(tmpdir(), 'stamp-'));
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package.json', '{"name":"root"}');
  write('pnpm-lock.yaml', 'lockfileVersion: 9');
  write('apps/bff/package.json', '{"name":"bff"}');
  write('apps/bff/src/app.ts', 'export const a = 1;');
  write('apps/bff/dist/server.js', 'built');
  write('packages/shared/src/index.ts', 'export {};');
  mkdirSync(path.join(root, 'node_modules'));
  return { root, write, remove: (file) => rmSync(path.join(root, file)) };
}

describe('the build stamp', () => {
  it('finds a build up to date until a source changes, and never for outputs or modules', () => {
    const { root, write } = workspace();
    const outputs = ['apps/bff/dist/server.js'];
    const first = buildHash(root);
    expect(isStale(root, 'build', first, outputs)).toBe(true);
    writeStamp(root, 'build', first);
    expect(isStale(root, 'build', buildHash(root), outputs)).toBe(false);
    // Outputs, dependencies and data are not sources.
    write('apps/bff/dist/server.js', 'built again');
    write('node_modules/x/index.js', 'dependency');
    write('apps/web/build-report/chunks.json', '{}');
    expect(isStale(root, 'build', buildHash(root), outputs)).toBe(false);
    // A changed or a new source is.
    write('apps/bff/src/app.ts', 'export const a = 2;');
    expect(isStale(root, 'build', buildHash(root), outputs)).toBe(true);
    writeStamp(root, 'build', buildHash(root));
    write('packages/shared/src/new.ts', 'export const b = 1;');
    expect(isStale(root, 'build', buildHash(root), outputs)).toBe(true);
  });

  it('builds again when an output is missing, even with a matching stamp', () => {
    const { root, remove } = workspace();
    const hash = buildHash(root);
    writeStamp(root, 'build', hash);
    remove('apps/bff/dist/server.js');
    expect(isStale(root, 'build', hash, ['apps/bff/dist/server.js'])).toBe(true);
  });

  it('installs again when the lockfile or a manifest changes, not for a source', () => {
    const { root, write } = workspace();
    writeStamp(root, 'install', installHash(root));
    write('apps/bff/src/app.ts', 'export const a = 3;');
    expect(isStale(root, 'install', installHash(root), [])).toBe(false);
    write('apps/bff/package.json', '{"name":"bff","dependencies":{"x":"1"}}');
    expect(isStale(root, 'install', installHash(root), [])).toBe(true);
    writeStamp(root, 'install', installHash(root));
    write('pnpm-lock.yaml', 'lockfileVersion: 9\nchanged: true');
    expect(isStale(root, 'install', installHash(root), [])).toBe(true);
  });
});
