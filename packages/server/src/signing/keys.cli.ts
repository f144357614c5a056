// `certcloud keys list | keys rotate --department D`.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../city/city.cli.ts';
import type { Config } from '../config/config.ts';
import { openStore } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createKeyStore } from './key-store.ts';
import { allKeys } from './signing-keys.repository.ts';

async function withKeyStore(
  config: Config,
  work: (ks: ReturnType<typeof createKeyStore>, store: ReturnType<typeof openStore>) => Promise<number>,
) {
  const store = openStore(config.databaseUrl);
  try {
    await migrateToLatest(store.db);
    return await work(createKeyStore(store, config), store);
  } finally {
    await store.close();
  }
}

const keys: CliCommand = async (config, args) => {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    return withKeyStore(config, async (_ks, store) => {
      for (const k of await allKeys(store.db)) {
        process.stdout.write(
          `${k.status.padEnd(8)} ${k.purpose.padEnd(10)} ${k.algorithm.padEnd(6)} ${(k.department_code || '(platform)').padEnd(20)} ${k.kid}  ${k.created_at}${k.retired_at ? `  retired ${k.retired_at}` : ''}\n`,
        );
      }
      return 0;
    });
  }
  if (sub === 'rotate') {
    const { values } = parseArgs({ args: rest, options: { department: { type: 'string' } } });
    if (!values.department) {
      process.stderr.write('用法 usage: certcloud keys rotate --department <code>\n');
      return 2;
    }
    const department = values.department;
    return withKeyStore(config, async (ks) => {
      const signer = await ks.rotate(department);
      process.stdout.write(
        `已轮换 rotated ${department}: pdf ${signer.pdf.kid}, credential ${signer.credential.kid}, qr ${signer.qr.kid}\n` +
          '旧密钥已停用但仍公开，已签发的证明仍可核验 old keys are retired but still published\n' +
          '提示 note: running servers keep their cached keys until restarted\n',
      );
      return 0;
    });
  }
  process.stderr.write('用法 usage: certcloud keys list | keys rotate --department <code>\n');
  return 2;
};

/** The key-management subcommands by name. */
export const keysCommands: Record<string, CliCommand> = { keys };
