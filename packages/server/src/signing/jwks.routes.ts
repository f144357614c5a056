// GET /.well-known/jwks.json: the public keys for offline verification of QR tokens, credentials and
// PDF signatures — retired keys included, marked, so documents signed before a rotation still verify.
import type { FastifyInstance } from 'fastify';
import type { KeyStore } from './key-store.ts';

/** Registers the JWKS route (public, cacheable for five minutes). */
export function jwksRoutes(app: FastifyInstance, keyStore: KeyStore): void {
  app.get(
    '/.well-known/jwks.json',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Public keys (JWKS) 公钥集',
        description:
          'Keys of every department for QR tokens (ES256), credentials (EdDSA) and PDF signatures (ES256, x5c).',
        tags: ['verification'],
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return keyStore.jwks();
    },
  );
}
