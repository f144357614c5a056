// Subcommand dispatch for `certcloud`. Each command is a small module; this file only routes.
import { parseArgs } from 'node:util';
import { cityCommands } from '../city/city.cli.ts';
import { loadConfig, settingDocs } from '../config/config.ts';
import { openStore } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { authCommands } from '../modules/auth/auth.cli.ts';
import { certificateCommands } from '../modules/certificates/certificates.cli.ts';
import { verifyCommands } from '../modules/verification/verification.cli.ts';
import { keysCommands } from '../signing/keys.cli.ts';
import { serve } from './serve.ts';

const USAGE = `certcloud — 证明云共享平台

用法 usage: certcloud <command> [options]

  serve                         启动平台 start the platform (default)
  migrate                       升级数据库 apply database migrations
  seed --residents N --seed S   生成合成城市 create the synthetic city
  fixtures --json               列出特意构造的测试人员 print the seeded edge cases
  import <source> <file>        导入部门数据 import a CSV/JSON file into a source table
  config                        列出所有设置 list every setting
  keys list | keys rotate --department D   签章密钥 signing keys
  issue --type T --holder ID --purpose P [--out f.pdf]   开具证明 issue a certificate
  verify <file.pdf | token> [--keys jwks.json]   离线核验 verify offline with a saved key set
  staff add|disable, clients add|rotate, kiosks add   账号与凭据 accounts and credentials
`;

/** Runs one CLI invocation; resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'config') {
    for (const [name, def, meaning] of settingDocs)
      process.stdout.write(`${name.padEnd(30)} ${def.padEnd(24)} ${meaning}\n`);
    return 0;
  }
  const config = loadConfig();
  if (command === 'serve') {
    parseArgs({ args: rest, options: {} });
    await serve(config);
    return 0;
  }
  if (command === 'migrate') {
    const store = openStore(config.databaseUrl);
    try {
      const applied = await migrateToLatest(store.db);
      process.stdout.write(
        applied.length ? `已应用 applied: ${applied.join(', ')}\n` : '数据库已是最新 up to date\n',
      );
    } finally {
      await store.close();
    }
    return 0;
  }
  const authCommand = authCommands[command]; // staff | clients | kiosks
  if (authCommand) return authCommand(config, rest);
  const keysCommand = keysCommands[command];
  if (keysCommand) return keysCommand(config, rest);
  const certificateCommand = certificateCommands[command];
  if (certificateCommand) return certificateCommand(config, rest);
  const verifyCommand = verifyCommands[command];
  if (verifyCommand) return verifyCommand(config, rest);
  const cityCommand = cityCommands[command];
  if (cityCommand) return cityCommand(config, rest);
  process.stderr.write(`未知命令 unknown command: ${command}\n\n${USAGE}`);
  return 2;
}
