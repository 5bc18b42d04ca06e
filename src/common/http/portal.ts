import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import express, { NextFunction, Request, Response, Router } from 'express';

/**
 * The Content-Security-Policy of the portal's pages. style-src allows inline styles because the
 * component library writes its CSS variables into a style tag; scripts come only from our origin.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Hashed file names never change content: a year, and no revalidation. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: always revalidated, so a new build shows at once. */
const REVALIDATE = 'no-cache';

/** Paths the API answers itself; everything else a browser navigates to is the portal's. */
const API_PATHS = /^\/(api|docs|docs-json|health)(\/|$)/;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><title>Jalin</title></head>
<body>
<p>Portal Jalin belum dibangun di server ini. Dokumentasi API ada di <a href="/docs">/docs</a>.</p>
<p lang="en">The Jalin portal is not built on this server. The API documentation is at <a href="/docs">/docs</a>.</p>
</body>
</html>
`;

/** A browser navigation (a page load or reload), not a script, image or API call. */
function isPageRequest(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.header('accept') ?? '').includes('text/html') && !API_PATHS.test(req.path);
}

/**
 * Serves the built portal (Vite's index.html and hashed assets) from `dir`: assets cached for a
 * year, index.html revalidated, and index.html for every page path, so reloading /plans/123 works.
 * Paths under /api, /docs and /health never reach it, so an unknown API path stays a JSON 404.
 * Without a build (`dir` has no index.html), `/` says so and points to /docs.
 */
export function portalRouter(dir: string): Router {
  const router = Router();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    router.get('/', (req: Request, res: Response, next: NextFunction) => {
      if (!isPageRequest(req)) return next();
      res.setHeader('Cache-Control', REVALIDATE);
      res.type('html').send(NOT_BUILT_PAGE);
    });
    return router;
  }
  const assets = join(dir, 'assets') + sep;
  const files = express.static(dir, {
    index: false,
    redirect: false,
    fallthrough: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
      res.setHeader('Content-Security-Policy', PORTAL_CSP);
    },
  });
  // An API request never looks for a file: without this, each one cost a stat() of the disk.
  router.use((req: Request, res: Response, next: NextFunction) => (API_PATHS.test(req.path) ? next() : files(req, res, next)));
  router.use((req: Request, res: Response, next: NextFunction) => {
    // A missing asset is a 404, not the page: the browser asked for a script or a style sheet.
    if (!isPageRequest(req) || req.path.startsWith('/assets/')) return next();
    res.sendFile(index, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE, 'Content-Security-Policy': PORTAL_CSP } }, (err) => {
      // Gone mid-rebuild: answer as an unknown path would rather than with a broken page.
      if (err && !res.headersSent) next();
    });
  });
  return router;
}
