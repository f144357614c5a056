// One interface for every way a department's data is reached: table | sql | http.
import type { FieldType, SourceDefinition } from '@certcloud/core';

/** One record as a source returns it, typed by the source's field declarations. */
export type SourceRecord = Record<string, string | number | boolean | null>;

/** Why a source read failed; any of these means "unknown", never "no record". */
export type SourceFailure =
  | 'timeout'
  | 'unreachable'
  | 'http-status'
  | 'malformed'
  | 'bad-signature'
  | 'circuit-open'
  | 'query-failed';

/** A failed read, carrying the reason for the SOURCE_UNAVAILABLE answer. */
export class SourceReadError extends Error {
  constructor(
    readonly reason: SourceFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SourceReadError';
  }
}

/** Result of a connectivity probe (admin "test source"). */
export interface ProbeResult {
  ok: boolean;
  latencyMs: number;
  detail: string;
}

/** Reads one source. Implementations never write to the department's system. */
export interface Connector {
  /**
   * True when reads are answered in-process from the platform's own store (the `table` connector on SQLite):
   * such a read cannot hang on a remote system, so no timer is armed for it.
   */
  readonly local?: boolean;
  /** Local connectors also answer synchronously (the hot path of bulk checks and issuance). */
  readSync?(subject: string): SourceRecord[];
  /** Records whose key fields equal the subject. Throws SourceReadError when the source did not answer. */
  read(subject: string, signal: AbortSignal): Promise<SourceRecord[]>;
  /** Checks that the source answers at all. */
  probe(signal: AbortSignal): Promise<ProbeResult>;
  close(): Promise<void>;
}

/** Coerces a raw row to the declared field types; throws `malformed` when a value does not fit. */
export function toSourceRecord(def: SourceDefinition, raw: Record<string, unknown>): SourceRecord {
  const out: SourceRecord = {};
  for (const [field, type] of Object.entries(def.fields)) {
    out[field] = coerce(raw[field], type, field);
  }
  return out;
}

function coerce(value: unknown, type: FieldType, field: string): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'string':
    case 'residentId':
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      break;
    case 'date':
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
      break;
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
      if (typeof value === 'bigint') return Number(value);
      break;
    case 'number':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 0 || value === 1) return value === 1;
      break;
  }
  throw new SourceReadError('malformed', `field ${field} is not a ${type}`);
}

/** Rejects when the signal aborts; lets a sync-ish read race the timeout. */
export function abortable<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(new SourceReadError('timeout', 'timed out'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new SourceReadError('timeout', 'timed out'));
    signal.addEventListener('abort', onAbort, { once: true });
    work().then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
