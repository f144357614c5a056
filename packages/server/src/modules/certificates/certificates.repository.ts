// SQL of the certificates feature: serial allocation, the issuing transaction's rows, and reads.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { newRowId } from '../../db/row-id.ts';
import type { ApplicationRow, CertificateRow, Database, OutboxRow } from '../../db/schema.ts';
import type { CertificateDocuments } from './documents.port.ts';

/** Writes an application row. */
export async function insertApplication(trx: Transaction<Database>, row: ApplicationRow): Promise<void> {
  await trx.insertInto('applications').values(row).execute();
}

/** Writes a certificate and its signed documents. */
export async function insertCertificate(
  trx: Transaction<Database>,
  row: CertificateRow,
  docs: CertificateDocuments,
): Promise<void> {
  await trx.insertInto('certificates').values(row).execute();
  const credential = Buffer.from(JSON.stringify(docs.credential));
  const qr = Buffer.from(docs.qrToken);
  const doc = (kind: 'pdf' | 'credential' | 'qr-token', media: string, content: Uint8Array) => ({
    certificate_id: row.id,
    kind,
    media_type: media,
    content,
    sha256: crypto.createHash('sha256').update(content).digest('hex'),
  });
  await trx
    .insertInto('certificate_documents')
    .values([
      doc('pdf', 'application/pdf', docs.pdf),
      doc('credential', 'application/vc+json', credential),
      doc('qr-token', 'application/jose', qr),
    ])
    .execute();
}

/** Queues an event for delivery after commit (notices, webhooks). */
export async function enqueueEvent(
  trx: Transaction<Database>,
  topic: string,
  payload: object,
): Promise<void> {
  const now = new Date().toISOString();
  const row: OutboxRow = {
    id: newRowId(),
    created_at: now,
    topic,
    payload: JSON.stringify(payload),
    available_at: now,
    attempts: 0,
    delivered_at: null,
    last_error: null,
  };
  await trx.insertInto('outbox').values(row).execute();
}

/** One certificate by id. */
export function findCertificate(db: Kysely<Database>, id: string): Promise<CertificateRow | undefined> {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Certificates a person holds or asked for, newest first. */
export function listCertificatesOf(
  db: Kysely<Database>,
  idNumber: string,
  limit = 100,
): Promise<CertificateRow[]> {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where((eb) => eb.or([eb('holder_id', '=', idNumber), eb('requester_id', '=', idNumber)]))
    .orderBy('issued_at', 'desc')
    .limit(limit)
    .execute();
}

/** One stored document of a certificate. */
export async function findDocument(
  db: Kysely<Database>,
  certificateId: string,
  kind: 'pdf' | 'credential' | 'qr-token',
): Promise<{ media_type: string; content: Uint8Array } | undefined> {
  return db
    .selectFrom('certificate_documents')
    .select(['media_type', 'content'])
    .where('certificate_id', '=', certificateId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}
