// `sql`: a read-only, parameterised query against the department's own database (PostgreSQL or SQLite file).
import type { SourceDefinition } from '@certcloud/core';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { abortable, type Connector, type ProbeResult, SourceReadError, toSourceRecord } from './connector.ts';

/** Replaces `${NAME}` in a connection URL with the source secret NAME. */
function withSecrets(url: string, secrets: Readonly<Record<string, string>>): string {
  return url.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, name: string) => {
    const secret = secrets[name];
    if (secret === undefined) throw new SourceReadError('unreachable', `secret ${name} is not configured`);
    return encodeURIComponent(secret);
  });
}

/** Opens a pool (PostgreSQL) or a read-only handle (SQLite) lazily, on first read. */
export function sqlConnector(
  def: SourceDefinition,
  secrets: Readonly<Record<string, string>>,
  timeoutMs: number,
): Connector {
  if (def.connector.kind !== 'sql') throw new TypeError('not a sql source');
  const { url, query, poolSize } = def.connector;
  const isPg = /^postgres(ql)?:\/\//.test(url);
  return isPg
    ? pgConnector(def, () => withSecrets(url, secrets), query, poolSize, timeoutMs)
    : sqliteConnector(def, url, query);
}

function pgConnector(
  def: SourceDefinition,
  url: () => string,
  query: string,
  poolSize: number,
  timeoutMs: number,
): Connector {
  let pool: pg.Pool | undefined;
  const getPool = () => {
    if (pool) return pool;
    // Startup parameters, merged with any the URL carries: the platform never writes to a department's
    // database, and no statement may run longer than the source's timeout.
    const u = new URL(url());
    const guard = `-c default_transaction_read_only=on -c statement_timeout=${Math.trunc(timeoutMs)}`;
    u.searchParams.set('options', [u.searchParams.get('options'), guard].filter(Boolean).join(' '));
    pool = new pg.Pool({ connectionString: u.toString(), max: poolSize, connectionTimeoutMillis: timeoutMs });
    pool.on('error', () => {}); // an idle connection lost is replaced on the next read, never a crash
    return pool;
  };
  // Extended protocol with one parameter: a single statement, no injection through the subject.
  const text = query.replaceAll(':subject', '$1');
  return {
    read: (subject, signal) =>
      abortable(signal, async () => {
        try {
          const result = await getPool().query(text, [subject]);
          return result.rows.map((r: Record<string, unknown>) => toSourceRecord(def, r));
        } catch (e) {
          if (e instanceof SourceReadError) throw e;
          const code = (e as { code?: string }).code;
          throw new SourceReadError(
            code === '57014' ? 'timeout' : 'query-failed',
            'department database query failed',
            {
              cause: e,
            },
          );
        }
      }),
    probe: (signal) => probeWith(signal, async () => void (await getPool().query('select 1'))),
    async close() {
      await pool?.end();
    },
  };
}

function sqliteConnector(def: SourceDefinition, file: string, query: string): Connector {
  let stmt: SQLite.Statement | undefined;
  let db: SQLite.Database | undefined;
  const open = () => {
    db ??= new SQLite(file, { readonly: true, fileMustExist: true });
    return db;
  };
  return {
    read: (subject, signal) =>
      abortable(signal, async () => {
        try {
          stmt ??= open().prepare(query);
          if (!stmt.reader) throw new SourceReadError('query-failed', 'query does not return rows');
          return (stmt.all({ subject }) as Record<string, unknown>[]).map((r) => toSourceRecord(def, r));
        } catch (e) {
          if (e instanceof SourceReadError) throw e;
          throw new SourceReadError('query-failed', 'department database query failed', { cause: e });
        }
      }),
    probe: (signal) => probeWith(signal, async () => void open().prepare('select 1').get()),
    async close() {
      db?.close();
    },
  };
}

async function probeWith(signal: AbortSignal, check: () => Promise<void>): Promise<ProbeResult> {
  const t0 = performance.now();
  try {
    await abortable(signal, check);
    return { ok: true, latencyMs: performance.now() - t0, detail: 'database answered' };
  } catch (e) {
    return { ok: false, latencyMs: performance.now() - t0, detail: (e as Error).message };
  }
}
