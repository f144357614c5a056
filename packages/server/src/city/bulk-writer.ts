// Bulk loading of the source tables in ONE transaction per seeding run: SQLite through prepared
// statements with the secondary indexes dropped during the load and rebuilt after (a sort is far cheaper
// than millions of random index inserts); PostgreSQL through `INSERT … SELECT FROM unnest(arrays)`.
import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import type { Store } from '../db/connection.ts';
import type { DepartmentRow, JurisdictionRow } from '../db/schema.ts';
import { type CityBatch, type ColumnType, SOURCE_TABLES, sortByKey } from './source-tables.ts';
import { sqliteWorkerWriter } from './sqlite-worker-writer.ts';

/** What is written with the last rows: departments, jurisdictions and platform_meta entries. */
export interface ReferenceData {
  departments: DepartmentRow[];
  jurisdictions: JurisdictionRow[];
  meta: [string, string][];
}

/** One seeding transaction. */
export interface BulkWriter {
  /** Writes the rows of a batch; returns how many. */
  write(batch: CityBatch): Promise<number>;
  /** Rebuilds indexes, writes departments and metadata, commits. */
  commit(ref: ReferenceData): Promise<void>;
  /** Undoes everything written. */
  rollback(): Promise<void>;
}

const META_UPSERT =
  'INSERT INTO platform_meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at';
const DEPT_COLS = [
  'code',
  'kind',
  'parent_code',
  'name',
  'name_en',
  'uscc',
  'area_code',
  'address',
  'phone',
  'office_hours',
] as const;
// Departments are reference data an admin may have edited since: missing ones are added, present ones kept.
const DEPT_UPSERT = `INSERT INTO departments (${DEPT_COLS.join(', ')}) VALUES (${DEPT_COLS.map(() => '?').join(', ')}) ON CONFLICT (code) DO NOTHING`;
const JUR_UPSERT =
  'INSERT INTO jurisdictions (station_code, area_code, town) VALUES (?, ?, ?) ON CONFLICT (station_code, town) DO NOTHING';

const SQLITE_INDEXES =
  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name LIKE 'src\\_%' ESCAPE '\\' ORDER BY name";

/** The statements (with ? placeholders) that write the reference data. */
function referenceStatements(ref: ReferenceData): [string, unknown[]][] {
  const now = new Date().toISOString();
  return [
    ...ref.departments.map((d): [string, unknown[]] => [DEPT_UPSERT, DEPT_COLS.map((c) => d[c])]),
    ...ref.jurisdictions.map((j): [string, unknown[]] => [JUR_UPSERT, [j.station_code, j.area_code, j.town]]),
    ...ref.meta.map(([k, v]): [string, unknown[]] => [META_UPSERT, [k, v, now]]),
  ];
}

/** Starts a seeding transaction; with `replace` the source tables are emptied first. `parallel` loads a
 * SQLite file from a worker thread while the caller keeps generating. */
export async function beginBulkLoad(
  store: Store,
  opts: { replace: boolean; parallel: boolean },
): Promise<BulkWriter> {
  if (store.dialect === 'postgres') return postgresWriter(store.pool, opts);
  if (opts.parallel && store.sqlite.name !== ':memory:' && store.sqlite.name !== '') {
    return sqliteWorkerWriter(store.sqlite, {
      replace: opts.replace,
      indexQuery: SQLITE_INDEXES,
      statements: referenceStatements,
    });
  }
  return sqliteWriter(store.sqlite, opts);
}

