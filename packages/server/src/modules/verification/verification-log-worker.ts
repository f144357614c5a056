// The verification log's writer thread (SQLite): its own connection to the database file, so the inserts
// and the commit's fsync of each batch run beside the main thread instead of stopping it.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../../db/connection.ts';
import { eventRowsOf, type TimedVerification, verificationEventWriter } from './verification.repository.ts';

/** A batch sent to the writer; it answers `{ id }` once stored, or `{ id, error }`. */
export interface VerificationBatchMessage {
  id: number;
  records: TimedVerification[];
}

const write = verificationEventWriter(openSqlite((workerData as { file: string }).file));
parentPort!.on('message', ({ id, records }: VerificationBatchMessage) => {
  try {
    write(eventRowsOf(records)); // keys and timestamps are made here, not on the main thread
    parentPort!.postMessage({ id });
  } catch (e) {
    parentPort!.postMessage({ id, error: String((e as Error)?.message ?? e) });
  }
});
