// bench:facts — gatherFacts for the no-criminal-record check (4 table sources) on the 1 000 000-resident city.
import { loadConfig } from '../src/config/config.ts';
import { ensureReferenceData } from '../src/modules/catalogue/reference-data.ts';
import { gatherFacts } from '../src/modules/sources/gather-facts.ts';
import { createSourceRegistry } from '../src/modules/sources/source-registry.ts';
import { arg, openBenchCity, percentile, sampleResidents } from './bench-city.ts';

const residents = arg('residents', 1_000_000);
const persons = arg('persons', 200_000);
const concurrency = arg('concurrency', 32);
const SOURCES = ['household', 'criminal-record', 'wanted', 'drug-control'];

const { store } = await openBenchCity(residents);
await ensureReferenceData(store);
const registry = await createSourceRegistry(store, loadConfig({}));
const sample = await sampleResidents(store, 50_000);
const subjects = Array.from({ length: persons }, (_, i) => sample[(i * 7919) % sample.length]!);

// Warm-up: prepare statements, fill caches.
for (const s of subjects.slice(0, 2000)) await gatherFacts(registry, s, SOURCES);

const latencies: number[] = [];
let next = 0;
let records = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < subjects.length) {
      const s = subjects[next++]!;
      const t = performance.now();
      const facts = await gatherFacts(registry, s, SOURCES);
      latencies.push(performance.now() - t);
      for (const f of Object.values(facts)) records += f.records.length;
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
console.log(
  `bench:facts — no-criminal-record facts (${SOURCES.length} table sources), ${residents.toLocaleString()}-resident city, SQLite`,
);
console.log(
  `  persons: ${persons.toLocaleString()}  records read: ${records.toLocaleString()}  concurrency: ${concurrency}`,
);
console.log(`  ${(persons / seconds).toFixed(0)} persons/s  (target ≥ 20 000)`);
console.log(
  `  latency p50 ${percentile(latencies, 50).toFixed(3)} ms  p99 ${percentile(latencies, 99).toFixed(3)} ms`,
);
await registry.close();
await store.close();
