// `table`: department data imported into the platform's own store (src_* tables).
import type { SourceDefinition } from '@certcloud/core';
import type SQLite from 'better-sqlite3';
import type { Store } from '../db/connection.ts';
import { type Connector, SourceReadError, type SourceRecord } from './connector.ts';

/** Reads a src_* table of the platform store by the source's key fields. */
export function tableConnector(def: SourceDefinition, store: Store): Connector {
  if (def.connector.kind !== 'table') throw new TypeError('not a table source');
  const table = def.connector.table;
  // Identifiers are validated by the source schema (lower-case letters, digits, underscore).
  const columns = Object.keys(def.fields).join(', ');
  const read = (placeholder: (i: number) => string) =>
    `select ${columns} from ${table} where ${def.keyFields.map((k, i) => `${k} = ${placeholder(i)}`).join(' or ')}`;

  if (store.dialect === 'sqlite') {
    // Prepared once: better-sqlite3 answers a keyed lookup in microseconds, synchronously.
    let stmt: SQLite.Statement<string[]> | undefined;
    const params = (subject: string) => def.keyFields.map(() => subject);
    const readSync = (subject: string): SourceRecord[] => {
      try {
        stmt ??= store.sqlite.prepare<string[]>(read(() => '?'));
        // Rows of the platform's own tables were validated on import; they are returned as stored.
        return stmt.all(...params(subject)) as SourceRecord[];
      } catch (e) {
        throw new SourceReadError('query-failed', `table ${table} could not be read`, { cause: e });
      }
    };
    return {
      local: true,
      readSync,
      read: async (subject) => readSync(subject),
      async probe() {
        const t0 = performance.now();
        try {
          store.sqlite.prepare(`select 1 from ${table} limit 1`).all();
          return { ok: true, latencyMs: performance.now() - t0, detail: `table ${table} readable` };
        } catch (e) {
          return { ok: false, latencyMs: performance.now() - t0, detail: (e as Error).message };
        }
      },
      async close() {},
    };
  }
  const text = read(() => '$1');
  return {
    async read(subject) {
      try {
        const result = await store.pool.query({ name: `src:${def.id}`, text, values: [subject] });
        return result.rows as SourceRecord[];
      } catch (e) {
        if (e instanceof SourceReadError) throw e;
        throw new SourceReadError('query-failed', `table ${table} could not be read`, { cause: e });
      }
    },
    async probe() {
      const t0 = performance.now();
      try {
        await store.pool.query(`select 1 from ${table} limit 1`);
        return { ok: true, latencyMs: performance.now() - t0, detail: `table ${table} readable` };
      } catch (e) {
        return { ok: false, latencyMs: performance.now() - t0, detail: (e as Error).message };
      }
    },
    async close() {},
  };
}
