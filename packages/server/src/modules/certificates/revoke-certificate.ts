// Revocation by an officer of the issuing unit: status, time, officer and category on the certificate,
// the officer's words in the revocation record, an access record and two outbox events — all in ONE
// transaction. The events tell the unit's officers (inbox notice) and the holder (a text message through
// the Notifier, when the holder has an account with a phone); both are delivered after commit.
import { AppError, chinaDate, type RevokeRequest } from '@certcloud/core';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Store } from '../../db/connection.ts';
import type { CertificateRow } from '../../db/schema.ts';
import type { Identity } from '../../http/identity.ts';
import { createNotifier } from '../../notify/notifier.ts';
import { appendAccessRecords } from '../access-log/access-log.repository.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { EventHandler } from '../notices/outbox.dispatcher.ts';
import type { SourceRegistry } from '../sources/source-registry.ts';
import { enqueueEvent, findCertificate } from './certificates.repository.ts';

/** The outbox topic that tells the holder. */
export const HOLDER_REVOKED_TOPIC = 'certificate.revoked.holder';

/** 撤销原因类别 in the holder's language. */
export const REVOCATION_CATEGORY_ZH: Record<RevokeRequest['category'], string> = {
  'issued-in-error': '开具有误',
  'facts-changed': '证明事实已变化',
  'holder-request': '本人申请撤销',
  superseded: '已重新开具',
  other: '其他原因',
};

/** Revokes a certificate; NOT_FOUND, FORBIDDEN (another unit) or CONFLICT (already revoked). */
export async function revokeCertificate(
  deps: { store: Store; now?: () => Date },
  identity: Identity,
  certificateId: string,
  body: RevokeRequest,
): Promise<CertificateRow> {
  if (identity.kind !== 'staff') throw new AppError('FORBIDDEN', { details: { reason: 'NOT_AN_OFFICER' } });
  const now = (deps.now?.() ?? new Date()).toISOString();
  const row = await findCertificate(deps.store.db, certificateId);
  if (!row) throw new AppError('NOT_FOUND');
  const ofIssuer =
    identity.departmentCode === row.issuer_code || identity.stationCodes.includes(row.issuer_code);
  if (!ofIssuer) throw new AppError('FORBIDDEN', { details: { reason: 'NOT_ISSUING_UNIT' } });
  if (row.status === 'revoked') throw new AppError('CONFLICT', { details: { revokedAt: row.revoked_at } });

  await deps.store.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('certificates')
      .set({
        status: 'revoked',
        revoked_at: now,
        revoked_by: identity.username,
        revoke_reason: body.category,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'valid') // a concurrent revocation loses here, not with a second record
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', { details: { reason: 'ALREADY_REVOKED' } });
    await trx
      .insertInto('certificate_revocations')
      .values({
        certificate_id: row.id,
        revoked_at: now,
        revoked_by: identity.username,
        department_code: identity.departmentCode,
        category: body.category,
        reason: body.reason,
      })
      .execute();
    await appendAccessRecords(trx, [
      {
        subjectId: row.holder_id,
        actorKind: 'staff',
        actorId: identity.username,
        actorName: `工作人员 ${identity.username}（${identity.departmentCode}）`,
        service: `certificate:revoke`,
        sources: [],
        purpose: `撤销证明：${REVOCATION_CATEGORY_ZH[body.category]}`,
        ref: row.id,
      },
    ]);
    await enqueueEvent(trx, 'certificate.revoked', { certificateId: row.id, notify: row.issuer_code });
    await enqueueEvent(trx, HOLDER_REVOKED_TOPIC, { certificateId: row.id });
  });
  return {
    ...row,
    status: 'revoked',
    revoked_at: now,
    revoked_by: identity.username,
    revoke_reason: body.category,
  };
}

/**
 * The outbox handler that texts the holder. It writes through the delivery transaction (`trx`), so the
 * message and "delivered" commit together and SQLite's single connection is never waited on twice.
 */
export function holderRevokedHandler(deps: {
  config: Config;
  logger: Logger;
  catalogue: Catalogue;
  registry: SourceRegistry;
}): EventHandler {
  return async (trx, event) => {
    const { certificateId } = JSON.parse(event.payload) as { certificateId: string };
    const cert = await trx
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', certificateId)
      .executeTakeFirstOrThrow();
    const account = await trx
      .selectFrom('resident_accounts')
      .select('phone')
      .where('id_number', '=', cert.holder_id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!account?.phone) return; // no account: the holder sees the status when they sign in or check
    const typeName = deps.catalogue.get(cert.type).name.zh;
    const issuer = deps.registry.department(cert.issuer_code);
    const category = REVOCATION_CATEGORY_ZH[cert.revoke_reason as RevokeRequest['category']] ?? '其他原因';
    const day = chinaDate(new Date(cert.revoked_at ?? event.created_at));
    await createNotifier(deps.config, trx, deps.logger).send({
      channel: 'sms',
      to: account.phone,
      purpose: 'certificate-revoked',
      text: `【证明云】您的${typeName}（编号${cert.serial}）已于${day}撤销，原因：${category}。如有疑问请致电${issuer.name} ${issuer.phone}。`,
    });
  };
}
