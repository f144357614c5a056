// `http`: the department's JSON API — signed requests, bounded retries with backoff, a circuit breaker.
import type { SourceDefinition } from '@certcloud/core';
import { CircuitBreaker } from './circuit-breaker.ts';
import { type Connector, SourceReadError, type SourceRecord, toSourceRecord } from './connector.ts';
import { SIGNATURE_HEADERS, signRequest, verifyResponse } from './http-signing.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs `{subject}` to the department and expects a signed `{records: [...]}`. */
export function httpConnector(def: SourceDefinition, secrets: Readonly<Record<string, string>>): Connector {
  if (def.connector.kind !== 'http') throw new TypeError('not an http source');
  const spec = def.connector;
  const breaker = new CircuitBreaker(spec.breaker.failures, spec.breaker.cooldownMs);
  const path = new URL(spec.url).pathname;

  async function once(body: string, signal: AbortSignal): Promise<unknown> {
    const secret = secrets[spec.auth.secretName];
    if (secret === undefined)
      throw new SourceReadError('unreachable', `secret ${spec.auth.secretName} is not configured`);
    const headers = signRequest(spec.auth.keyId, secret, path, body);
    let res: Response;
    try {
      res = await fetch(spec.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body,
        signal,
      });
    } catch (e) {
      if (signal.aborted) throw new SourceReadError('timeout', 'department API timed out', { cause: e });
      throw new SourceReadError('unreachable', 'department API unreachable', { cause: e });
    }
    const text = await res.text().catch((e) => {
      throw new SourceReadError(signal.aborted ? 'timeout' : 'unreachable', 'response interrupted', {
        cause: e,
      });
    });
    if (!res.ok) throw new SourceReadError('http-status', `department API answered ${res.status}`);
    if (
      !verifyResponse(
        secret,
        headers[SIGNATURE_HEADERS.nonce]!,
        text,
        res.headers.get(SIGNATURE_HEADERS.signature),
      )
    ) {
      throw new SourceReadError('bad-signature', 'department response signature invalid');
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new SourceReadError('malformed', 'department response is not JSON', { cause: e });
    }
  }

  /** Retries only what may succeed on a second try: network errors and 5xx, never bad data. */
  async function call(body: string, signal: AbortSignal): Promise<unknown> {
    if (!breaker.allows()) throw new SourceReadError('circuit-open', 'department API circuit open');
    for (let attempt = 0; ; attempt++) {
      try {
        const json = await once(body, signal);
        breaker.recordSuccess();
        return json;
      } catch (e) {
        const err = e as SourceReadError;
        const retryable = err.reason === 'unreachable' || err.reason === 'http-status';
        if (!retryable || attempt >= spec.retries || signal.aborted) {
          breaker.recordFailure();
          throw err;
        }
        await sleep(spec.backoffMs * 2 ** attempt);
      }
    }
  }

  return {
    async read(subject, signal) {
      const json = (await call(JSON.stringify({ subject, source: def.id }), signal)) as { records?: unknown };
      if (!json || typeof json !== 'object' || !Array.isArray(json.records)) {
        throw new SourceReadError('malformed', 'department response has no records array');
      }
      return json.records.map((r): SourceRecord => {
        if (!r || typeof r !== 'object') throw new SourceReadError('malformed', 'record is not an object');
        return toSourceRecord(def, r as Record<string, unknown>);
      });
    },
    async probe(signal) {
      const t0 = performance.now();
      try {
        await call(JSON.stringify({ probe: true, source: def.id }), signal);
        return {
          ok: true,
          latencyMs: performance.now() - t0,
          detail: 'department API answered, signature valid',
        };
      } catch (e) {
        return { ok: false, latencyMs: performance.now() - t0, detail: (e as Error).message };
      }
    },
    async close() {},
  };
}
