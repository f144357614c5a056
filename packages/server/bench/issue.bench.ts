// bench:issue — end-to-end issuance (authorise + facts + rule + serial + PDF with CJK subset + seal + QR +
// PAdES signature + credential + ONE store transaction) on the 1 000 000-resident city, one process, SQLite;
// and in the same run the naive document baseline (pdf-lib + fontkit subsetting the full font per document).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { FONT_FILES } from '../src/documents/fonts.ts';
import type { Identity } from '../src/http/identity.ts';
import { issueCertificate } from '../src/modules/certificates/issue-certificate.ts';
import { createPlatform } from '../src/platform.ts';
import { arg, openBenchCity, percentile } from './bench-city.ts';
import { naiveDocument } from './naive-baseline.ts';

const residents = arg('residents', 1_000_000);
const count = arg('certificates', 2000);
const concurrency = arg('concurrency', 4);
const baselineCount = arg('baseline', 20);

const { store } = await openBenchCity(residents);
// Keys live in the bench city's store, so their master key stays beside it.
const dataDir = path.resolve('bench-data', 'data');
const config = loadConfig({ ...process.env, CERTCLOUD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const platform = await createPlatform(config, store);
const deps = { ...platform, store, publicUrl: config.publicUrl };

// Registered, living adults without records: every one of them is issued a household-registration or a
// no-criminal-record certificate (the two most requested), alternating.
const holders = (
  await store.db
    .selectFrom('src_household')
    .select('id_number')
    .where('status', '=', 'registered')
    .where('birth_date', '<', '2006-01-01')
    .where('id_number', 'not in', (eb) => eb.selectFrom('src_criminal_record').select('id_number'))
    .where('id_number', 'not in', (eb) => eb.selectFrom('src_wanted').select('id_number'))
    .where('id_number', 'not in', (eb) => eb.selectFrom('src_drug_control').select('id_number'))
    .orderBy('id_number')
    .limit(count + 100)
    .execute()
).map((r) => r.id_number);
const resident = (id: string): Identity => ({
  kind: 'resident',
  idNumber: id,
  accountId: 'bench',
  sessionId: 'bench',
});
const issueOne = (i: number) =>
  issueCertificate(deps, resident(holders[i]!), {
    type: i % 2 === 0 ? 'no-criminal-record' : 'household-registration',
    purpose: '就业',
  });

for (let i = count; i < count + 50; i++) await issueOne(i); // warm-up: keys created, fonts parsed, caches filled

const latencies: number[] = [];
let next = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await issueOne(i);
      latencies.push(performance.now() - t);
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
latencies.sort((a, b) => a - b);

const signer = await platform.keyStore.signerFor('MZ-GA');
const fontBytes = new Uint8Array(fs.readFileSync(FONT_FILES.main()));
await naiveDocument(fontBytes, 0, signer);
const tn = performance.now();
for (let i = 0; i < baselineCount; i++) await naiveDocument(fontBytes, i, signer);
const naiveRate = baselineCount / ((performance.now() - tn) / 1000);

const size = fs.statSync(path.resolve('bench-data', `city-${residents}-s42.db`)).size;
console.log(
  `bench:issue — end-to-end issuance, ${residents.toLocaleString()}-resident city (SQLite, ${(size / 2 ** 30).toFixed(2)} GiB), one process`,
);
console.log(
  `  ${count} certificates, ${concurrency} in flight, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)}`,
);
console.log(`  ${(count / seconds).toFixed(1)} certificates/s  (target ≥ 200)`);
console.log(
  `  latency p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  (target p99 ≤ 50 ms)`,
);
console.log(`  CPU per certificate ${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms`);
console.log(
  `  naive document baseline (pdf-lib + fontkit full-font subset per document, signed): ${naiveRate.toFixed(1)} documents/s`,
);

await platform.close();
await store.close();
