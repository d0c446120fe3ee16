import fs from 'node:fs';
import path from 'node:path';

import express, { Request, Response, Router } from 'express';

/** Where `npm run build:explorer` writes the explorer (see web/explorer/vite.config.mts). */
export const EXPLORER_DIST = path.join('dist', 'web', 'explorer');
/** URL prefix of the explorer's bundled files; Vite's `base` must match. */
export const EXPLORER_ASSETS_PATH = '/explorer';

/**
 * The explorer talks to this server only, and the browser enforces it. Unlike the playground it
 * needs no inline styles and no workers: Cytoscape draws on canvas and sets styles through the
 * CSSOM, which style-src does not govern.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'none'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The explorer dashboard: GET / serves its page (routing happens after the `#`, so no other page
 * URL exists), and its hashed files are under /explorer/assets. Nothing else is matched, so
 * /graphql, /health and the playground are untouched.
 */
export function explorerRouter(rootDir: string): Router {
  const dist = path.join(rootDir, EXPLORER_DIST);
  const router = express.Router();
  router.use(
    `${EXPLORER_ASSETS_PATH}/assets`,
    // File names carry a content hash, so a URL's content never changes.
    express.static(path.join(dist, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: true,
    }),
  );
  router.get('/', (_req: Request, res: Response) => {
    const page = path.join(dist, 'index.html');
    if (!fs.existsSync(page)) {
      res
        .status(503)
        .type('text/plain')
        .send('The explorer is not built: run `npm run build:web` (or `npm run build`).');
      return;
    }
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // Revalidated on every load so that a new build's asset names are picked up at once.
      'Cache-Control': 'no-cache',
    });
    res.sendFile(page);
  });
  return router;
}
