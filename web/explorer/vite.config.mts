import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

/**
 * Bundles the explorer into dist/web/explorer. Express serves its page at / and its hashed files
 * under /explorer/assets (src/http/explorer.ts), so the page needs nothing but the server.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explorer/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web/explorer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Cytoscape is loaded by the lineage view only, as a chunk of its own, and is big by nature.
    chunkSizeWarningLimit: 600,
  },
});
