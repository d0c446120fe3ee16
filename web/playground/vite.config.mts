import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

/**
 * Bundles GraphiQL with its Monaco workers and fonts into dist/web/playground, which express
 * serves under /playground (src/http/playground.ts): the playground needs no network beyond
 * the server itself.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/playground/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web/playground', import.meta.url)),
    emptyOutDir: true,
    // Monaco is large by nature; the warning would fire on every build.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      onwarn(warning, warn) {
        // React server-component markers in GraphiQL's UI libraries mean nothing in a client bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Monaco's workers import modules; only ES workers can.
  worker: { format: 'es' },
  esbuild: { jsx: 'automatic' },
});
