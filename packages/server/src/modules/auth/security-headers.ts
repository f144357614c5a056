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
  const https = publicUrl.startsWith('https://');
  app.addHook('onRequest', async (req, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    // Verification URLs carry codes: never pass them on to another site.
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (req.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
  });
}
