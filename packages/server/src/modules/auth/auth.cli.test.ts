import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { openStore } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { authCommands } from './auth.cli.ts';
import { verifyStaffLogin } from './staff.service.ts';
import { ensureDepartments } from './test-data.ts';

describe('certcloud staff | clients | kiosks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-cli-'));
  const config = loadConfig({ DATABASE_URL: path.join(dir, 'cli.db') });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => lines.push(String(s)) > 0);
    const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => lines.push(String(s)) > 0);
    try {
      const code = await authCommands[args[0]!]!(config, args.slice(1));
      return { code, out: lines.join('') };
    } finally {
      spy.mockRestore();
      errSpy.mockRestore();
    }
  }

  it('adds a staff member and prints the password and TOTP enrolment once, usable to sign in', async () => {
    const store = openStore(config.databaseUrl);
    await migrateToLatest(store.db);
    await ensureDepartments(store.db, ['MZ-GA', 'MZ-GA-441402-01']);
    const added = await run([
      'staff',
      'add',
      '--username',
      'officer.chen',
      '--department',
      'MZ-GA',
      '--roles',
      'window-officer',
      '--stations',
      'MZ-GA-441402-01',
    ]);
    expect(added.code).toBe(0);
    const password = /initial password : (\S+)/.exec(added.out)?.[1];
    const secret = /TOTP secret {2}: (\S+)/.exec(added.out)?.[1];
    expect(added.out).toMatch(/otpauth:\/\/totp\//);
    const totp = await generate({ secret: secret! });
    expect(await verifyStaffLogin(store.db, { username: 'officer.chen', password: password!, totp })).toBe(
      'officer.chen',
    );
    await store.close();

    const missing = await run([
      'staff',
      'add',
      '--username',
      'x.y',
      '--department',
      'NOPE',
      '--roles',
      'admin',
    ]);
    expect(missing.code).toBe(1);
    expect(
      (
        await run([
          'clients',
          'add',
          '--kind',
          'department',
          '--owner',
          'MZ-GA',
          '--name',
          'psb',
          '--scopes',
          'check:survival',
        ])
      ).out,
    ).toMatch(/client_secret : cs_/);
    expect((await run(['kiosks', 'add', '--name', 'k1', '--location', 'hall'])).out).toMatch(
      /device credential \(shown once\): ckd_/,
    );
    expect((await run(['staff', 'disable', '--username', 'officer.chen'])).code).toBe(0);
  });
});
