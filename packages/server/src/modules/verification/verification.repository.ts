// SQL of verification: certificates by verification code, serial or stored-PDF hash; the verification
// records a holder sees; an issuer's revoked status-list positions.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Store } from '../../db/connection.ts';
import { newRowId } from '../../db/row-id.ts';
import type { CertificateRow, Database } from '../../db/schema.ts';
import type { VerificationEventRow } from './verification.schema.ts';

/** The columns a public answer is built from (no statement, no requester). */
export type VerifiableCertificate = Pick<
  CertificateRow,
  | 'id'
  | 'serial'
  | 'type'
  | 'issuer_code'
  | 'holder_id'
  | 'holder_name'
  | 'issued_at'
  | 'valid_until'
  | 'status'
  | 'revoked_at'
  | 'revoke_reason'
  | 'status_index'
>;

const COLUMNS = [
  'id',
  'serial',
  'type',
  'issuer_code',
  'holder_id',
  'holder_name',
  'issued_at',
  'valid_until',
  'status',
  'revoked_at',
  'revoke_reason',
  'status_index',
] as const;

// The public code check is the hottest query of the platform: on SQLite, one statement prepared once per
// database and run directly (≈ 9 µs; through Kysely, which builds and compiles the query and takes its
// connection lock, ≈ 28 µs); on PostgreSQL, Kysely as usual.
const byCodeStatements = new WeakMap<object, SQLite.Statement<[string], VerifiableCertificate>>();

/** The certificate with a normalised verification code (a unique-index lookup). */
export async function findByVerificationCode(
  store: Store,
  code: string,
): Promise<VerifiableCertificate | undefined> {
  // While another request's transaction is open on SQLite's one connection, a direct read would see its
  // uncommitted rows: go through Kysely, which waits for that transaction to end.
  if (store.dialect !== 'sqlite' || store.sqlite.inTransaction) {
    return store.db
      .selectFrom('certificates')
      .select(COLUMNS)
      .where('verification_code', '=', code)
      .executeTakeFirst();
  }
  let statement = byCodeStatements.get(store.sqlite);
  if (!statement) {
    statement = store.sqlite.prepare<[string], VerifiableCertificate>(
      `select ${COLUMNS.join(', ')} from certificates where verification_code = ?`,
    );
    byCodeStatements.set(store.sqlite, statement);
  }
  return statement.get(code);
}

/** The certificate with a serial number. */
export function findBySerial(
  db: Kysely<Database>,
  serial: string,
): Promise<VerifiableCertificate | undefined> {
  return db.selectFrom('certificates').select(COLUMNS).where('serial', '=', serial).executeTakeFirst();
}

/** The certificate whose stored signed PDF has this SHA-256 (hex). */
export function findByPdfHash(
  db: Kysely<Database>,
  sha256: string,
): Promise<VerifiableCertificate | undefined> {
  return db
    .selectFrom('certificate_documents')
    .innerJoin('certificates', 'certificates.id', 'certificate_documents.certificate_id')
    .select(COLUMNS.map((c) => `certificates.${c}` as const))
    .where('certificate_documents.sha256', '=', sha256)
    .where('certificate_documents.kind', '=', 'pdf')
    .executeTakeFirst();
}

/** A verification as the log buffers it: when (epoch milliseconds), how, with what result, of which certificate. */
export interface TimedVerification {
  at: number;
  channel: VerificationEventRow['channel'];
  result: string;
  certificateId: string | null;
}

/** The rows of buffered verifications (their keys ordered by time). Done by whoever writes them. */
export function eventRowsOf(records: TimedVerification[]): VerificationEventRow[] {
  return records.map((r) => ({
    id: newRowId(r.at),
    at: new Date(r.at).toISOString(),
    channel: r.channel,
    result: r.result,
    certificate_id: r.certificateId,
  }));
}

/** Writes verification records in one transaction (PostgreSQL, or SQLite through Kysely). */
export async function insertVerificationEvents(
  db: Kysely<Database>,
  rows: VerificationEventRow[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('verification_events').values(rows).execute();
}

/**
 * A writer of verification records on a raw SQLite connection (the log's writer thread): each batch in one
 * transaction, one prepared statement run per row (about 4 µs each; Kysely's multi-row insert compiled
 * 20 000 parameters per batch of 4 000 rows).
 */
export function verificationEventWriter(sqlite: SQLite.Database): (rows: VerificationEventRow[]) => void {
  const insert = sqlite.prepare<VerificationEventRow>(
    'insert into verification_events (id, at, channel, result, certificate_id) values (@id, @at, @channel, @result, @certificate_id)',
  );
  return sqlite.transaction((rows: VerificationEventRow[]) => {
    for (const row of rows) insert.run(row);
  });
}

/** A certificate's verification records, newest first. */
export function listVerificationEvents(db: Kysely<Database>, certificateId: string, limit = 200) {
  return db
    .selectFrom('verification_events')
    .select(['at', 'channel', 'result'])
    .where('certificate_id', '=', certificateId)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
}

/** Status-list positions of an issuer's revoked certificates in one year (serials are `<issuer>-<year>-n`). */
export async function revokedIndexes(
  db: Kysely<Database>,
  issuerCode: string,
  year: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('certificates')
    .select(['serial', 'status_index'])
    .where('issuer_code', '=', issuerCode)
    .where('status', '=', 'revoked')
    .execute();
  const prefix = `${issuerCode}-${year}-`;
  return rows.filter((r) => r.serial.startsWith(prefix)).map((r) => r.status_index);
}

/** The highest status-list position an issuer has used in a year (the list's length). */
export async function lastStatusIndex(
  db: Kysely<Database>,
  issuerCode: string,
  year: number,
): Promise<number> {
  const row = await db
    .selectFrom('serial_counters')
    .select('last')
    .where('issuer_code', '=', issuerCode)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.last ?? 0;
}
