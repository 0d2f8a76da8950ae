// Vite for the SPA: `vite` in development (proxies /api to the BFF) and `vite build` into dist/,
// which the BFF serves in production.
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
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
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            // zod's jitless switch rides with zod itself, so that it is set before any chunk
            // makes a schema (decision 042).
            { name: 'vendor', test: /node_modules[\\/]|src[\\/]zod-config\.ts$/ },
          ],
        },
      },
    },
  },
});
