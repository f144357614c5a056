// A digest of the city's data that is the same on every dialect: rows fetched per source table, sorted
// by primary key in JavaScript (database collations differ), serialised canonically, hashed.
import crypto from 'node:crypto';
import type { Store } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { SOURCE_TABLES } from './source-tables.ts';

/** sha256 (hex) over every source table, departments and jurisdictions, each ordered by primary key. */
export async function cityDigest(store: Store): Promise<string> {
  const hash = crypto.createHash('sha256');
  const tables = [
    ...SOURCE_TABLES.map((t) => ({ name: t.name as string, key: t.key, columns: t.columns })),
    { name: 'departments', key: ['code'], columns: [] },
    { name: 'jurisdictions', key: ['station_code', 'town'], columns: [] },
  ];
  for (const t of tables) {
    const reals = new Set(t.columns.filter((c) => c.type === 'real').map((c) => c.name));
    const rows = (await store.db
      .selectFrom(t.name as keyof Database)
      .selectAll()
      .execute()) as Record<string, unknown>[];
    const keyOf = (r: Record<string, unknown>) => t.key.map((k) => String(r[k])).join('\u0000');
    const keyed = rows.map((r) => [keyOf(r), r] as const);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    hash.update(`#${t.name}\n`);
    for (const [, r] of keyed) {
      const names = Object.keys(r).sort();
      const values = names.map((n) => {
        const v = r[n];
        if (v === null || v === undefined) return null;
        if (reals.has(n)) return Number(v).toFixed(2);
        return typeof v === 'number' ? v : String(v);
      });
      hash.update(`${JSON.stringify(values)}\n`);
    }
  }
  return hash.digest('hex');
}
