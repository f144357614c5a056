// The SQLite bulk load on a second thread: the main thread generates the city while a worker with its own
// connection binds and inserts, which on two idle cores takes most of the insert time off the critical path.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import type { BulkWriter, ReferenceData } from './bulk-writer.ts';
import { SOURCE_TABLES, sortByKey } from './source-tables.ts';

// Plain JavaScript, run with `eval` so it needs no TypeScript loader in the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('synchronous = OFF');
db.pragma('cache_size = -524288');
db.pragma('temp_store = MEMORY');
db.pragma('threads = 2'); // index builds at the end sort with a helper thread while the main thread idles
db.pragma('busy_timeout = 5000');
let indexes = [];
const stmts = {};
function fail(e) {
  try { if (db.inTransaction) db.exec('ROLLBACK'); db.close(); } catch {}
  parentPort.postMessage({ type: 'error', message: String(e && e.message || e) });
}
try {
  db.exec('BEGIN IMMEDIATE');
  if (workerData.replace) for (const t of workerData.tables) db.exec('DELETE FROM ' + t.name);
  indexes = db.prepare(workerData.indexQuery).all();
  for (const ix of indexes) db.exec('DROP INDEX ' + ix.name);
  // One row per statement: in measurements multi-row VALUES cost more CPU, not less.
  for (const t of workerData.tables) {
    const sql = 'INSERT INTO ' + t.name + ' (' + t.columns.join(', ') + ') VALUES (' + t.columns.map(() => '?').join(', ') + ')';
    stmts[t.name] = { width: t.columns.length, stmt: db.prepare(sql) };
  }
  parentPort.postMessage({ type: 'ready' });
} catch (e) { fail(e); }
parentPort.on('message', (m) => {
  try {
    if (m.type === 'batch') {
      let rows = 0;
      for (const [name, text] of m.tables) {
        const { width, stmt } = stmts[name];
        const flat = text.split('\u0001');
        const v = new Array(width);
        const n = Math.floor(flat.length / width);
        for (let i = 0; i < flat.length; i += width) {
          for (let j = 0; j < width; j++) {
            const x = flat[i + j];
            v[j] = x === '\u0002' ? null : x;
          }
          stmt.run(v);
        }
        rows += n;
      }
      parentPort.postMessage({ type: 'ack', rows });
    } else if (m.type === 'commit') {
      parentPort.postMessage({ type: 'indexing' });
      for (const ix of indexes) db.exec(ix.sql);
      for (const [sql, params] of m.statements) db.prepare(sql).run(params);
      db.exec('COMMIT');
      db.close();
      parentPort.postMessage({ type: 'done' });
    } else if (m.type === 'rollback') {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
      parentPort.postMessage({ type: 'done' });
    }
  } catch (e) { fail(e); }
});
`;

const MAX_IN_FLIGHT = 3;
// One string per table crosses the thread boundary (a copy, not a clone of millions of values). Numbers
// travel as text: the integer and real columns' affinity turns them back into numbers on insert.
const SEP = '\u0001';
const NULL = '\u0002';

/** Starts the worker on the file of `db` (which must be a file, idle, and the only other connection). */
export async function sqliteWorkerWriter(
  db: SQLite.Database,
  opts: { replace: boolean; indexQuery: string; statements: (ref: ReferenceData) => [string, unknown[]][] },
): Promise<BulkWriter> {
  const savedJournal = db.pragma('journal_mode', { simple: true }) as string;
  // Leaving WAL needs exclusive access, which this connection has while it is the only one; a rollback
  // journal avoids writing the whole city twice (WAL, then checkpoint).
  db.pragma('journal_mode = TRUNCATE');
  const restore = () => {
    db.pragma(`journal_mode = ${savedJournal}`);
  };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: db.name,
      replace: opts.replace,
      indexQuery: opts.indexQuery,
      tables: SOURCE_TABLES.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) })),
    },
  });
  let failure: Error | undefined;
  let waiting: { resolve: (m: { type: string; rows?: number }) => void; reject: (e: Error) => void }[] = [];
  let inFlight = 0;
  worker.on('message', (m: { type: string; rows?: number; message?: string }) => {
    if (m.type === 'indexing') return;
    if (m.type === 'error') {
      failure = new Error(`bulk load failed: ${m.message}`);
      for (const w of waiting) w.reject(failure);
      waiting = [];
      return;
    }
    if (m.type === 'ack') {
      inFlight--;
    }
    waiting.shift()?.resolve(m);
  });
  worker.on('error', (e) => {
    failure = e;
    for (const w of waiting) w.reject(e);
    waiting = [];
  });
  const next = () =>
    new Promise<{ type: string; rows?: number }>((resolve, reject) => {
      if (failure) reject(failure);
      else waiting.push({ resolve, reject });
    });
  const finish = async (type: 'commit' | 'rollback', statements: [string, unknown[]][] = []) => {
    while (inFlight > 0) await next();
    worker.postMessage({ type, statements });
    await next();
    await worker.terminate();
    restore();
  };
  try {
    await next(); // ready
  } catch (e) {
    await worker.terminate();
    restore();
    throw e;
  }
  return {
    async write(batch) {
      if (failure) throw failure;
      const tables: [string, string][] = [];
      let rows = 0;
      for (const t of SOURCE_TABLES) {
        const list = batch[t.name] as unknown as Record<string, unknown>[];
        if (list.length === 0) continue;
        const flat: unknown[] = new Array(list.length * t.columns.length);
        let k = 0;
        for (const row of sortByKey(list, t.key[0]!))
          for (const c of t.columns) flat[k++] = row[c.name] ?? NULL;
        tables.push([t.name, flat.join(SEP)]);
        rows += list.length;
      }
      worker.postMessage({ type: 'batch', tables });
      inFlight++;
      while (inFlight >= MAX_IN_FLIGHT) await next();
      return rows;
    },
    async commit(ref) {
      try {
        await finish('commit', opts.statements(ref));
      } catch (e) {
        await worker.terminate();
        restore();
        throw e;
      }
    },
    async rollback() {
      try {
        await finish('rollback');
      } catch {
        await worker.terminate();
        restore();
      }
    },
  };
}
