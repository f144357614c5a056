// `seedCity`: the whole synthetic city in one transaction — fixtures first, then ordinary households
// until the requested number of residents is reached — with progress reports on long runs.
import { AppError } from '@certcloud/core';
import type { Store } from '../db/connection.ts';
import { beginBulkLoad } from './bulk-writer.ts';
import { CityBuilder } from './city-builder.ts';
import { departmentRows, jurisdictionRows } from './departments.data.ts';
import { buildFixtures, FIXTURE_RESIDENTS } from './fixtures.ts';
import { generateHousehold } from './population.ts';

/** The reference date of tests and of seeds run without one: fixtures' "yesterday" is relative to it. */
export const REFERENCE_DATE = '2026-12-03';
/** Fewest residents a city can have (the fixtures need room). */
export const MIN_RESIDENTS = 100;

/** What `onProgress` is told now and then. */
export interface SeedProgress {
  residents: number;
  total: number;
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  percent: number;
  phase: 'load' | 'index' | 'done';
}

/** The parameters recorded in platform_meta under `city`. */
export interface CityParams {
  residents: number;
  seed: number;
  today: string;
  households: number;
  rows: number;
  generator: number;
}

/** Options of a seeding run. */
export interface SeedOptions {
  residents: number;
  seed: number;
  /** The day the city is "now" (YYYY-MM-DD); deaths yesterday, newborns etc. are relative to it. */
  today?: string;
  /** Empty the source tables first instead of refusing when a city exists. */
  replace?: boolean;
  onProgress?: (p: SeedProgress) => void;
  /** Load SQLite from a worker thread (default: for cities of 50 000 residents or more). */
  parallel?: boolean;
  /** Minimum milliseconds between progress reports (default 1000). */
  progressEveryMs?: number;
}

const GENERATOR_VERSION = 1;
const BATCH_RESIDENTS = 5_000;

/** The city parameters recorded in the store, or undefined when no city was seeded. */
export async function cityParams(store: Store): Promise<CityParams | undefined> {
  const row = await store.db
    .selectFrom('platform_meta')
    .select('value')
    .where('key', '=', 'city')
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as CityParams) : undefined;
}

/** Seeds the synthetic city. Same residents, seed and today → identical rows on every dialect. */
export async function seedCity(store: Store, opts: SeedOptions): Promise<CityParams> {
  const today = opts.today ?? REFERENCE_DATE;
  const problems: string[] = [];
  if (!Number.isInteger(opts.residents) || opts.residents < MIN_RESIDENTS || opts.residents > 200_000_000)
    problems.push(`residents must be an integer from ${MIN_RESIDENTS} to 200000000`);
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 2 ** 32 - 1)
    problems.push('seed must be an integer from 0 to 4294967295');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)) || today < '1990-01-01')
    problems.push('today must be a date YYYY-MM-DD');
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: { problems } });

  if (!opts.replace) {
    const existing = await cityParams(store);
    const anyone = await store.db.selectFrom('src_household').select('id_number').limit(1).executeTakeFirst();
    if (existing || anyone) {
      throw new AppError('CONFLICT', {
        details: {
          city: existing ?? 'imported data',
          hint: 'use --replace to empty the source tables first',
        },
        message: 'The store already holds a city; seed with --replace to start over.',
      });
    }
  }

  const started = performance.now();
  const b = new CityBuilder(opts.seed, today);
  const writer = await beginBulkLoad(store, {
    replace: opts.replace ?? false,
    parallel: opts.parallel ?? opts.residents >= 50_000,
  });
  let rows = 0;
  let lastReport = 0;
  const every = opts.progressEveryMs ?? 1000;
  const report = (phase: SeedProgress['phase'], force = false) => {
    const now = performance.now();
    if (!opts.onProgress || (!force && now - lastReport < every)) return;
    lastReport = now;
    const elapsedMs = now - started;
    opts.onProgress({
      residents: b.residents,
      total: opts.residents,
      rows,
      elapsedMs,
      rowsPerSecond: Math.round(rows / Math.max(elapsedMs / 1000, 0.001)),
      percent: Math.floor((b.residents / opts.residents) * 1000) / 10,
      phase,
    });
  };
  try {
    const fixtures = buildFixtures(b);
    if (b.residents !== FIXTURE_RESIDENTS) throw new Error(`fixtures made ${b.residents} residents`);
    for (let h = 0; b.residents < opts.residents; h++) {
      generateHousehold(b, h, opts.residents - b.residents);
      if (b.batch.src_household.length >= BATCH_RESIDENTS) {
        rows += await writer.write(b.drain());
        report('load');
      }
    }
    rows += await writer.write(b.drain());
    report('index', true);
    const params: CityParams = {
      residents: b.residents,
      seed: opts.seed,
      today,
      households: b.households,
      rows,
      generator: GENERATOR_VERSION,
    };
    await writer.commit({
      departments: departmentRows(),
      jurisdictions: jurisdictionRows(),
      meta: [
        ['city', JSON.stringify(params)],
        ['city.fixtures', JSON.stringify(fixtures)],
      ],
    });
    report('done', true);
    return params;
  } catch (e) {
    await writer.rollback();
    throw e;
  }
}