function sqliteWriter(db: SQLite.Database, opts: { replace: boolean }): BulkWriter {
  const saved = {
    journal: db.pragma('journal_mode', { simple: true }) as string,
    sync: db.pragma('synchronous', { simple: true }) as number,
    cache: db.pragma('cache_size', { simple: true }) as number,
    temp: db.pragma('temp_store', { simple: true }) as number,
  };
  // A rollback journal instead of WAL: new pages of a fresh table need no journalling, whereas WAL would
  // write the whole city twice (log, then checkpoint). Durability comes back with the restored settings.
  db.pragma('journal_mode = TRUNCATE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  db.pragma('temp_store = MEMORY');
  const restore = () => {
    db.pragma(`journal_mode = ${saved.journal}`);
    db.pragma(`synchronous = ${saved.sync}`);
    db.pragma(`cache_size = ${saved.cache}`);
    db.pragma(`temp_store = ${saved.temp}`);
  };
  db.exec('BEGIN IMMEDIATE');
  try {
    if (opts.replace) for (const t of SOURCE_TABLES) db.exec(`DELETE FROM ${t.name}`);
    const indexes = db.prepare(SQLITE_INDEXES).all() as { name: string; sql: string }[];
    for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
    // Positional parameters bind about twice as fast as named ones in better-sqlite3.
    const inserts = SOURCE_TABLES.map((t) => ({
      name: t.name,
      key: t.key[0]!,
      columns: t.columns.map((c) => c.name),
      stmt: db.prepare(
        `INSERT INTO ${t.name} (${t.columns.map((c) => c.name).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`,
      ),
    }));
    return {
      async write(batch) {
        let n = 0;
        for (const { name, key, columns, stmt } of inserts) {
          const rows = batch[name] as unknown as Record<string, unknown>[];
          const values: unknown[] = new Array(columns.length);
          for (const row of sortByKey(rows, key)) {
            for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!];
            stmt.run(values);
          }
          n += rows.length;
        }
        return n;
      },
      async commit(ref) {
        for (const ix of indexes) db.exec(ix.sql);
        for (const [sql, params] of referenceStatements(ref)) db.prepare(sql).run(params);
        db.exec('COMMIT');
        restore();
      },
      async rollback() {
        if (db.inTransaction) db.exec('ROLLBACK');
        restore();
      },
    };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    restore();
    throw e;
  }
}

const PG_ARRAY: Record<ColumnType, string> = {
  text: 'text[]',
  integer: 'int4[]',
  real: 'float4[]',
  date: 'text[]',
  'resident-id': 'text[]',
  uscc: 'text[]',
  'area-code': 'text[]',
};
const PG_CHUNK = 20_000;

async function postgresWriter(pool: pg.Pool, opts: { replace: boolean }): Promise<BulkWriter> {
  const client = await pool.connect();
  let open = true;
  const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
    if (!open) return;
    open = false;
    try {
      await client.query(sql);
    } finally {
      client.release();
    }
  };
  const fail = async (e: unknown): Promise<never> => {
    await end('ROLLBACK').catch(() => {});
    throw e;
  };
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    if (opts.replace) await client.query(`TRUNCATE ${SOURCE_TABLES.map((t) => t.name).join(', ')}`);
    // Secondary indexes only: those backing a constraint (primary keys) stay.
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes i
        WHERE schemaname = current_schema() AND tablename LIKE 'src\\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        ORDER BY indexname`,
    );
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.indexname}"`);
    const inserts = SOURCE_TABLES.map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => c.name),
      sql: `INSERT INTO ${t.name} (${t.columns.map((c) => c.name).join(', ')}) SELECT * FROM unnest(${t.columns
        .map((c, i) => `$${i + 1}::${PG_ARRAY[c.type]}`)
        .join(', ')})`,
    }));
    return {
      async write(batch) {
        let n = 0;
        for (const { name, columns, sql } of inserts) {
          const rows = batch[name] as unknown as Record<string, unknown>[];
          for (let from = 0; from < rows.length; from += PG_CHUNK) {
            const chunk = rows.slice(from, from + PG_CHUNK);
            await client.query(
              sql,
              columns.map((col) => chunk.map((r) => r[col])),
            );
          }
          n += rows.length;
        }
        return n;
      },
      async commit(ref) {
        try {
          for (const ix of indexes) await client.query(ix.indexdef);
          for (const [sql, params] of referenceStatements(ref)) await client.query(toDollar(sql), params);
          await end('COMMIT');
        } catch (e) {
          await fail(e);
        }
      },
      async rollback() {
        await end('ROLLBACK').catch(() => {});
      },
    };
  } catch (e) {
    return fail(e);
  }
}

function toDollar(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}
