// The SQLite store shares its file with other connections of the same process (the verification log's writer
// thread) and with the CLI: a transaction must not fail because another connection committed while it ran.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, openStore } from './connection.ts';

describe('SQLite store beside another connection', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a transaction that reads, then writes, completes although another connection wrote in between', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-conn-'));
    dirs.push(dir);
    const file = path.join(dir, 'store.db');
    const store = openStore(file);
    await sql`create table counters (name text primary key, n integer not null)`.execute(store.db);
    await sql`insert into counters values ('a', 0), ('b', 0)`.execute(store.db);
    const other = openSqlite(file);
    other.pragma('busy_timeout = 0'); // the other writer gives up at once instead of waiting
    let otherWrote = false;

    await store.db.transaction().execute(async (trx) => {
      const row = await sql<{ n: number }>`select n from counters where name = 'a'`.execute(trx);
      try {
        other.prepare("update counters set n = n + 1 where name = 'b'").run();
        otherWrote = true;
      } catch (e) {
        expect((e as { code?: string }).code).toBe('SQLITE_BUSY'); // it had to wait for our transaction
      }
      await sql`update counters set n = ${row.rows[0]!.n + 1} where name = 'a'`.execute(trx);
    });

    const rows = await sql<{ name: string; n: number }>`select name, n from counters order by name`.execute(
      store.db,
    );
    expect(rows.rows).toEqual([
      { name: 'a', n: 1 },
      { name: 'b', n: otherWrote ? 1 : 0 },
    ]);
    other.close();
    await store.close();
  });
});
