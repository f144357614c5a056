// The verification log's writer thread (SQLite): its own connection to the database file, so the inserts
// and the commit's fsync of each batch run beside the main thread instead of stopping it.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../../db/connection.ts';
import { insertVerificationEventsSqlite } from './verification.repository.ts';
import type { VerificationEventRow } from './verification.schema.ts';

/** A batch sent to the writer; it answers `{ id }` once stored, or `{ id, error }`. */
export interface VerificationBatchMessage {
  id: number;
  rows: VerificationEventRow[];
}

const sqlite = openSqlite((workerData as { file: string }).file);
parentPort!.on('message', ({ id, rows }: VerificationBatchMessage) => {
  try {
    insertVerificationEventsSqlite(sqlite, rows);
    parentPort!.postMessage({ id });
  } catch (e) {
    parentPort!.postMessage({ id, error: String((e as Error)?.message ?? e) });
  }
});
