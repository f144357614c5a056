// Opens the store: SQLite (better-sqlite3, WAL, synchronous=FULL, foreign keys) or PostgreSQL (pg).
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

/** An open store: the Kysely handle plus the raw driver for bulk paths (seeding, import). */
export type Store =
  | { dialect: 'sqlite'; db: Kysely<Database>; sqlite: SQLite.Database; close(): Promise<void> }
  | { dialect: 'postgres'; db: Kysely<Database>; pool: pg.Pool; close(): Promise<void> };

/** Opens the store named by `databaseUrl` (a file path or a postgres:// URL). */
export function openStore(databaseUrl: string, opts: { poolSize?: number } = {}): Store {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server closed (restart, failover, DROP DATABASE … FORCE) is an event, not a
    // crash: the pool drops it and opens a new one on the next query.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { dialect: 'postgres', db, pool, close: () => db.destroy() };
  }
  if (databaseUrl !== ':memory:') fs.mkdirSync(path.dirname(databaseUrl), { recursive: true });
  const sqlite = openSqlite(databaseUrl);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: reusingStatements(sqlite) }),
  });
  return { dialect: 'sqlite', db, sqlite, close: () => db.destroy() };
}

/** A better-sqlite3 connection with the platform's settings (also for worker threads' own connections). */
export function openSqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reads are random lookups by resident ID across large source tables: map the file into memory (no read
  // syscall per page) and keep a larger page cache than SQLite's 2 MB default.
  sqlite.pragma('mmap_size = 4294967296');
  sqlite.pragma('cache_size = -131072');
  return sqlite;
}

/**
 * The connection as Kysely's SQLite driver sees it, with prepared statements kept by SQL text (the driver
 * prepares every query anew: about 0.3 ms of main-thread time per issued certificate). A statement still
 * being iterated (a streamed query) is not handed out twice; a fresh one is prepared instead.
 */
function reusingStatements(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement && !statement.busy) {
        statements.delete(sql); // most recently used last
        statements.set(sql, statement);
        return statement;
      }
      statement = sqlite.prepare(sql);
      if (statements.size >= max) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
      return statement;
    },
  };
}

/**
 * Kysely's SQLite dialect with transactions begun IMMEDIATE (write lock taken at BEGIN). The file is shared
 * with other connections — the verification log's writer thread, the CLI — and a deferred transaction that
 * reads, then writes after another connection committed, fails at once with SQLITE_BUSY (its snapshot is
 * stale; waiting cannot help). Taking the lock first makes others wait (busy_timeout) instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
