// The certificate menu, applying, and a holder's or requester's own certificates and documents.
import {
  AppError,
  type ApplyRequest,
  applyRequestSchema,
  certificateTypeViewSchema,
  certificateViewSchema,
} from '@certcloud/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CertificateRow } from '../../db/schema.ts';
import type { Identity } from '../../http/identity.ts';
import { appendAccessRecords } from '../access-log/access-log.repository.ts';
import { errorSchema } from '../auth/route-schemas.ts';
import { certificateTypeView, certificateView } from './certificate-view.ts';
import { findCertificate, findDocument, listCertificatesOf } from './certificates.repository.ts';
import { type IssuanceDeps, issueCertificate } from './issue-certificate.ts';

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
const out = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
const idParams = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** The person a request acts as, when it is a resident or a kiosk session. */
function actingPerson(identity: Identity): string | null {
  return identity.kind === 'resident' || identity.kind === 'kiosk' ? identity.idNumber : null;
}

/** Registers the certificate routes. */
export function certificateRoutes(app: FastifyInstance, deps: IssuanceDeps): void {
  const viewCtx = (viewerId: string | null) => ({ ...deps, viewerId });

  app.get(
    '/api/v1/certificate-types',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['certificates'],
        summary: '证明事项清单 The certificate menu, with each service guide',
        response: { 200: { type: 'array', items: out(certificateTypeViewSchema) } },
      },
    },
    async () => deps.catalogue.list().map((t) => certificateTypeView(t, deps.registry)),
  );

  app.post<{ Body: ApplyRequest }>(
    '/api/v1/certificates',
    {
      config: { policy: 'applicant' },
      schema: {
        tags: ['certificates'],
        summary: '申请开具证明 Apply: issued at once, or refused / referred with the reason',
        body: json(applyRequestSchema),
        response: { 201: out(certificateViewSchema), ...errors, 422: errorSchema, 503: errorSchema },
      },
    },
    async (req, reply) => {
      const row = await issueCertificate(deps, req.identity, applyRequestSchema.parse(req.body));
      reply.status(201);
      return certificateView(row, viewCtx(actingPerson(req.identity)));
    },
  );

  app.get(
    '/api/v1/certificates',
    {
      config: { policy: 'applicant' },
      schema: {
        tags: ['certificates'],
        summary: '我的证明 Certificates I hold or asked for',
        response: { 200: { type: 'array', items: out(certificateViewSchema) }, ...errors },
      },
    },
    async (req) => {
      const me = actingPerson(req.identity);
      if (!me) throw new AppError('FORBIDDEN', { details: { reason: 'RESIDENTS_ONLY' } });
      const rows = await listCertificatesOf(deps.store.db, me);
      return rows.map((r) => certificateView(r, viewCtx(me)));
    },
  );

  /** Loads a certificate the caller may read, recording the read when it is not the holder's own. */
  async function readable(
    req: FastifyRequest<{ Params: { id: string } }>,
    what: string,
  ): Promise<CertificateRow> {
    const row = await findCertificate(deps.store.db, req.params.id);
    const me = actingPerson(req.identity);
    const identity = req.identity;
    const allowed =
      row !== undefined &&
      ((me !== null && (row.holder_id === me || row.requester_id === me)) ||
        (identity.kind === 'staff' &&
          (identity.stationCodes.includes(row.issuer_code) || identity.departmentCode === row.issuer_code)));
    // Unknown and not-yours look the same: no probing for other people's certificates.
    if (!row || !allowed) throw new AppError('NOT_FOUND');
    if (me !== row.holder_id) {
      await deps.store.db.transaction().execute((trx) =>
        appendAccessRecords(trx, [
          {
            subjectId: row.holder_id,
            actorKind: identity.kind === 'staff' ? 'staff' : identity.kind === 'kiosk' ? 'kiosk' : 'resident',
            actorId: identity.kind === 'staff' ? identity.username : (me ?? 'unknown'),
            actorName: identity.kind === 'staff' ? `工作人员 ${identity.username}` : '代办亲属',
            service: `certificate:${what}`,
            sources: [],
            purpose: '查看已开具的证明',
            ref: row.id,
          },
        ]),
      );
    }
    return row;
  }

  app.get<{ Params: { id: string } }>(
    '/api/v1/certificates/:id',
    {
      config: { policy: 'applicant' },
      schema: {
        tags: ['certificates'],
        summary: '证明详情',
        params: idParams,
        response: { 200: out(certificateViewSchema), ...errors },
      },
    },
    async (req) => certificateView(await readable(req, 'view'), viewCtx(actingPerson(req.identity))),
  );

  for (const [suffix, kind, disposition] of [
    ['pdf', 'pdf', 'attachment'],
    ['credential', 'credential', 'inline'],
  ] as const) {
    app.get<{ Params: { id: string } }>(
      `/api/v1/certificates/:id/${suffix}`,
      {
        config: { policy: 'applicant' },
        schema: {
          tags: ['certificates'],
          summary:
            kind === 'pdf' ? '下载签章PDF Signed PDF' : '可验证凭证 Verifiable credential (W3C VC 2.0)',
          params: idParams,
        },
      },
      async (req, reply) => {
        const row = await readable(req, kind);
        const doc = await findDocument(deps.store.db, row.id, kind);
        if (!doc) throw new AppError('NOT_FOUND');
        reply
          .header('content-type', doc.media_type)
          .header('cache-control', 'private, no-store')
          .header(
            'content-disposition',
            `${disposition}; filename="${row.serial}.${kind === 'pdf' ? 'pdf' : 'json'}"`,
          );
        return Buffer.from(doc.content);
      },
    );
  }
}
