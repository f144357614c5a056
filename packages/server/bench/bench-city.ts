// A seeded city for benchmarks, kept in ./bench-data between runs (seeding 1M residents takes a while).
import fs from 'node:fs';
import path from 'node:path';
import { cityParams, seedCity } from '../src/city/seed-city.ts';
import { openStore, type Store } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** Opens (seeding on first use) a SQLite city of `residents` with `seed`. */
export async function openBenchCity(residents: number, seed = 42): Promise<{ store: Store; file: string }> {
  const dir = path.resolve('bench-data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `city-${residents}-s${seed}.db`);
  const store = openStore(file);
  await migrateToLatest(store.db);
  const params = await cityParams(store);
  if (!params || params.residents !== residents) {
    process.stdout.write(`seeding a ${residents.toLocaleString()}-resident city into ${file} (once) …\n`);
    await seedCity(store, {
      residents,
      seed,
      replace: true,
      onProgress: (p) => process.stdout.write(`  ${p.percent.toFixed(0)}% ${p.rows.toLocaleString()} rows\r`),
    });
    process.stdout.write('\n');
  }
  return { store, file };
}

/** Resident IDs sampled evenly from the household register (deterministic). */
export async function sampleResidents(store: Store, count: number): Promise<string[]> {
  const rows = await store.db.selectFrom('src_household').select('id_number').orderBy('id_number').execute();
  const step = Math.max(1, Math.floor(rows.length / count));
  const out: string[] = [];
  for (let i = 0; i < rows.length && out.length < count; i += step) out.push(rows[i]!.id_number);
  return out;
}

/** p-th percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** `--name value` from argv, or the default. */
export function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}
