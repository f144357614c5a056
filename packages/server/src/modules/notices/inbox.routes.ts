// 工作台: responsible officers read the issuance notices of their units and mark them read.
import { AppError } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Identity } from '../../http/identity.ts';
import { errorSchema } from '../auth/route-schemas.ts';
import { ackNotice, listNotices } from './inbox.ts';

const noticeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    createdAt: { type: 'string' },
    unit: { type: 'string' },
    kind: { type: 'string' },
    certificateId: { type: 'string' },
    serial: { type: 'string' },
    type: { type: 'string' },
    holderName: { type: 'string' },
    holderIdNumber: { type: 'string' },
    summary: { type: 'string' },
    read: { type: 'boolean' },
  },
} as const;

/** The units an officer answers for: their police stations and their department. */
function unitsOf(identity: Identity): string[] {
  if (identity.kind !== 'staff') throw new AppError('FORBIDDEN');
  return [...new Set([...identity.stationCodes, identity.departmentCode])];
}

/** Registers the inbox routes. */
export function inboxRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: { unread?: string } }>(
    '/api/v1/inbox',
    {
      config: { policy: 'officer' },
      schema: {
        tags: ['inbox'],
        summary: '开具通知 Issuance notices for my units (masked)',
        querystring: { type: 'object', properties: { unread: { type: 'string', enum: ['true', 'false'] } } },
        response: { 200: { type: 'array', items: noticeSchema }, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const rows = await listNotices(db, unitsOf(req.identity), { unreadOnly: req.query.unread === 'true' });
      return rows.map((n) => ({
        id: n.id,
        createdAt: n.created_at,
        unit: n.department_code,
        kind: n.kind,
        certificateId: n.certificate_id,
        serial: n.serial,
        type: n.type,
        holderName: n.holder_masked_name,
        holderIdNumber: n.holder_masked_id,
        summary: n.summary,
        read: n.read_at !== null,
      }));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/inbox/:id/ack',
    {
      config: { policy: 'officer' },
      schema: {
        tags: ['inbox'],
        summary: '标记已读 Mark a notice read',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, 404: errorSchema },
      },
    },
    async (req) => {
      const identity = req.identity;
      const by = identity.kind === 'staff' ? identity.username : '';
      if (!(await ackNotice(db, req.params.id, unitsOf(identity), by))) throw new AppError('NOT_FOUND');
      return { ok: true };
    },
  );
}
