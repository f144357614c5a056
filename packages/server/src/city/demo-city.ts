import type { Config } from '../config/config.ts';
import type { Store } from '../db/connection.ts';

/** Creates the demo city on first start; a second start reuses it. */
export async function ensureDemoCity(
  _store: Store,
  _config: Config,
  _log: (line: string) => void,
): Promise<void> {}
