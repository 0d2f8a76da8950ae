// Vite for the SPA: `vite` in development (proxies /api to the BFF) and `vite build` into dist/,
// which the BFF serves in production.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { FIRST_PATH_ROOTS } from './first-path.mjs';

/**
 * Writes the build's chunk graph (each JavaScript file, the source modules in it, what it imports
 * statically and on demand) to build-report/chunks.json beside dist/, so that it is never
 * served. scripts/check-bundle-size.mjs measures the first screen's path with it.
 */
function chunkGraph(): Plugin {
  const root = new URL('.', import.meta.url).pathname;
  return {
    name: 'zomro-dash:chunk-graph',
    apply: 'build',
    writeBundle(options, bundle) {
      const chunks = Object.values(bundle)
        .filter((item) => item.type === 'chunk')
        .map((chunk) => ({
          file: chunk.fileName,
          isEntry: chunk.isEntry,
          modules: chunk.moduleIds
            .filter((id) => id.startsWith(root))
            .map((id) => id.slice(root.length)),
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
        }));
      // Beside the output directory: apps/web/build-report for the usual dist/.
      const report = join(dirname(options.dir ?? `${root}dist`), 'build-report');
      mkdirSync(report, { recursive: true });
      writeFileSync(join(report, 'chunks.json'), `${JSON.stringify(chunks, null, 2)}\n`);
    },
  };
}

/**
 * The modules of the first screen's path (first-path.mjs, docs/decisions/017-first-screen.md):
 * everything the entry imports statically, plus the page the operator lands on after signing in
 * (the overview, a route loaded on demand) and what it imports statically. They go into one chunk: gzip packs
 * one file of them better than the eight small ones a default split makes of them (about 3 KB).
 */
const firstPath = new Set<string>();
function firstPathModules(): Plugin {
  const root = new URL('.', import.meta.url).pathname;
  return {
    name: 'zomro-dash:first-path',
    apply: 'build',
    buildEnd() {
      firstPath.clear();
      const queue = FIRST_PATH_ROOTS.map((path) => root + path);
      while (queue.length > 0) {
        const id = queue.pop()!;
        if (firstPath.has(id)) continue;
        firstPath.add(id);
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), chunkGraph(), firstPathModules()],
  resolve: {
    // Workspace packages are read from their TypeScript sources, so no prior build is needed.
    conditions: ['source', ...defaultClientConditions],
    alias: {
      '@': new URL('./src', import.meta.url).pathname,
      // wouter asks for the shim that React 17 needed; React 19 has the hook itself.
      'use-sync-external-store/shim/index.js': new URL(
        './src/lib/use-sync-external-store.ts',
        import.meta.url,
      ).pathname,
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser the dashboard supports has modulepreload: no polyfill in the first screen.
    modulePreload: { polyfill: false },
    // Maps for debugging a build, without a sourceMappingURL in the files; the BFF never serves them.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'index', test: (id) => firstPath.has(id) || id.includes('rolldown/runtime') },
          ],
        },
      },
    },
  },
});
