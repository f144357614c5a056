// 工作台通知: every certificate issued for residents of a unit is reported to its responsible officers.
import crypto from 'node:crypto';
import { maskName, maskResidentId } from '@certcloud/core';
import type { Kysely } from 'kysely';
import type { Database, InboxNoticeRow } from '../../db/schema.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { EventHandler } from './outbox.dispatcher.ts';

/** Outbox handlers that write inbox notices (idempotent per event). */
export function inboxHandlers(catalogue: Catalogue): Record<string, EventHandler> {
  const notice: (kind: 'certificate.issued' | 'certificate.revoked') => EventHandler =
    (kind) => async (trx, event) => {
      const { certificateId, notify } = JSON.parse(event.payload) as {
        certificateId: string;
        notify: string;
      };
      const cert = await trx
        .selectFrom('certificates')
        .selectAll()
        .where('id', '=', certificateId)
        .executeTakeFirstOrThrow();
      const typeName = catalogue.get(cert.type).name.zh;
      const who = `${maskName(cert.holder_name)}（${maskResidentId(cert.holder_id)}）`;
      const row: InboxNoticeRow = {
        id: crypto.randomUUID(),
        event_id: event.id,
        created_at: event.created_at,
        department_code: notify,
        kind,
        certificate_id: cert.id,
        serial: cert.serial,
        type: cert.type,
        holder_masked_name: maskName(cert.holder_name),
        holder_masked_id: maskResidentId(cert.holder_id),
        summary: kind === 'certificate.issued' ? `已为${who}开具${typeName}` : `${who}的${typeName}已撤销`,
        read_at: null,
        read_by: null,
      };
      await trx
        .insertInto('inbox_notices')
        .values(row)
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
    };
  return {
    'certificate.issued': notice('certificate.issued'),
    'certificate.revoked': notice('certificate.revoked'),
  };
}

/** Notices for the given units, newest first. */
export function listNotices(
  db: Kysely<Database>,
  units: string[],
  opts: { unreadOnly?: boolean; limit?: number } = {},
): Promise<InboxNoticeRow[]> {
  if (units.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inbox_notices')
    .selectAll()
    .where('department_code', 'in', units)
    .$if(Boolean(opts.unreadOnly), (q) => q.where('read_at', 'is', null))
    .orderBy('created_at', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
}

/** Marks a notice read; false when it is not one of the officer's units. */
export async function ackNotice(
  db: Kysely<Database>,
  id: string,
  units: string[],
  by: string,
): Promise<boolean> {
  if (units.length === 0) return false;
  const r = await db
    .updateTable('inbox_notices')
    .set({ read_at: new Date().toISOString(), read_by: by })
    .where('id', '=', id)
    .where('department_code', 'in', units)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
