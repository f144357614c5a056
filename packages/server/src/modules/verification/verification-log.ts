// 核验记录: every verification is recorded (time, channel, result — never who checked) and shown to the
// holder. Records are buffered and written in one transaction at most once a second, so a burst of
// checks costs one synchronous commit (fsync) instead of one per request; `flush()` runs before the holder
// reads. A crash loses at most the last second of records, never a certificate or a revocation.
import type { Store } from '../../db/connection.ts';
import { newRowId } from '../../db/row-id.ts';
import { insertVerificationEvents } from './verification.repository.ts';
import type { VerificationEventRow } from './verification.schema.ts';

/** One verification to record. */
export interface VerificationRecord {
  channel: VerificationEventRow['channel'];
  result: string;
  certificateId: string | null;
}

/** The buffered verification log. */
export interface VerificationLog {
  record(entry: VerificationRecord): void;
  /** Writes everything buffered so far. */
  flush(): Promise<void>;
}

/** A log writing to `store` at most every `intervalMs` (and at once past `maxBatch` entries). */
export function createVerificationLog(
  store: Store,
  opts: { intervalMs?: number; maxBatch?: number; onError?: (e: unknown) => void } = {},
): VerificationLog {
  let buffer: VerificationEventRow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = buffer;
    buffer = [];
    // Writes are chained so that a flush resolves only after every earlier batch is stored.
    writing = writing.then(() => insertVerificationEvents(store, batch)).catch((e) => opts.onError?.(e));
    return writing;
  };

  return {
    record(entry) {
      buffer.push({
        id: newRowId(),
        at: new Date().toISOString(),
        channel: entry.channel,
        result: entry.result,
        certificate_id: entry.certificateId,
      });
      if (buffer.length >= (opts.maxBatch ?? 4000)) void flush();
      else if (!timer) timer = setTimeout(() => void flush(), opts.intervalMs ?? 1000).unref();
    },
    flush,
  };
}
