import compression from 'compression';
import type { Request, Response } from 'express';

/** Formats that are compressed already: compressing them again costs CPU and saves nothing. */
const ALREADY_COMPRESSED = [
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/vnd.openxmlformats-officedocument.',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/avif',
  'font/woff',
  'font/woff2',
];

function shouldCompress(req: Request, res: Response): boolean {
  const type = String(res.getHeader('Content-Type') ?? '').toLowerCase();
  if (ALREADY_COMPRESSED.some((prefix) => type.startsWith(prefix))) return false;
  // The package's own rule: types the mime database marks compressible, and no Cache-Control: no-transform.
  return compression.filter(req, res);
}

/** gzip or brotli (whichever the client prefers) for answers over 1 KB of compressible types. */
export function compressionMiddleware() {
  return compression({ threshold: 1024, filter: shouldCompress });
}
