// Security headers on every answer (written here rather than pulling in helmet: a handful of lines).
import type { FastifyInstance } from 'fastify';

// Ant Design injects styles at run time, hence style-src 'unsafe-inline'; scripts only from us.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds CSP, frame, sniffing, referrer and (on https) HSTS headers; API answers are not cached. */
export function installSecurityHeaders(app: FastifyInstance, publicUrl: string): void {
  const headers: Record<string, string> = {
    'content-security-policy': CSP,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // Verification URLs carry codes: never pass them on to another site.
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
  if (publicUrl.startsWith('https://'))
    headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  const apiHeaders = { ...headers, 'cache-control': 'no-store' };
  // A callback hook, not an async one: it runs on every request, and a promise per hook per request shows
  // in the verification benchmark.
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(req.url.startsWith('/api/v1/') ? apiHeaders : headers);
    done();
  });
}
