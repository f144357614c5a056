// 核验记录: every verification is recorded (time, channel, result — never who checked) and shown to the
// holder. Records are buffered and written in one transaction at most once a second, so a burst of
// checks costs one synchronous commit (fsync) instead of one per request; `flush()` runs before the holder
// reads. A crash loses at most the last second of records, never a certificate or a revocation.
// On SQLite the batches are written by a worker thread with its own connection: the inserts and the fsync
// (≈ 12 µs of main-thread time per verification when written in-line) stay off the thread serving requests.
import type { Worker } from 'node:worker_threads';
import type { Store } from '../../db/connection.ts';
import { startModuleWorker } from '../../workers/module-worker.ts';
import { eventRowsOf, insertVerificationEvents, type TimedVerification } from './verification.repository.ts';
import type { VerificationEventRow } from './verification.schema.ts';
import type { VerificationBatchMessage } from './verification-log-worker.ts';

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
  /** Flushes, then stops the writer thread (if any). */
  close(): Promise<void>;
}

/** Stores batches of records. */
interface BatchWriter {
  write(records: TimedVerification[]): Promise<void>;
  close(): Promise<void>;
}

/** A log writing to `store` at most every `intervalMs` (and at once past `maxBatch` entries). */
export function createVerificationLog(
  store: Store,
  opts: { intervalMs?: number; maxBatch?: number; onError?: (e: unknown) => void } = {},
): VerificationLog {
  const inline = storeWriter(store);
  let writer: BatchWriter =
    store.dialect === 'sqlite' && !store.sqlite.memory
      ? threadWriter(store.sqlite.name, (e) => {
          // The writer thread died: report it and write in-line from now on (nothing buffered is lost).
          opts.onError?.(e);
          writer = inline;
        })
      : inline;
  let buffer: TimedVerification[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = buffer;
    buffer = [];
    // Writes are chained so that a flush resolves only after every earlier batch is stored.
    writing = writing
      .then(() => writer.write(batch))
      .catch(() => inline.write(batch)) // a batch the thread could not store is written in-line
      .catch((e) => opts.onError?.(e));
    return writing;
  };

  return {
    record(entry) {
      buffer.push({
        at: Date.now(),
        channel: entry.channel,
        result: entry.result,
        certificateId: entry.certificateId,
      });
      if (buffer.length >= (opts.maxBatch ?? 4000)) void flush();
      else if (!timer) timer = setTimeout(() => void flush(), opts.intervalMs ?? 1000).unref();
    },
    flush,
    async close() {
      await flush();
      await writer.close();
    },
  };
}

function storeWriter(store: Store): BatchWriter {
  return {
    write: (records) => insertVerificationEvents(store.db, eventRowsOf(records)),
    async close() {},
  };
}

/** Batches written by a worker thread on its own connection to `file`, started with the first batch. */
function threadWriter(file: string, onDeath: (e: Error) => void): BatchWriter {
  const pending = new Map<number, { resolve(): void; reject(e: Error): void }>();
  let worker: Worker | undefined;
  let nextId = 0;
  let closed = false;
  const die = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    if (!closed) onDeath(e);
    closed = true;
  };
  const start = (): Worker => {
    const w = startModuleWorker(new URL('./verification-log-worker.ts', import.meta.url), { file });
    w.on('message', (m: { id: number; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (pending.size === 0) w.unref(); // an idle writer does not keep the process alive
      if (m.error) p?.reject(new Error(`verification log writer: ${m.error}`));
      else p?.resolve();
    });
    w.on('error', die);
    w.on('exit', (code) => die(new Error(`verification log writer exited (${code})`)));
    return w;
  };
  return {
    write(records) {
      if (records.length === 0) return Promise.resolve();
      if (closed) return Promise.reject(new Error('verification log writer closed'));
      worker ??= start();
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.ref(); // referenced while a batch is out
        worker!.postMessage({ id, records } satisfies VerificationBatchMessage);
      });
    },
    async close() {
      closed = true;
      await worker?.terminate();
    },
  };
}
