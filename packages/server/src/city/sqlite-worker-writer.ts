// The SQLite bulk load on a second thread: the main thread generates the city while a worker with its own
// connection binds and inserts (binding costs about half a microsecond per value in better-sqlite3, so
// on two cores the overlap is worth it).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import type { BulkWriter, ReferenceData } from './bulk-writer.ts';
import { SOURCE_TABLES } from './source-tables.ts';

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
  // Eight rows per statement: fewer steps and resets per row. Tables with derived columns select them
  // from a row of sent values (better-sqlite3 binds arrays only to anonymous parameters).
  for (const t of workerData.tables) {
    const width = t.sent.length;
    const head = 'INSERT INTO ' + t.name + ' (' + t.columns.join(', ') + ') ';
    const marks = '(' + t.sent.map(() => '?').join(', ') + ')';
    const derived = t.columns.some((c) => t.values[c] !== c);
    const select = (rows) => head + 'SELECT ' + t.columns.map((c) => t.values[c]).join(', ') + ' FROM (' +
      Array.from({ length: rows }, (_, r) => 'SELECT ' + t.sent.map((c) => (r === 0 ? '? AS ' + c : '?')).join(', ')).join(' UNION ALL ') + ')';
    const make = (rows) => derived ? select(rows) : head + 'VALUES ' + Array(rows).fill(marks).join(', ');
    stmts[t.name] = { width, one: db.prepare(make(1)), eight: db.prepare(make(8)) };
  }
  parentPort.postMessage({ type: 'ready' });
} catch (e) { fail(e); }
parentPort.on('message', (m) => {
  try {
    if (m.type === 'batch') {
      let rows = 0;
      for (const [name, text] of m.tables) {
        const { width, one, eight } = stmts[name];
        const flat = text.split('\u0001');
        for (let k = 0; k < flat.length; k++) if (flat[k] === '\u0002') flat[k] = null;
        const n = Math.floor(flat.length / width);
        let i = 0;
        for (; i + 8 <= n; i += 8) eight.run(flat.slice(i * width, (i + 8) * width));
        for (; i < n; i++) one.run(flat.slice(i * width, (i + 1) * width));
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

/** What crosses the thread boundary for a table: the columns sent, the SQL value of every column (an
 * expression over the sent columns), and the usual value of a column, sent as NULL (NULL binds cheaply). */
interface WireFormat {
  sent: string[];
  values: Record<string, string>;
  usual: Record<string, string>;
}

const formats = new Map<string, WireFormat>();

// Binding a string costs about half a microsecond in better-sqlite3, so household rows (the widest and
// most numerous) do not send what their ID number already says: gender, birth date and area code, nor
// their status (it follows from the deregistration reason), nor the usual ethnicity. The generator makes
// those columns agree with the ID by construction, and the cross-dialect digest test checks it.
function wireFormat(table: string): WireFormat {
  let f = formats.get(table);
  if (f) return f;
  const columns = SOURCE_TABLES.find((t) => t.name === table)!.columns.map((c) => c.name);
  if (table === 'src_household') {
    const sent = [
      'id_number',
      'name',
      'ethnicity',
      'address',
      'household_no',
      'relation_to_head',
      'police_station',
      'dereg_reason',
      'dereg_date',
    ];
    const id = 'id_number';
    const values: Record<string, string> = Object.fromEntries(sent.map((c) => [c, c]));
    values['ethnicity'] = `coalesce(ethnicity, '汉族')`;
    values['gender'] = `CASE WHEN substr(${id}, 17, 1) IN ('1', '3', '5', '7', '9') THEN 'M' ELSE 'F' END`;
    values['birth_date'] =
      `substr(${id}, 7, 4) || '-' || substr(${id}, 11, 2) || '-' || substr(${id}, 13, 2)`;
    values['area_code'] = `substr(${id}, 1, 6)`;
    values['status'] = `CASE WHEN dereg_reason IS NULL THEN 'registered' ELSE 'deregistered' END`;
    f = { sent, values, usual: { ethnicity: '汉族' } };
  } else {
    f = { sent: columns, values: Object.fromEntries(columns.map((c) => [c, c])), usual: {} };
  }
  formats.set(table, f);
  return f;
}

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
      tables: SOURCE_TABLES.map((t) => {
        const { sent, values } = wireFormat(t.name);
        return { name: t.name, columns: t.columns.map((c) => c.name), sent, values };
      }),
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
        const { sent, usual } = wireFormat(t.name);
        const flat: unknown[] = new Array(list.length * sent.length);
        let k = 0;
        for (const row of list) {
          for (const c of sent) {
            const v = row[c];
            flat[k++] = v === null || v === undefined || v === usual[c] ? NULL : v;
          }
        }
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
