// The demo city: created on the first start of an empty store, reused on every later start.
import type { Config } from '../config/config.ts';
import type { Store } from '../db/connection.ts';
import { chinaToday } from './calendar.ts';
import { cityParams, MIN_RESIDENTS, seedCity } from './seed-city.ts';

/** Creates the demo city on first start; a second start reuses it. */
export async function ensureDemoCity(
  store: Store,
  config: Config,
  log: (line: string) => void,
): Promise<void> {
  if (config.demoResidents === 0) return;
  const existing = await cityParams(store);
  if (existing) {
    log(
      `演示城市已存在 demo city reused: ${existing.residents} residents, seed ${existing.seed}, as of ${existing.today}`,
    );
    return;
  }
  const anyone = await store.db.selectFrom('src_household').select('id_number').limit(1).executeTakeFirst();
  if (anyone) {
    log('户籍数据已导入，不生成演示城市 household data present (imported): no demo city created');
    return;
  }
  const residents = Math.max(config.demoResidents, MIN_RESIDENTS);
  log(`正在生成演示城市 creating the demo city: ${residents} residents, seed ${config.demoSeed}`);
  const params = await seedCity(store, {
    residents,
    seed: config.demoSeed,
    today: chinaToday(),
    onProgress: (p) => {
      if (p.phase === 'load') log(`demo city ${p.percent}% (${p.residents} residents, ${p.rows} rows)`);
    },
  });
  log(
    `演示城市已生成 demo city created: ${params.residents} residents in ${params.households} households, ${params.rows} rows`,
  );
}
