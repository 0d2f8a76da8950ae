// Vite for the SPA: `vite` in development (proxies /api to the BFF) and `vite build` into dist/,
// which the BFF serves in production.
import { mkdirSync, writeFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/**
 * Writes the build's chunk graph (each JavaScript file, the source modules in it, what it imports
 * statically and on demand) to build-report/chunks.json, outside dist/ so that it is never
 * served. scripts/check-bundle-size.mjs measures the first screen's path with it.
 */
function chunkGraph(): Plugin {
  const root = new URL('.', import.meta.url).pathname;
  return {
    name: 'zomro-dash:chunk-graph',
    apply: 'build',
    generateBundle(_options, bundle) {
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
      mkdirSync(`${root}build-report`, { recursive: true });
      writeFileSync(`${root}build-report/chunks.json`, `${JSON.stringify(chunks, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [react(), chunkGraph()],
  resolve: {
    // Workspace packages are read from their TypeScript sources, so no prior build is needed.
    conditions: ['source', ...defaultClientConditions],
    alias: { '@': new URL('./src', import.meta.url).pathname },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps for debugging a build, without a sourceMappingURL in the files; the BFF never serves them.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own file stays cached across releases. The
        // rest is split by what each screen imports (docs/decisions/017-first-screen.md).
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
