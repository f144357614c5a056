// `certcloud staff | clients | kiosks`: accounts and credentials from the command line (secrets shown once).
import { parseArgs } from 'node:util';
import { isAppError } from '@certcloud/core';
import type { CliCommand } from '../../city/city.cli.ts';
import type { Config } from '../../config/config.ts';
import { openStore } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { StaffRole } from '../../http/identity.ts';
import { createClient, rotateClientSecret } from './clients.service.ts';
import { createKiosk } from './kiosks.service.ts';
import { createStaff, updateStaff } from './staff.service.ts';

const USAGE = `  staff add --username U --department D --roles r1,r2 [--stations S1,S2] [--name 姓名]
  staff disable --username U
  clients add --kind department|organisation --owner CODE --name N --scopes s1,s2
  clients rotate --id CLIENT_ID
  kiosks add --name N --location L
`;

const list = (v: string | undefined): string[] =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const out = (line: string) => process.stdout.write(`${line}\n`);

async function withStore(
  config: Config,
  work: (db: ReturnType<typeof openStore>['db']) => Promise<void>,
): Promise<number> {
  const store = openStore(config.databaseUrl);
  try {
    await migrateToLatest(store.db);
    await work(store.db);
    return 0;
  } catch (err) {
    if (!isAppError(err)) throw err;
    process.stderr.write(`${err.code}: ${err.message} ${err.details ? JSON.stringify(err.details) : ''}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

function usage(): number {
  process.stderr.write(`用法 usage:\n${USAGE}`);
  return 2;
}

const staff: CliCommand = async (config, args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      department: { type: 'string' },
      roles: { type: 'string' },
      stations: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const [sub] = positionals;
  if (sub === 'add' && values.username && values.department && values.roles) {
    return withStore(config, async (db) => {
      const e = await createStaff(db, {
        username: values.username!,
        displayName: values.name,
        departmentCode: values.department!,
        roles: list(values.roles) as StaffRole[],
        stationCodes: list(values.stations),
      });
      out(`工作人员已创建 staff added: ${e.username}`);
      out('以下内容只显示一次，请当面交给本人 — shown once, hand over in person:');
      out(`  初始密码 initial password : ${e.initialPassword}`);
      out(`  动态口令密钥 TOTP secret  : ${e.totpSecret}`);
      out(`  otpauth URL               : ${e.otpauthUrl}`);
    });
  }
  if (sub === 'disable' && values.username) {
    return withStore(config, async (db) => {
      const r = await updateStaff(db, values.username!, { disabled: true });
      out(`已停用 disabled: ${values.username} (${r.sessionsRevoked} sessions ended)`);
    });
  }
  return usage();
};

const clients: CliCommand = async (config, args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      owner: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      id: { type: 'string' },
    },
  });
  const [sub] = positionals;
  if (
    sub === 'add' &&
    (values.kind === 'department' || values.kind === 'organisation') &&
    values.owner &&
    values.name
  ) {
    const kind = values.kind;
    return withStore(config, async (db) => {
      const c = await createClient(db, {
        kind,
        ownerCode: values.owner!,
        name: values.name!,
        scopes: list(values.scopes),
      });
      out(`接口客户端已创建 client added — the secret is shown once:`);
      out(`  client_id     : ${c.clientId}`);
      out(`  client_secret : ${c.clientSecret}`);
    });
  }
  if (sub === 'rotate' && values.id) {
    return withStore(config, async (db) => {
      const r = await rotateClientSecret(db, values.id!);
      out(`新密钥 new client_secret (shown once): ${r.clientSecret}`);
    });
  }
  return usage();
};

const kiosks: CliCommand = async (config, args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, location: { type: 'string' } },
  });
  if (positionals[0] === 'add' && values.name && values.location) {
    return withStore(config, async (db) => {
      const k = await createKiosk(db, { name: values.name!, location: values.location! });
      out(`自助机已登记 kiosk registered: ${k.kioskId}`);
      out(`  设备凭据 device credential (shown once): ${k.deviceCredential}`);
    });
  }
  return usage();
};

/** The auth subcommands by name. */
export const authCommands: Record<string, CliCommand> = { staff, clients, kiosks };
