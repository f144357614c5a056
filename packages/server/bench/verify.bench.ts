// bench:verify — verification by code over HTTP with autocannon against a running certcloud server (its
// own process, SQLite, per-IP and global verification limits raised for the run), and in the same run a
// bare Fastify hello-world on the same machine as the yardstick (target ≥ 0.5 of it). Also uploaded PDFs
// verified per second (signature, coverage, chain, record by SHA-256, status; target ≥ 100/s).
// Modes: no flag = the benchmark (`--breakdown` adds servers doing part of a check, to show where the time goes);
// `--serve <db> <dataDir>` = the certcloud server; `--hello` = hello-world; `--part …` = one part (below).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chinaDate } from '@certcloud/core';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pino from 'pino';
import { seedCity } from '../src/city/seed-city.ts';
import { loadConfig } from '../src/config/config.ts';
import { openStore } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp } from '../src/http/app.ts';
import { findDocument } from '../src/modules/certificates/certificates.repository.ts';
import { issueCertificate } from '../src/modules/certificates/issue-certificate.ts';
import { findByVerificationCode } from '../src/modules/verification/verification.repository.ts';
import { createVerificationLog } from '../src/modules/verification/verification-log.ts';
import { verifyByCode } from '../src/modules/verification/verify-code.ts';
import { verifyDocument } from '../src/modules/verification/verify-document.ts';
import { createPlatform } from '../src/platform.ts';
import { arg } from './bench-city.ts';

const SELF = fileURLToPath(import.meta.url);
const PARTS = ['constant', 'lookup', 'statement', 'recorded'] as const;
const PART_NAMES: Record<(typeof PARTS)[number], string> = {
  constant: 'the real answer, precomputed',
  lookup: '+ the SQLite lookup by code',
  statement: '+ status, masking, the public statement',
  recorded: '+ the verification record (writer thread)',
};
const UNLIMITED = {
  CERTCLOUD_VERIFY_RATE_PER_MINUTE: '100000000',
  CERTCLOUD_VERIFY_GLOBAL_PER_MINUTE: '100000000',
};

/** Prints `PORT <n>` once listening; the parent reads it. */
async function listenAndAnnounce(app: { listen(o: { port: number; host: string }): Promise<string> }) {
  process.once('SIGTERM', () => process.exit(0)); // exit normally (profilers write their files on exit)
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`PORT ${new URL(address).port}\n`);
}

if (process.argv.includes('--hello')) {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await listenAndAnnounce(app);
} else if (process.argv.includes('--serve')) {
  const i = process.argv.indexOf('--serve');
  const [dbFile, dataDir] = [process.argv[i + 1]!, process.argv[i + 2]!];
  const config = loadConfig({
    DATABASE_URL: dbFile,
    CERTCLOUD_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...UNLIMITED,
  });
  const store = openStore(dbFile);
  const app = await buildApp({ config, store, logger: pino({ level: 'warn' }) });
  await listenAndAnnounce(app);
} else if (process.argv.includes('--part')) {
  await servePart();
} else {
  await benchmark();
}

/**
 * `--part <name> <db> <dataDir>`: the verify route on a bare Fastify (no hooks, no logger) doing only part of
 * the work, for `--breakdown`: `constant` answers a precomputed answer, `lookup` also reads the code's row,
 * `statement` runs the whole check without recording it, `recorded` records it too (the log's writer thread).
 */
