import type { SourceDefinition } from '@certcloud/core';
import { sourceSchema } from '@certcloud/core';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceReadError } from './connector.ts';
import { startDepartmentServer } from './department-server.test-support.ts';
import { httpConnector } from './http.connector.ts';

const SECRET = 'dept-secret-for-tests';
const PERSON = '441402199001011234';

function definition(url: string, extra: Partial<Record<string, unknown>> = {}): SourceDefinition {
  return sourceSchema.parse({
    id: 'pensioner-api',
    department: 'MZ-RS',
    name: '养老金领取人员（接口）',
    nameEn: 'Pensioners (API)',
    keyFields: ['id_number'],
    fields: { id_number: 'residentId', status: 'string', monthly_amount_cents: 'integer' },
    freshness: 'realtime',
    connector: {
      kind: 'http',
      url,
      auth: { kind: 'hmac-sha256', keyId: 'certcloud', secretName: 'RS' },
      retries: 1,
      backoffMs: 5,
      breaker: { failures: 2, cooldownMs: 60_000 },
      ...extra,
    },
  });
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'answered';
  } catch (e) {
    return e instanceof SourceReadError ? e.reason : `other: ${(e as Error).message}`;
  }
}

describe('http connector against a real department service', () => {
  it('reads signed records and types them', async () => {
    const dept = await startDepartmentServer({
      secret: SECRET,
      records: { [PERSON]: [{ id_number: PERSON, status: 'paying', monthly_amount_cents: '312000' }] },
    });
    servers.push(dept);
    const c = httpConnector(definition(dept.url), { RS: SECRET });
    const records = await c.read(PERSON, new AbortController().signal);
    expect(records).toEqual([{ id_number: PERSON, status: 'paying', monthly_amount_cents: 312000 }]);
    expect(await c.read('441402199001010000', new AbortController().signal)).toEqual([]);
    expect((await c.probe(new AbortController().signal)).ok).toBe(true);
  });

  it('gives up on a slow department when the caller times out', async () => {
    const dept = await startDepartmentServer({
      secret: SECRET,
      records: {},
      behaviour: 'slow',
      slowMs: 3000,
    });
    servers.push(dept);
    const c = httpConnector(definition(dept.url), { RS: SECRET });
    expect(await reason(c.read(PERSON, AbortSignal.timeout(100)))).toBe('timeout');
  });

  it('retries a failing department, then opens the circuit and stops calling it', async () => {
    const dept = await startDepartmentServer({ secret: SECRET, records: {}, behaviour: 'error' });
    servers.push(dept);
    const c = httpConnector(definition(dept.url), { RS: SECRET });
    expect(await reason(c.read(PERSON, new AbortController().signal))).toBe('http-status');
    expect(dept.calls).toBe(2); // one retry
    expect(await reason(c.read(PERSON, new AbortController().signal))).toBe('http-status');
    const callsWhenOpened = dept.calls;
    expect(await reason(c.read(PERSON, new AbortController().signal))).toBe('circuit-open');
    expect(dept.calls).toBe(callsWhenOpened);
  });

  it('rejects malformed JSON and a bad response signature, without retrying', async () => {
    const dept = await startDepartmentServer({ secret: SECRET, records: {}, behaviour: 'malformed' });
    servers.push(dept);
    const c = httpConnector(definition(dept.url), { RS: SECRET });
    expect(await reason(c.read(PERSON, new AbortController().signal))).toBe('malformed');
    dept.behaviour = 'bad-signature';
    expect(await reason(c.read(PERSON, new AbortController().signal))).toBe('bad-signature');
    expect(dept.calls).toBe(2);
  });

  it('is refused by the department when the platform signs with the wrong secret', async () => {
    const dept = await startDepartmentServer({ secret: SECRET, records: {} });
    servers.push(dept);
    const c = httpConnector(definition(dept.url, { retries: 0 }), { RS: 'wrong' });
    expect(await reason(c.read(PERSON, new AbortController().signal))).toBe('http-status');
  });
});
