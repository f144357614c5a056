// `npm run bench:seed [-- --residents N --seed S]`: seeds a city into a fresh SQLite file in a temporary
// folder and prints rows/s, residents/s, total rows, duration and file size; the folder is removed after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedCity } from '../src/city/seed-city.ts';
import { openStore } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '20261203' },
    serial: { type: 'boolean', default: false },
  },
});
const residents = Number(values.residents.replaceAll('_', ''));
const seed = Number(values.seed);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-bench-'));
const file = path.join(dir, 'city.db');
const store = openStore(file);
try {
  await migrateToLatest(store.db);
  console.log(`seeding ${fmt(residents)} residents (seed ${seed}) into ${file} on ${os.cpus().length} cores`);
  const started = performance.now();
  const params = await seedCity(store, {
    residents,
    seed,
    parallel: !values.serial,
    onProgress: (p) => {
      if (p.phase === 'load')
        console.log(
          `  ${p.percent.toFixed(1).padStart(5)}%  ${fmt(p.rows)} rows  ${fmt(p.rowsPerSecond)} rows/s`,
        );
      else if (p.phase === 'index')
        console.log(`  building indexes after ${(p.elapsedMs / 1000).toFixed(1)} s`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  const bytes = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('city.db'))
    .reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
  console.log(
    [
      '',
      `residents      ${fmt(params.residents)}`,
      `households     ${fmt(params.households)}`,
      `source rows    ${fmt(params.rows)}`,
      `duration       ${seconds.toFixed(1)} s`,
      `rows/s         ${fmt(params.rows / seconds)}`,
      `residents/s    ${fmt(params.residents / seconds)}`,
      `file size      ${(bytes / 1024 / 1024).toFixed(0)} MiB`,
    ].join('\n'),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
