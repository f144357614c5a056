// 用数记录: every access to a resident's data, shown to that resident.
import { AppError } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { errorSchema } from '../auth/route-schemas.ts';
import { listAccessRecords } from './access-log.repository.ts';

const entrySchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string' },
    who: { type: 'string' },
    actorKind: { type: 'string' },
    service: { type: 'string' },
    sources: { type: 'array', items: { type: 'string' } },
    purpose: { type: 'string' },
    ref: { type: ['string', 'null'] },
  },
} as const;

/** Registers `GET /api/v1/me/access-log`. */
export function accessLogRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: { before?: string; limit?: string } }>(
    '/api/v1/me/access-log',
    {
      config: { policy: 'resident' },
      schema: {
        tags: ['access log'],
        summary: '我的用数记录 Every access to my data: who, when, which data, for what',
        querystring: {
          type: 'object',
          properties: {
            before: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' },
            limit: { type: 'string', pattern: '^([1-9][0-9]?|[1-4][0-9]{2}|500)$' },
          },
        },
        response: { 200: { type: 'array', items: entrySchema }, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      if (req.identity.kind !== 'resident') throw new AppError('FORBIDDEN');
      const rows = await listAccessRecords(db, req.identity.idNumber, {
        limit: Number(req.query.limit ?? 100),
        ...(req.query.before ? { beforeSeq: Number(req.query.before) } : {}),
      });
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        who: r.actor_name,
        actorKind: r.actor_kind,
        service: r.service,
        sources: JSON.parse(r.sources) as string[],
        purpose: r.purpose,
        ref: r.ref,
      }));
    },
  );
}
