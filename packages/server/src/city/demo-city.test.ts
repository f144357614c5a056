import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestStore, TEST_DIALECTS } from '../db/test-dialects.ts';
import { ensureDemoCity } from './demo-city.ts';
import { listFixtures } from './fixtures.ts';

describe.each(TEST_DIALECTS)('demo city on %s', (dialect) => {
  it('is created on the first start and reused on the second', async () => {
    const store = await createTestStore(dialect);
    try {
      const config = loadConfig({ CERTCLOUD_DEMO_RESIDENTS: '300', CERTCLOUD_DEMO_SEED: '5' });
      const lines: string[] = [];
      await ensureDemoCity(store, config, (l) => lines.push(l));
      const count = async () =>
        (await store.db.selectFrom('src_household').select('id_number').execute()).length;
      expect(await count()).toBe(300);
      const fixtures = await listFixtures(store);
      expect(fixtures.length).toBeGreaterThan(16);
      await ensureDemoCity(store, config, (l) => lines.push(l));
      expect(await count()).toBe(300);
      expect(await listFixtures(store)).toEqual(fixtures);
      expect(lines.at(-1)).toContain('reused');
    } finally {
      await store.dispose();
    }
  });
});
