// POST /api/v1/certificates/{id}/revoke: an officer of the issuing unit revokes, with a category and reason.
import { certificateViewSchema, type RevokeRequest, revokeRequestSchema } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../db/connection.ts';
import type { CertificateRow } from '../../db/schema.ts';
import { errorSchema } from '../auth/route-schemas.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { SourceRegistry } from '../sources/source-registry.ts';
import { certificateView } from './certificate-view.ts';
import { revokeCertificate } from './revoke-certificate.ts';

/** Registers the revocation route; `onRevoked` runs after commit (e.g. to refresh the status list). */
export function revokeRoutes(
  app: FastifyInstance,
  deps: {
    store: Store;
    catalogue: Catalogue;
    registry: SourceRegistry;
    publicUrl: string;
    onRevoked?: (row: CertificateRow) => void;
  },
): void {
  app.post<{ Params: { id: string }; Body: RevokeRequest }>(
    '/api/v1/certificates/:id/revoke',
    {
      config: { policy: 'officer' },
      schema: {
        tags: ['certificates'],
        summary: '撤销证明 Revoke a certificate (officer of the issuing unit), with a reason category',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
        body: z.toJSONSchema(revokeRequestSchema, { target: 'draft-7', io: 'input' }) as Record<
          string,
          unknown
        >,
        response: {
          200: z.toJSONSchema(certificateViewSchema, { target: 'draft-7' }) as Record<string, unknown>,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (req) => {
      const row = await revokeCertificate(
        deps,
        req.identity,
        req.params.id,
        revokeRequestSchema.parse(req.body),
      );
      deps.onRevoked?.(row);
      return certificateView(row, { ...deps, viewerId: null });
    },
  );
}
