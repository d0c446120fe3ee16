import fs from 'node:fs';
import path from 'node:path';

import express, { NextFunction, Request, Response, Router } from 'express';

/** Where `npm run build:web` writes the playground (see web/playground/vite.config.mts). */
export const PLAYGROUND_DIST = path.join('dist', 'web', 'playground');
/** URL prefix of the playground's bundled files; Vite's `base` must match. */
export const PLAYGROUND_ASSETS_PATH = '/playground';

/**
 * The page may load and call only this server: the bundle is local (no CDN, no web fonts), and
 * this policy makes the browser enforce that. Monaco injects its styles inline and starts its
 * workers from bundled files.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function prefersHtml(req: Request): boolean {
  return (
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
    'text/html'
  );
}

/**
 * GraphiQL for a browser: GET /graphql asking for HTML gets the page, its files are under
 * /playground. Every other request to /graphql falls through to Apollo.
 */
export function playgroundRouter(rootDir: string): Router {
  const dist = path.join(rootDir, PLAYGROUND_DIST);
  const router = express.Router();
  router.use(
    PLAYGROUND_ASSETS_PATH,
    // File names carry a content hash, so they never change under the same URL.
    express.static(dist, { index: false, immutable: true, maxAge: '365d', fallthrough: true }),
  );
  router.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (!prefersHtml(req)) {
      next();
      return;
    }
    const page = path.join(dist, 'index.html');
    if (!fs.existsSync(page)) {
      res
        .status(503)
        .type('text/plain')
        .send('The playground is not built: run `npm run build:web` (or `npm run build`).');
      return;
    }
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    res.sendFile(page);
  });
  return router;
}
