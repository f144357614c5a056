// What an operator scraping /metrics sees: requests by route pattern and status, never a concrete URL.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestStore } from '../db/test-dialects.ts';
import { buildApp } from './app.ts';

describe('/metrics', () => {
  it('counts requests per route pattern and status, and times them', async () => {
    const store = await createTestStore('sqlite');
    const config = loadConfig({ DATABASE_URL: ':memory:', LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, store, logger: pino({ level: 'silent' }) });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await app.inject({ url: `/api/v1/verify/ABCD-EFGH-${i}` });
        expect(r.statusCode).toBe(404);
      }
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      const text = (await app.inject({ url: '/metrics' })).body;
      expect(text).toMatch(
        /certcloud_http_requests_total\{method="GET",route="\/api\/v1\/verify\/:code",status="404"\} 3\n/,
      );
      expect(text).toMatch(
        /certcloud_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1\n/,
      );
      expect(text).toMatch(
        /certcloud_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/verify\/:code"\} 3\n/,
      );
      expect(text).not.toContain('ABCD-EFGH');
    } finally {
      await app.close();
      await store.dispose();
    }
  });
});