async function servePart(): Promise<void> {
  const i = process.argv.indexOf('--part');
  const [part, dbFile, dataDir] = [process.argv[i + 1]!, process.argv[i + 2]!, process.argv[i + 3]!];
  const config = loadConfig({ DATABASE_URL: dbFile, CERTCLOUD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const store = openStore(dbFile);
  const platform = await createPlatform(config, store);
  const log = createVerificationLog(store);
  const unrecorded = { record() {}, flush: async () => {}, close: async () => {} };
  const services = {
    ...platform,
    store,
    log: part === 'recorded' ? log : unrecorded,
    publicUrl: config.publicUrl,
  };
  const first = await store.db
    .selectFrom('certificates')
    .select('verification_code')
    .executeTakeFirstOrThrow();
  const answer = await verifyByCode(services, first.verification_code);
  const app = Fastify({ logger: false });
  app.get<{ Params: { code: string } }>('/api/v1/verify/:code', async (req) => {
    if (part === 'constant') return answer;
    if (part === 'lookup') return (await findByVerificationCode(store, req.params.code)) ? answer : null;
    return verifyByCode(services, req.params.code);
  });
  await listenAndAnnounce(app);
}

async function benchmark(): Promise<void> {
  const seconds = arg('seconds', 5);
  const rounds = arg('rounds', 3);
  const breakdown = process.argv.includes('--breakdown');
  const connections = arg('connections', 32);
  const certificates = arg('certificates', 200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-bench-verify-'));
  const dbFile = path.join(dir, 'city.db');
  const dataDir = path.join(dir, 'data');
  try {
    // 1. A small city with certificates issued through the real path.
    const store = openStore(dbFile);
    await migrateToLatest(store.db);
    await seedCity(store, { residents: 3000, seed: 5, today: chinaDate(new Date()) });
    const config = loadConfig({ DATABASE_URL: dbFile, CERTCLOUD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const platform = await createPlatform(config, store);
    const holders = await store.db
      .selectFrom('src_household')
      .select('id_number')
      .where('status', '=', 'registered')
      .orderBy('id_number')
      .limit(certificates)
      .execute();
    const codes: string[] = [];
    const pdfs: Buffer[] = [];
    for (const { id_number } of holders) {
      const identity = {
        kind: 'resident',
        idNumber: id_number,
        accountId: 'bench',
        sessionId: 'bench',
      } as const;
      try {
        const cert = await issueCertificate({ ...platform, store, publicUrl: config.publicUrl }, identity, {
          type: 'household-registration',
          purpose: '入学',
        });
        codes.push(cert.verification_code);
        if (pdfs.length < 50) pdfs.push(Buffer.from((await findDocument(store.db, cert.id, 'pdf'))!.content));
      } catch {
        // minors and others the rule refuses are skipped
      }
    }
    process.stdout.write(`issued ${codes.length} certificates in a 3 000-resident city (${dbFile})\n`);

    // 2. PDFs verified per second, in process (what POST /api/v1/verify/document does after parsing).
    const log = createVerificationLog(store);
    const services = { ...platform, store, log, publicUrl: config.publicUrl };
    for (let k = 0; k < 20; k++) await verifyDocument(services, pdfs[k % pdfs.length]!); // warm-up
    let verified = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 3000) {
      const answer = await verifyDocument(services, pdfs[verified % pdfs.length]!);
      if (answer.verdict !== 'valid')
        throw new Error(`bench PDF did not verify: ${answer.failedChecks.join(',')}`);
      verified++;
    }
    const pdfRate = verified / ((performance.now() - t0) / 1000);
    await log.close();
    await platform.close();
    await store.close();

    // 3. HTTP: hello-world and verify-by-code (and with --breakdown the parts of a check), all servers up,
    // measured alternately (`rounds` times each, medians reported) so that a change in the machine's speed
    // during the run hits every side alike.
    let n = 0;
    const nextPath = () => `/api/v1/verify/${codes[n++ % codes.length]}`;
    const sides = [
      { name: 'hello', mode: ['--hello'], path: undefined },
      { name: 'verify', mode: ['--serve', dbFile, dataDir], path: nextPath },
      ...(breakdown
        ? PARTS.map((p) => ({ name: p, mode: ['--part', p, dbFile, dataDir], path: nextPath }))
        : []),
    ];
    const servers = await Promise.all(sides.map((side) => start(side.mode)));
    const runs = new Map<string, Run[]>(sides.map((side) => [side.name, []]));
    try {
      for (const [k, side] of sides.entries()) {
        await cannon(`http://127.0.0.1:${servers[k]!.port}`, 2, connections, side.path); // warm-up
      }
      for (let r = 0; r < rounds; r++) {
        for (const [k, side] of sides.entries()) {
          const url = `http://127.0.0.1:${servers[k]!.port}${side.path ? '' : '/'}`;
          runs.get(side.name)!.push(await cannon(url, seconds, connections, side.path, servers[k]!.pid));
        }
      }
    } finally {
      for (const server of servers) server.stop();
    }
    const helloRuns = runs.get('hello')!;
    const verifyRuns = runs.get('verify')!;
    const h = median(helloRuns);
    const v = median(verifyRuns);
    const ratio = v.rps / h.rps;
    const rounds_ = (runs: Run[]) => runs.map((x) => x.rps.toFixed(0)).join(' / ');
    const cpu = (x: Run) => (x.cpuMicros === null ? '' : `, server CPU ${x.cpuMicros.toFixed(0)} µs/request`);
    process.stdout.write(
      [
        '',
        `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; autocannon ${connections} connections, ${rounds} alternating rounds of ${seconds} s, medians`,
        `bare Fastify hello-world:           ${h.rps.toFixed(0)} req/s (p99 ${h.p99} ms${cpu(h)}; rounds ${rounds_(helloRuns)})`,
        `GET /api/v1/verify/{code} (SQLite): ${v.rps.toFixed(0)} req/s (p99 ${v.p99} ms${cpu(v)}; rounds ${rounds_(verifyRuns)}), non-2xx ${verifyRuns.reduce((a, x) => a + x.errors, 0)}`,
        `ratio verify / hello-world:         ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`,
        `PDFs verified per second:           ${pdfRate.toFixed(0)} /s in one process (target ≥ 100) ${pdfRate >= 100 ? 'OK' : 'BELOW TARGET'}`,
        ...(breakdown
          ? [
              'breakdown (bare Fastify, no hooks, doing part of a check; medians):',
              ...PARTS.map((p) => {
                const m = median(runs.get(p)!);
                return `  ${PART_NAMES[p].padEnd(48)} ${m.rps.toFixed(0).padStart(6)} req/s${cpu(m)}`;
              }),
            ]
          : []),
        '',
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Run {
  rps: number;
  p99: number;
  errors: number;
  /** The server process's CPU time per request (Linux), or null. */
  cpuMicros: number | null;
}

/** The run with the median rate. */
function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

/** CPU seconds a process has used so far (Linux /proc), or null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

/** Starts this file in `mode` as a child process and waits until it listens. */
async function start(mode: string[]): Promise<{ port: number; pid: number | undefined; stop(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env['BENCH_CPU_PROF']
        ? ['--cpu-prof', '--cpu-prof-dir=' + process.env['BENCH_CPU_PROF']]
        : []),
      '--import',
      'tsx',
      SELF,
      ...mode,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = () => void child.kill('SIGTERM');
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let seen = '';
      child.stdout!.on('data', (d: Buffer) => {
        seen += d.toString();
        const m = /PORT (\d+)/.exec(seen);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
    });
    return { port, pid: child.pid, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** Runs autocannon for `seconds` and returns the mean requests per second (and the server's CPU use). */
async function cannon(
  url: string,
  seconds: number,
  connections: number,
  nextPath?: () => string,
  serverPid?: number,
): Promise<Run> {
  const options: autocannon.Options = {
    url,
    connections,
    duration: seconds,
    ...(nextPath ? { requests: [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }] } : {}),
  };
  const cpu0 = cpuSeconds(serverPid);
  const r = await autocannon(options);
  const cpu1 = cpuSeconds(serverPid);
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors,
    cpuMicros: cpu0 === null || cpu1 === null ? null : ((cpu1 - cpu0) * 1e6) / r.requests.total,
  };
}
