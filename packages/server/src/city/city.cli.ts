// `certcloud seed | fixtures | import` — the synthetic city from the command line.
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '@certcloud/core';
import type { Config } from '../config/config.ts';
import { openStore, type Store } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { chinaToday } from './calendar.ts';
import { listFixtures } from './fixtures.ts';
import { type ImportProblem, importSourceFile } from './import-source.ts';
import { type SeedProgress, seedCity } from './seed-city.ts';

/** A CLI subcommand: config and its arguments → exit code. */
export type CliCommand = (config: Config, args: string[]) => Promise<number>;

async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(config.databaseUrl);
  try {
    await migrateToLatest(store.db);
    return await fn(store);
  } finally {
    await store.close();
  }
}

function integer(name: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw.replaceAll('_', ''))) {
    throw new AppError('VALIDATION_FAILED', {
      details: { problems: [`--${name} must be a whole number`] },
      message: `--${name} must be a whole number`,
    });
  }
  return Number(raw.replaceAll('_', ''));
}

const fmt = (n: number) => n.toLocaleString('en-US');

function progressLine(p: SeedProgress): string {
  if (p.phase === 'index') return `建立索引 building indexes… (${fmt(p.rows)} rows so far)`;
  if (p.phase === 'done') return `完成 done in ${(p.elapsedMs / 1000).toFixed(1)} s`;
  return `${p.percent.toFixed(1).padStart(5)}%  ${fmt(p.residents)} / ${fmt(p.total)} 居民 residents · ${fmt(p.rows)} 行 rows · ${fmt(p.rowsPerSecond)} 行/秒 rows/s`;
}

const seed: CliCommand = async (config, args) => {
  const { values } = parseArgs({
    args,
    options: {
      residents: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
  });
  const residents = integer('residents', values.residents);
  const seedValue = integer('seed', values.seed);
  const today = values.today ?? chinaToday();
  return withStore(config, async (store) => {
    const params = await seedCity(store, {
      residents,
      seed: seedValue,
      today,
      replace: values.replace,
      onProgress: (p) => process.stderr.write(`${progressLine(p)}\n`),
    });
    process.stdout.write(
      `合成城市已生成 city seeded: ${fmt(params.residents)} residents, ${fmt(params.households)} households, ` +
        `${fmt(params.rows)} source rows (seed ${params.seed}, as of ${params.today})\n` +
        '列出特意构造的人员 list the deliberate cases: certcloud fixtures --json\n',
    );
    return 0;
  });
};

const fixtures: CliCommand = async (config, args) => {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  return withStore(config, async (store) => {
    const list = await listFixtures(store);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    if (list.length === 0) {
      process.stdout.write('尚未生成合成城市 no city seeded yet: certcloud seed --residents N --seed S\n');
      return 0;
    }
    process.stdout.write('用例 case | 姓名 name | 公民身份号码 ID | 关联 related | 说明 note\n');
    for (const f of list) {
      const related = Object.entries(f.related)
        .map(([role, id]) => `${role}=${id}`)
        .join(' ');
      process.stdout.write(`${f.case} | ${f.name} | ${f.id} | ${related || '-'} | ${f.note}\n`);
    }
    return 0;
  });
};

const importCommand: CliCommand = async (config, args) => {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [source, file] = positionals;
  if (!source || !file) {
    process.stderr.write('用法 usage: certcloud import <source> <file.csv|file.json>\n');
    return 2;
  }
  return withStore(config, async (store) => {
    try {
      const result = await importSourceFile(store, source, file);
      process.stdout.write(`已导入 imported ${fmt(result.rows)} rows into ${result.source}\n`);
      return 0;
    } catch (e) {
      if (!isAppError(e) || e.code !== 'IMPORT_REJECTED') throw e;
      const details = e.details as { errorCount: number; errors: ImportProblem[] };
      process.stderr.write(
        `导入被拒绝，未写入任何数据 import rejected, nothing written (${details.errorCount} problems):\n`,
      );
      for (const p of details.errors)
        process.stderr.write(
          `  第 ${p.line} 行 line ${p.line}${p.column ? ` · ${p.column}` : ''} · ${p.reason}\n`,
        );
      return 1;
    }
  });
};

/** The city's subcommands by name. */
export const cityCommands: Record<string, CliCommand> = { seed, fixtures, import: importCommand };
