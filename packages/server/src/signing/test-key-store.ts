// Test helper: a migrated store with one police station and a KeyStore over it (master key in memory).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestStore } from '../db/test-dialects.ts';
import { createKeyStore, type KeyStore } from './key-store.ts';

/** The station every signing test uses. */
export const TEST_STATION = {
  code: 'MZ-GA-441402-01',
  kind: 'police-station',
  parent_code: null,
  name: '梅州市公安局江南派出所',
  name_en: 'Jiangnan Police Station, Meizhou Public Security Bureau',
  uscc: '11441400MB2C12345X',
  area_code: '441402',
  address: '广东省梅州市梅江区江南路1号',
  phone: '0753-2123456',
  office_hours: '周一至周五 8:30-12:00，14:30-17:30',
};

/** A fresh store + KeyStore; `dispose()` removes both. */
export async function createTestKeyStore(dialect: 'sqlite' | 'postgres' = 'sqlite') {
  const store = await createTestStore(dialect);
  await store.db.insertInto('departments').values(TEST_STATION).execute();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-keys-'));
  const config = { masterKey: crypto.randomBytes(32), dataDir, publicUrl: 'https://zm.example.gov.cn' };
  const keyStore: KeyStore = createKeyStore(store, config);
  return {
    store,
    keyStore,
    config,
    async dispose() {
      await store.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
