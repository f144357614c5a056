// Admin API for department sources: list, register (or replace), and probe.
import { AppError, type SourceDefinition } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import { errorSchema } from '../auth/route-schemas.ts';
import { parseSourceDefinition } from './source-files.ts';
import type { SourceRegistry } from './source-registry.ts';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' } },
  required: ['id'],
};

/** Registers `/api/v1/admin/sources…`. */
export function sourceAdminRoutes(app: FastifyInstance, registry: SourceRegistry): void {
  app.get(
    '/api/v1/admin/sources',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: '数据资源目录 Department sources',
        response: { 401: errorSchema, 403: errorSchema },
      },
    },
    async () =>
      registry.list().map((s) => ({
        id: s.id,
        department: registry.department(s.department),
        name: s.name,
        nameEn: s.nameEn,
        connector: s.connector.kind,
        freshness: s.freshness,
        keyFields: s.keyFields,
        fields: s.fields,
      })),
  );

  app.put<{ Params: { id: string }; Body: unknown }>(
    '/api/v1/admin/sources/:id',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: '登记数据资源 Register or replace a source (definition as in catalogue/sources)',
        params: idParams,
        body: { type: 'object' },
        response: { 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const def: SourceDefinition = parseSourceDefinition(req.body, 'body');
      if (def.id !== req.params.id) {
        throw new AppError('VALIDATION_FAILED', {
          details: { problems: [{ path: '/id', message: 'must match the URL' }] },
        });
      }
      if (registry.department(def.department).phone === '') {
        throw new AppError('VALIDATION_FAILED', {
          details: { problems: [{ path: '/department', message: `unknown department ${def.department}` }] },
        });
      }
      const by = req.identity.kind === 'staff' ? req.identity.username : 'admin';
      await registry.register(def, by);
      return { ok: true, id: def.id };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/sources/:id/test',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: '测试数据资源连通性 Probe a source',
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              ok: { type: 'boolean' },
              latencyMs: { type: 'number' },
              detail: { type: 'string' },
            },
          },
          404: errorSchema,
        },
      },
    },
    async (req) => {
      registry.get(req.params.id);
      return registry.connector(req.params.id).probe(AbortSignal.timeout(registry.timeoutMs(req.params.id)));
    },
  );
}
