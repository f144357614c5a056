// GET /api/v1/admin/dev-sms: the development SMS outbox, for admins (and the console's dev panel).
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DEV_SMS_LABEL, readDevSms } from './dev-sms-outbox.ts';

/** Registers the outbox reader. */
export function devSmsRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: { phone?: string } }>(
    '/api/v1/admin/dev-sms',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: '开发环境短信 DEVELOPMENT SMS OUTBOX (simulated text messages)',
        querystring: {
          type: 'object',
          properties: { phone: { type: 'string', pattern: '^1[0-9]{10}$' } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            required: ['label', 'messages'],
            properties: {
              label: { type: 'string' },
              messages: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    phone: { type: 'string' },
                    text: { type: 'string' },
                    purpose: { type: 'string' },
                    createdAt: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (req) => ({ label: DEV_SMS_LABEL, messages: await readDevSms(db, { phone: req.query.phone }) }),
  );
}
