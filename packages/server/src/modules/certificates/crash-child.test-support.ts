// Run as a child process by the crash test: issues one certificate and dies by SIGKILL at the given step.
import { loadConfig } from '../../config/config.ts';
import { openStore } from '../../db/connection.ts';
import { createPlatform } from '../../platform.ts';
import { issueCertificate } from './issue-certificate.ts';

const [dbPath, dataDir, holderId, step] = process.argv.slice(2) as [string, string, string, string];
const config = loadConfig({ DATABASE_URL: dbPath, CERTCLOUD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const store = openStore(config.databaseUrl);
const platform = await createPlatform(config, store);
await issueCertificate(
  {
    ...platform,
    store,
    publicUrl: config.publicUrl,
    failpoint: (at) => {
      if (at === step) process.kill(process.pid, 'SIGKILL');
    },
  },
  { kind: 'resident', idNumber: holderId, accountId: 'crash-test', sessionId: 'crash-test' },
  { type: 'household-registration', purpose: '崩溃测试 crash test' },
);
process.stdout.write('survived\n');
await platform.close();
await store.close();
