import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('config', () => {
  it('runs on the embedded SQLite default with no settings', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ dialect: 'sqlite', port: 8080, demoResidents: 20_000 });
    expect(config.databaseUrl).toMatch(/data\/certcloud\.db$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('recognises a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).dialect).toBe('postgres');
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        CERTCLOUD_DEMO_RESIDENTS: '-1',
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('LOG_LEVEL="loud"');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('CERTCLOUD_DEMO_RESIDENTS="-1"');
  });
});
